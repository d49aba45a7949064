using System.Collections.Concurrent;
using LiveView.CSharp;
using Microsoft.FSharp.Collections;
using Microsoft.FSharp.Core;
using static Giraffe.ViewEngine.HtmlElements;

namespace LiveView.AspNetCore;

/// <summary>
/// The route templates and layout of each page mapped with <c>MapLivePage</c> (the first mapping's layout when a page
/// has several), so that navigation over the socket pushes the URL and shows the title a browser would load.
/// </summary>
internal sealed class PageRoutes
{
    private static readonly XmlNode NoContent = H.Text(string.Empty);

    private readonly Dictionary<string, FSharpList<string>> templates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<LayoutContext, XmlNode>> layouts = new(StringComparer.Ordinal);

    /// <summary>Maps <paramref name="page"/> to <paramref name="template"/> too.</summary>
    /// <exception cref="InvalidOperationException">The route has a parameter the page does not declare, or the page is
    /// mapped already to a route of the same parameters (<see cref="StartupCheck.route"/>).</exception>
    public void Add(Page<object> page, string template, Func<LayoutContext, XmlNode> layout)
    {
        var mapped = templates.TryGetValue(page.Name, out var earlier) ? earlier : FSharpList<string>.Empty;
        if (StartupCheck.route(page.Name, page.Params, mapped, template) is { } problem)
        {
            throw new InvalidOperationException(problem.Value);
        }

        templates[page.Name] = ListModule.Append(mapped, ListModule.Singleton(template));
        layouts.TryAdd(page.Name, layout);
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

    /// <summary>
    /// The URL of <paramref name="page"/> with <paramref name="values"/> (of its routes, the one
    /// <see cref="Navigation.urlAmong"/> picks), or why there is none.
    /// </summary>
    public FSharpResult<string, string> Url(string page, FSharpMap<string, string> values) =>
        Navigation.urlAmong(templates.TryGetValue(page, out var mapped) ? mapped : FSharpList<string>.Empty, values);
}
