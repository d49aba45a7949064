namespace LiveViewApp.Pages;

/// <summary>
/// The document around every page. The LiveView client uses <c>#main</c> (the page's content), <c>#loading</c>,
/// <c>#notifications</c>, <c>#no_connection</c> and the client's script tag.
/// </summary>
public static class Layout
{
    /// <summary>Wraps a page's content in the document.</summary>
    public static XmlNode Page(LayoutContext page) =>
        H.Html(
            H.Head(
                H.Meta().Attr("charset", "utf-8"),
                H.Meta().Name("viewport").Attr("content", "width=device-width, initial-scale=1"),
                H.Title(page.Title + " · LiveViewApp"),
                H.Style(H.Raw(Styles))),
            H.Body(
                H.Section(H.Text("Loading…")).Id("loading").Flag("hidden"),
                H.Section().Id("notifications").Class("notifications").Attr("aria-live", "polite"),
                H.Section(H.Text("Connection lost. Reconnecting…")).Id("no_connection").Class("no-connection no-connection--hide"),
                H.Main(page.Content).Id("main").Class("container"),
                page.ClientScript))
        .Attr("lang", page.Lang);

    private const string Styles = """
        body { font-family: system-ui, sans-serif; margin: 0; color: #1d2330; background: #f7f8fa; }
        .container { max-width: 40rem; margin: 2rem auto; padding: 1rem 1.5rem; background: #fff; border-radius: .5rem; box-shadow: 0 1px 3px #0002; }
        .button { font-size: 1.2rem; padding: .4rem 1rem; border: 0; border-radius: .3rem; background: #3451b2; color: #fff; cursor: pointer; }
        .counter { display: flex; gap: 1rem; align-items: center; }
        #count { font-size: 2rem; min-width: 3rem; text-align: center; }
        .no-connection { position: fixed; top: 0; left: 0; right: 0; padding: .5rem; text-align: center; background: #b3261e; color: #fff; }
        .no-connection--hide { display: none; }
        #loading { position: fixed; top: .5rem; right: .5rem; background: #1d2330; color: #fff; padding: .3rem .8rem; border-radius: 1rem; }
        #loading[hidden] { display: none; }
        .notifications { position: fixed; bottom: 1rem; right: 1rem; display: grid; gap: .5rem; }
        .notification { padding: .6rem 1rem; border-radius: .3rem; background: #1d2330; color: #fff; }
        .notification--error { background: #b3261e; }
        """;
}
