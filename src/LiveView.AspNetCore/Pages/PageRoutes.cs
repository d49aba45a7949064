namespace LiveView.AspNetCore;

/// <summary>
/// The route template of each page mapped with <c>MapLivePage</c> (the first one when a page has several), so that
/// navigation over the socket can push the same URL a browser would load.
/// </summary>
internal sealed class PageRoutes
{
    private readonly Dictionary<string, string> templates = new(StringComparer.Ordinal);

    public void Add(string page, string template) => templates.TryAdd(page, template);

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
