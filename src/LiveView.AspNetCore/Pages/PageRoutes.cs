using System.Collections.Concurrent;
using LiveView.CSharp;
using Microsoft.FSharp.Collections;
using Microsoft.FSharp.Core;
using static Giraffe.ViewEngine.HtmlElements;

namespace LiveView.AspNetCore;

/// <summary>
/// The route template and layout of each page mapped with <c>MapLivePage</c> (the first mapping when a page has
/// several), so that navigation over the socket pushes the URL and shows the title a browser would load.
/// </summary>
internal sealed class PageRoutes
{
    private static readonly XmlNode NoContent = H.Text(string.Empty);

    private readonly Dictionary<string, string> templates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<LayoutContext, XmlNode>> layouts = new(StringComparer.Ordinal);

    public void Add(string page, string template, Func<LayoutContext, XmlNode> layout)
    {
        templates.TryAdd(page, template);
        layouts.TryAdd(page, layout);
    }

    // What each layout puts around a page's title, by page and language: learned once, so that a title that follows
    // the state costs a concatenation, not a render of the layout. Null: the layout does more than surround the title.
    private readonly ConcurrentDictionary<(string Page, string Lang), FSharpOption<TitleShape>?> shapes = new();

    /// <summary>
    /// The document title the page's layout gives it when its own title is <paramref name="title"/> (that title when
    /// it has no layout): the text of the layout's <c>&lt;title&gt;</c>. The layout is rendered (and the page's meta
    /// read) only to learn its shape, or for a layout that does more than put text around the title.
    /// </summary>
    public string DocumentTitle(Page<object> page, object state, string title, string lang)
    {
        if (!layouts.TryGetValue(page.Name, out var layout))
        {
            return title;
        }

        FSharpOption<string>? Render(string pageTitle) =>
            Navigation.titleOf(layout(new LayoutContext(page.Name, pageTitle, page.Meta.Invoke(state), lang, NoContent, NoContent)));

        var shape = shapes.GetOrAdd((page.Name, lang), _ => TitleShapeModule.learn(FuncConvert.FromFunc<string, FSharpOption<string>?>(Render)));
        return shape is not null ? shape.Value.Around(title) : Render(title)?.Value ?? title;
    }

    /// <summary>The URL of <paramref name="page"/> with <paramref name="values"/>, or why there is none.</summary>
    public FSharpResult<string, string> Url(string page, FSharpMap<string, string> values) =>
        templates.TryGetValue(page, out var template)
            ? Navigation.url(template, values)
            : FSharpResult<string, string>.NewError("it is not mapped to a URL with 'app.MapLivePage(...)'");
}
