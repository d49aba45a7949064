namespace QuickStart.Pages;

/// <summary>
/// The site's layout: the standard pieces (docs/layouts.md: the client's status elements, <c>#main</c>, the script) with
/// the site's navigation and styles.
/// </summary>
public static class Layout
{
    /// <summary>Wraps a page's content in the document.</summary>
    public static XmlNode Base(LayoutContext page) =>
        LiveLayout.Document(
            page,
            page.Title + " · LiveView QuickStart",
            [H.Link().Attr("rel", "icon").Attr("href", Favicon), H.Style(H.Raw(Styles))],
            [
                .. LiveLayout.Status,
                H.Div(
                    H.Header(H.Nav(
                        NavLink("Home", "/", "home", page),
                        NavLink("Counter (F#)", "/counter", "counter", page),
                        NavLink("Todo", "/todo", "todo", page))).Id("content-header"),
                    LiveLayout.Main(page),
                    H.Footer("Made with LiveView for .NET").Id("content-footer")).Class("container"),
            ]);

    private static XmlNode NavLink(string text, string href, string target, LayoutContext page)
    {
        var link = H.A(text).Href(href);
        return target == page.Page ? link.Class("active") : link;
    }

    /// <summary>The app's icon, a plus in a circle: an SVG in a data URL, so that no request asks for it.</summary>
    private static readonly string Favicon = "data:image/svg+xml," + Uri.EscapeDataString(
        "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'><circle cx='16' cy='16' r='15' fill='#3451b2'/><path d='M16 8v16M8 16h16' stroke='#fff' stroke-width='4'/></svg>");

    private const string Styles = """
        body { font-family: system-ui, sans-serif; margin: 0; color: #1d2330; background: #f7f8fa; }
        .container { max-width: 40rem; margin: 0 auto; padding: 1rem; }
        nav a { margin-right: 1rem; color: #3451b2; text-decoration: none; }
        nav a.active { font-weight: bold; }
        main { background: #fff; border-radius: .5rem; padding: 1rem 1.5rem; margin: 1rem 0; box-shadow: 0 1px 3px #0002; }
        .button { font-size: 1rem; padding: .5rem 1rem; border: 0; border-radius: .3rem; background: #3451b2; color: #fff; cursor: pointer; }
        .counter { display: flex; gap: 1rem; align-items: center; margin: 1rem 0; }
        #count { font-size: 2rem; min-width: 3rem; text-align: center; }
        footer { color: #667; font-size: .9rem; }
        .no-connection { position: fixed; top: 0; left: 0; right: 0; padding: .5rem; text-align: center; background: #b3261e; color: #fff; }
        .no-connection--hide { display: none; }
        #loading { position: fixed; top: .5rem; right: .5rem; background: #1d2330; color: #fff; padding: .3rem .8rem; border-radius: 1rem; }
        #loading[hidden] { display: none; }
        .notifications { position: fixed; bottom: 1rem; right: 1rem; display: grid; gap: .5rem; }
        .notification { padding: .6rem 1rem; border-radius: .3rem; background: #1d2330; color: #fff; }
        .notification--success { background: #1b7f3b; } .notification--error { background: #b3261e; }
        """;
}
