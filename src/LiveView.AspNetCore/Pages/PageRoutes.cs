using LiveView.CSharp;
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
    public bool TryGetUrl(string page, Microsoft.FSharp.Collections.FSharpMap<string, string> values, out string url, out string problem)
    {
        url = problem = string.Empty;
        if (!templates.TryGetValue(page, out var template))
        {
            problem = $"Page '{page}' has no URL: map it with 'app.MapLivePage(...)'.";
            return false;
        }

        var result = Navigation.url(template, values);
        if (result.IsError)
        {
            problem = $"Page '{page}' cannot be opened: {result.ErrorValue}.";
            return false;
        }

        url = result.ResultValue;
        return true;
    }
}
