namespace Website.Pages;

/// <summary>
/// The site's layout: navigation (links that work with and without JavaScript), the language switch, and the
/// landmarks the client uses: <c>#main</c>, <c>#loading</c>, <c>#notifications</c>, <c>#no_connection</c>.
/// </summary>
public static class Layout
{
    private static readonly (string Page, string Url, string Text)[] Menu =
    [
        ("home", "/", "Nav.Home"),
        ("blog", "/blog", "Nav.Blog"),
        ("about", "/about", "Nav.About"),
        ("contact", "/contact", "Nav.Contact"),
    ];

    /// <summary>Wraps a page's content in the document.</summary>
    public static XmlNode Base(LayoutContext page) =>
        H.Html(
            H.Head(
            [
                H.Meta().Attr("charset", "utf-8"),
                H.Meta().Name("viewport").Attr("content", "width=device-width, initial-scale=1"),
                H.Title(page.Title + " · LiveView Website"),
                H.Link().Attr("rel", "icon").Attr("href", Favicon),
                H.Style(H.Raw(Styles)),
                .. page.MetaTags,
            ]),
            H.Body(
                // The client's status elements (LiveLayout), in the page's language.
                LiveLayout.Loading(H.Div().Class("spinner"), H.Text(Texts.Get("Loading"))),
                LiveLayout.Notifications,
                LiveLayout.NoConnection(H.Text(Texts.Get("ConnectionLost"))),
                H.Div(
                    H.Header(H.Nav([.. Menu.Select(item => NavLink(item, page.Page))]).Attr("aria-label", Texts.Get("Nav.Label")), LanguageSwitch(page.Lang)),
                    H.Main(page.Content).Id("main"),
                    H.Footer(Texts.Get("Footer"))).Class("container"),
                page.ClientScript))
        .Attr("lang", page.Lang);

    /// <summary>A link to a page: a plain <c>href</c> for the first paint and crawlers, SPA navigation when live.</summary>
    public static XmlNode PageLink(string text, string url, string page, params (string Key, string Value)[] data)
    {
        var link = H.A(text).Href(url).Action("page#changePage").Data("page", page);
        foreach (var (key, value) in data)
        {
            link = link.Data(key, value);
        }

        return link;
    }

    private static XmlNode NavLink((string Page, string Url, string Text) item, string current)
    {
        var link = PageLink(Texts.Get(item.Text), item.Url, item.Page);
        return item.Page == current ? link.Class("active").Attr("aria-current", "page") : link;
    }

    private static XmlNode LanguageSwitch(string lang)
    {
        var other = lang.StartsWith("es", StringComparison.Ordinal) ? "en" : "es";
        // The link's text is in the other language: lang says so, for screen readers.
        return H.A(Texts.Get("Language")).Id("language").Href($"?culture={other}").Attr("lang", other).Attr("hreflang", other)
            .Action("page#changeLanguage").Data("lang", other);
    }

    /// <summary>The site's icon: an SVG in a data URL, so that no request asks for it.</summary>
    private static readonly string Favicon = "data:image/svg+xml," + Uri.EscapeDataString(
        "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'><rect width='32' height='32' rx='6' fill='#3451b2'/>" +
        "<path d='M10 7v18h13' stroke='#fff' stroke-width='4' fill='none'/></svg>");

    private const string Styles = """
        body { font-family: system-ui, sans-serif; margin: 0; color: #1d2330; background: #f7f8fa; }
        .container { max-width: 46rem; margin: 0 auto; padding: 1rem; }
        header { display: flex; justify-content: space-between; align-items: center; }
        nav a { margin-right: 1rem; color: #3451b2; text-decoration: none; }
        nav a.active { font-weight: bold; border-bottom: 2px solid #3451b2; }
        main { background: #fff; border-radius: .5rem; padding: 1rem 1.5rem; margin: 1rem 0; box-shadow: 0 1px 3px #0002; min-height: 12rem; }
        .button { font-size: 1rem; padding: .5rem 1rem; border: 0; border-radius: .3rem; background: #3451b2; color: #fff; cursor: pointer; }
        .posts { list-style: none; padding: 0; } .posts li { margin: 0 0 1rem; } .posts h2 { font-size: 1.17rem; margin: 0 0 .3rem; }
        label { display: block; margin-top: .8rem; font-weight: 600; }
        input[type=text], input[type=email], select, textarea { width: 100%; padding: .4rem; font: inherit; box-sizing: border-box; }
        fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
        .error { color: #b3261e; font-size: .9rem; min-height: 1rem; display: block; }
        footer { color: #667; font-size: .9rem; }
        h1:focus { outline: none; } /* focused by the client after a navigation, for screen readers; not a control */
        #loading { position: fixed; top: .5rem; right: .5rem; background: #1d2330; color: #fff; padding: .3rem .8rem; border-radius: 1rem; }
        #loading[hidden] { display: none; }
        .spinner { display: inline-block; width: .8rem; height: .8rem; margin-right: .4rem; border: 2px solid #fff8; border-top-color: #fff; border-radius: 50%; animation: spin .8s linear infinite; }
        @keyframes spin { to { transform: rotate(360deg); } }
        .notifications { position: fixed; bottom: 1rem; right: 1rem; display: grid; gap: .5rem; }
        .notification { padding: .6rem 1rem; border-radius: .3rem; background: #1d2330; color: #fff; }
        .notification--success { background: #1b7f3b; } .notification--error { background: #b3261e; }
        .no-connection { position: fixed; top: 0; left: 0; right: 0; padding: .5rem; text-align: center; background: #b3261e; color: #fff; }
        .no-connection--hide { display: none; }
        """;
}
