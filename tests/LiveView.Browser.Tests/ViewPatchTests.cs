using Giraffe.ViewEngine;
using LiveView.Views.Testing;

namespace LiveView.Browser.Tests;

/// <summary>
/// Hand-written patches followed on the runtime's copy of the page (<c>ViewPatch.follow</c>), against what Chromium
/// makes of them: content replaced or appended, elements removed, by id, over random views. Text nodes are compared
/// one by one: appended text stays a node of its own in the DOM, and so it must in the copy.
/// </summary>
public sealed class ViewPatchTests(Chromium chromium) : LabPageTests(chromium)
{
    private const int Cases = 300;

    // The container after the patch and the copy, both written out canonically, and how many texts sit beside a text.
    private const string Check = "(cases) => {\n" + DomFunctions + """
          const model = (node) => typeof node === "string"
            ? JSON.stringify(node)
            : `<${node.tag}${attributes(node.attributes)}>`
              + (node.markup != null ? [...parsed(node.markup).childNodes].map(canonical).join("") : node.children.map(model).join(""))
              + `</${node.tag}>`;
          return cases.map(({ before, selector, html, append, remove, after }) => {
            const container = parsed(before);
            document.body.append(container);
            const target = document.querySelector(selector);
            if (target && container.contains(target)) {
              if (remove) target.remove();
              else if (append) target.insertAdjacentHTML("beforeend", html);
              else target.innerHTML = html;
            }
            const dom = [...container.childNodes].map(canonical).join("");
            const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
            let seams = 0;
            while (walker.nextNode()) if (walker.currentNode.previousSibling?.nodeType === Node.TEXT_NODE) seams++;
            container.remove();
            return [dom, JSON.parse(after).map(model).join(""), String(seams)];
          });
        }
        """;

    [Fact]
    public async Task The_copy_of_the_page_follows_300_random_hand_written_patches_as_Chromium_applies_them()
    {
        var page = await OpenLabAsync();
        var cases = ViewSamples.patched(Cases, 20261125UL).Select(sample =>
        {
            var (view, patch) = sample;
            var after = ViewPatch.follow(ViewTree.ofView(view), patch);
            Assert.True(after.IsValueSome, $"a patch by id is always followed: {patch}");
            return new
            {
                before = Html(view),
                selector = patch is Patch.Swap swap ? swap.Selector : ((Patch.Delete)patch).Selector,
                html = patch is Patch.Swap added ? Html(added.Nodes) : "",
                append = patch is Patch.Swap { Append: true },
                remove = patch is Patch.Delete,
                // As a string: Playwright's own encoding of nested objects stops at a depth these trees pass.
                after = System.Text.Json.JsonSerializer.Serialize(after.Value.Select(Model).ToArray()),
            };
        }).ToArray();

        var results = await page.EvaluateAsync<string[][]>(Check, cases);

        for (var i = 0; i < Cases; i++)
        {
            Assert.True(results[i][0] == results[i][1], $"case {i}: {cases[i].selector} (append: {cases[i].append}, remove: {cases[i].remove})\nChromium: {results[i][0]}\nthe copy: {results[i][1]}");
        }

        // Some appends put text beside text: the case the copy must not merge.
        Assert.Contains(results, r => r[2] != "0");
    }

    private static string Html(IEnumerable<XmlNode> nodes) => string.Concat(nodes.Select(RenderView.AsString.htmlNode));

    private static object Model(ViewNode node) => node switch
    {
        ViewNode.Text text => text.Item,
        ViewNode.Element element => new
        {
            tag = element.Tag,
            attributes = element.Attributes.Select(pair => new[] { pair.Item1, pair.Item2 }).ToArray(),
            children = element.Content switch
            {
                ViewContent.Children children => children.Item.Select(Model).ToArray(),
                ViewContent.Rows rows => rows.Item.Nodes.Select(Model).ToArray(),
                ViewContent.Ignored => [], // the page's scripts own it: not compared
                _ => null,
            },
            markup = element.Content is ViewContent.Markup markup ? markup.Item : null,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };
}
