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

    /// <summary>The document title the page's layout gives it (its own title when it has no layout).</summary>
    public string DocumentTitle(Page<object> page, object state, string lang)
    {
        var title = page.Title.Invoke(state);
        if (!layouts.TryGetValue(page.Name, out var layout))
        {
            return title;
        }

        var document = layout(new LayoutContext(page.Name, title, page.Meta.Invoke(state), lang, NoContent, NoContent));
        return Navigation.titleOf(document)?.Value ?? title;
    }

    /// <summary>The URL of <paramref name="page"/> with <paramref name="values"/>, or why there is none.</summary>
    public FSharpResult<string, string> Url(string page, FSharpMap<string, string> values) =>
        templates.TryGetValue(page, out var template)
            ? Navigation.url(template, values)
            : FSharpResult<string, string>.NewError("it is not mapped to a URL with 'app.MapLivePage(...)'");
}
