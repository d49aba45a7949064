using System.Text;
using System.Text.Json;
using LiveView.AspNetCore;
using LiveView.Views.Testing;
using Microsoft.FSharp.Collections;

namespace LiveView.Browser.Tests;

/// <summary>
/// View changes in Chromium, over the random views the core's properties use: the tree the core builds of a view is
/// the DOM the browser parses from its HTML, and the client's <c>applyChanges</c> turns the DOM of one view into the
/// DOM of the next.
/// </summary>
public sealed class ViewChangesTests(Chromium chromium) : LabPageTests(chromium)
{
    private const int Pairs = 300;

    // Each container's DOM written out canonically, and whether applying the changes reported a missing node.
    private const string Check = "(pairs) => {\n" + DomFunctions + """
          return pairs.map(({ giraffe, before, after, changes }) => {
            const target = parsed(before);
            const applied = LiveView.applyChanges(target, JSON.parse(changes));
            return [canonical(parsed(giraffe)), canonical(parsed(before)), applied ? canonical(target) : "(a change missed)", canonical(parsed(after))];
          });
        }
        """;

    [Fact]
    public async Task The_changes_of_300_random_view_pairs_turn_each_old_DOM_into_the_new_one()
    {
        var page = await OpenLabAsync();
        var cases = ViewSamples.pairs(Pairs, 20261125UL).Select(pair =>
        {
            var (before, after) = (ViewTree.ofView(pair.Item1), ViewTree.ofView(pair.Item2));
            return new
            {
                giraffe = string.Concat(pair.Item1.Select(Giraffe.ViewEngine.RenderView.AsString.htmlNode)),
                before = ViewHtml.ofNodes(before),
                after = ViewHtml.ofNodes(after),
                changes = Json(ViewDiff.between(before, after)),
            };
        }).ToArray();

        var results = await page.EvaluateAsync<string[][]>(Check, cases);

        var changed = 0;
        for (var i = 0; i < Pairs; i++)
        {
            var (giraffe, before, applied, after) = (results[i][0], results[i][1], results[i][2], results[i][3]);
            Assert.True(giraffe == before, $"pair {i}: the core's tree of the view is not the DOM Chromium parses from its HTML\nGiraffe: {giraffe}\ntree:    {before}");
            Assert.True(applied == after, $"pair {i}: the changes {cases[i].changes}\nturned {before}\ninto    {applied}\nnot     {after}");
            changed += before == after ? 0 : 1;
        }

        Assert.True(changed > Pairs / 2, $"only {changed} of {Pairs} pairs differ");
    }

    private static string Json(FSharpList<ViewChange> changes)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            ViewChangesJson.Write(writer, changes);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public async Task Nodes_inserted_or_replaced_inside_an_svg_are_svg_elements()
    {
        var page = await OpenLabAsync();
        var namespaces = await page.EvaluateAsync<string[]>("""
            () => {
              const target = document.createElement("div");
              target.innerHTML = '<svg viewBox="0 0 10 10"><rect width="1"></rect></svg><p></p>';
              LiveView.applyChanges(target, [
                [4, [0], 1, '<circle r="2"></circle>'],
                [7, [0, 0], '<rect width="3"></rect>'],
                [4, [1], 0, '<b>html</b>'],
              ]);
              return [...target.querySelectorAll("rect, circle, b")].map((node) => `${node.localName} ${node.namespaceURI}`);
            }
            """);
        Assert.Equal(
            ["rect http://www.w3.org/2000/svg", "circle http://www.w3.org/2000/svg", "b http://www.w3.org/1999/xhtml"],
            namespaces);
    }
}
