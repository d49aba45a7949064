namespace Chat.Pages;

/// <summary>
/// The chat's document: the landmarks the client uses (<c>#main</c>, <c>#loading</c>, <c>#notifications</c>,
/// <c>#no_connection</c>) around a page's content, for the live pages and for the plain sign-in page alike.
/// </summary>
public static class Layout
{
    /// <summary>Wraps a live page's content in the document.</summary>
    public static XmlNode Base(LayoutContext page) =>
        Document(page.Title, page.Lang, page.Page, page.Content, page.ClientScript);

    /// <summary>The document for <paramref name="content"/>; <paramref name="script"/> is the client's tag (or nothing).</summary>
    public static XmlNode Document(string title, string lang, string page, XmlNode content, XmlNode script) =>
        H.Html(
            H.Head(
                H.Meta().Attr("charset", "utf-8"),
                H.Meta().Name("viewport").Attr("content", "width=device-width, initial-scale=1"),
                H.Title(title + " · LiveView Chat"),
                H.Link().Attr("rel", "icon").Attr("href", Favicon),
                H.Style(H.Raw(Styles))),
            H.Body(
            [
                // The client's status elements, with English texts (LiveLayout).
                .. LiveLayout.Status,
                H.Div(
                    H.Header(H.Nav(RoomsLink(page))),
                    H.Main(content).Id("main"),
                    H.Footer("LiveView Chat: an example of LiveView for .NET")).Class("container"),
                script,
            ]))
        .Attr("lang", lang);

    private static XmlNode RoomsLink(string current)
    {
        var link = Links.ToRooms("Rooms");
        return current == RoomsPage.Page.Name ? link.Class("active").Attr("aria-current", "page") : link;
    }

    /// <summary>The app's icon, a speech bubble: an SVG in a data URL, so that no request asks for it.</summary>
    private static readonly string Favicon = "data:image/svg+xml," + Uri.EscapeDataString(
        "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'><path d='M3 5h26v17H14l-7 6v-6H3z' fill='#3451b2'/></svg>");

    private const string Styles = """
        body { font-family: system-ui, sans-serif; margin: 0; color: #1d2330; background: #f4f5f8; }
        .container { max-width: 52rem; margin: 0 auto; padding: 1rem; }
        nav a { margin-right: 1rem; color: #3451b2; text-decoration: none; }
        nav a.active { font-weight: bold; border-bottom: 2px solid #3451b2; }
        main { background: #fff; border-radius: .5rem; padding: 1rem 1.5rem; margin: 1rem 0; box-shadow: 0 1px 3px #0002; }
        .user-bar { display: flex; gap: .5rem; align-items: center; justify-content: flex-end; color: #556; }
        .user-bar form { margin: 0; }
        .button, button { font: inherit; padding: .4rem .9rem; border: 0; border-radius: .3rem; background: #3451b2; color: #fff; cursor: pointer; }
        .user-bar button { background: #667; }
        input[type=text] { font: inherit; padding: .4rem; box-sizing: border-box; }
        .error { color: #b3261e; display: block; min-height: 1.2rem; }
        .rooms { list-style: none; padding: 0; } .rooms li { margin: .4rem 0; } .here { color: #667; margin-left: .5rem; }
        .room { display: grid; grid-template-columns: 1fr 11rem; gap: 1rem; }
        .scroller { display: flex; flex-direction: column-reverse; max-height: 60vh; overflow-y: auto; }
        .lines { list-style: none; padding: 0; margin: 0; }
        .line { padding: .25rem 0; overflow-wrap: anywhere; } .line time { color: #667; font-size: .8rem; margin-right: .4rem; }
        .line--mentions-me { background: #fff5cc; }
        .present { list-style: none; padding: 0; } .present li::before { content: "● "; color: #1b7f3b; }
        .composer { display: flex; gap: .5rem; margin-top: 1rem; } .composer input { flex: 1; } .box { display: flex; flex: 1; }
        footer { color: #667; font-size: .9rem; }
        #loading { position: fixed; top: .5rem; right: .5rem; background: #1d2330; color: #fff; padding: .3rem .8rem; border-radius: 1rem; }
        #loading[hidden] { display: none; }
        .notifications { position: fixed; bottom: 1rem; right: 1rem; display: grid; gap: .5rem; max-width: 24rem; }
        .notification { padding: .6rem 1rem; border-radius: .3rem; background: #1d2330; color: #fff; }
        .notification--success { background: #1b7f3b; } .notification--error { background: #b3261e; }
        .no-connection { position: fixed; top: 0; left: 0; right: 0; padding: .5rem; text-align: center; background: #b3261e; color: #fff; }
        .no-connection--hide { display: none; }
        """;
}
