namespace LiveView

open Giraffe.ViewEngine

/// What a layout receives to render a page's first paint (SSR): the page's content and what the host adds.
type LayoutContext =
    {
        /// The page's name.
        Page: string
        /// The document title of the page's state.
        Title: string
        /// The `<meta>` tags of the page's state: render them with `Layout.metaTags` (F#) or `MetaTags` (C#).
        Meta: (string * string) list
        /// The language for `html[lang]`; the client sends it back with every action.
        Lang: string
        /// The page's view: put it inside `<main id="main">`.
        Content: XmlNode
        /// The `<script>` tag of the browser client: put it at the end of `<body>`.
        ClientScript: XmlNode
    }

    /// `<meta>` elements for `Meta` (C#: `H.Head(..., page.MetaTags)` is not valid C#; spread them with
    /// `H.Head([.. headNodes, .. page.MetaTags])`).
    member x.MetaTags: XmlNode array =
        [|
            for name, content in x.Meta ->
                let key = if name.StartsWith("og:") then "property" else "name"
                meta [ attr key name; _content content ]
        |]

/// Layout building blocks shared by every layout.
[<RequireQualifiedAccess; CompilationRepresentation(CompilationRepresentationFlags.ModuleSuffix)>]
module Layout =

    /// `<meta>` elements for a page's meta tags (names starting with `og:` as `property`, others as `name`).
    let metaTags (context: LayoutContext) = List.ofArray context.MetaTags

    /// The `<script>` tag that loads the browser client from `src` and connects it to `socketPath`; `data` adds
    /// `data-*` attributes the client reads (the current page, its parameters...).
    let clientScript (src: string) (socketPath: string) (data: (string * string) list) =
        script
            ([ _src src; _defer; attr "data-socket" socketPath ]
             @ [ for key, value in data -> attr ("data-" + key) value ])
            []

    /// `<meta charset="utf-8">` and the viewport for phones: the first tags of a layout's `<head>`.
    let basics: XmlNode list =
        [
            meta [ _charset "utf-8" ]
            meta [ _name "viewport"; _content "width=device-width, initial-scale=1" ]
        ]

    /// The `<head>` of a page: `basics`, the document title `title`, the page's meta tags, then `extra` (styles,
    /// links, scripts of the layout's own).
    let head (title: string) (extra: XmlNode list) (context: LayoutContext) =
        head
            []
            (basics
             @ [ Giraffe.ViewEngine.HtmlElements.title [] [ str title ] ]
             @ metaTags context
             @ extra)

    /// `#loading`, the indicator the client shows while an action waits for its answer longer than the loading
    /// delay (and hides with `hidden`); `content` is what it shows (a text, a spinner).
    let loading (content: XmlNode list) =
        section [ _id "loading"; _hidden ] content

    /// `#notifications`, where the client puts its toasts (`Patch.notify`, error messages).
    let notifications = section [ _id "notifications"; _class "notifications" ] []

    /// `#no_connection`, the banner the client shows while the socket is down (it toggles `hidden` and the classes
    /// `no-connection--show` / `no-connection--hide`); `content` is what it says.
    let noConnection (content: XmlNode list) =
        section [ _id "no_connection"; _class "no-connection no-connection--hide"; _hidden ] content

    /// The client's status elements with English texts: `loading`, `notifications` and `noConnection`. A layout
    /// in another language builds them itself from those three.
    let status: XmlNode list =
        [
            loading [ str "Loading…" ]
            notifications
            noConnection [ str "Connection lost. Reconnecting…" ]
        ]

    /// `<main id="main">` holding the page's view: navigation replaces its content, view changes start from it.
    let main (context: LayoutContext) = main [ _id "main" ] [ context.Content ]

    /// A whole document: `<html lang>` (the page's language), `head title extra`, and a `<body>` holding `body`
    /// then the client's `<script>` tag. `body` must hold `main context` (and should hold `status`).
    let document (title: string) (extra: XmlNode list) (body: XmlNode list) (context: LayoutContext) =
        html
            [ _lang context.Lang ]
            [
                head title extra context
                Giraffe.ViewEngine.HtmlElements.body [] (body @ [ context.ClientScript ])
            ]

    /// The styles of `standard`: readable text, and the status elements placed out of the page's way.
    let standardStyles =
        """body{font-family:system-ui,sans-serif;margin:0 auto;max-width:48rem;padding:1rem;line-height:1.5}
#loading{position:fixed;top:.5rem;right:.5rem;padding:.2rem .7rem;border-radius:1rem;background:#1d2330;color:#fff}
.no-connection{position:fixed;top:0;left:0;right:0;padding:.5rem;text-align:center;background:#b3261e;color:#fff}
.no-connection--hide,[hidden]{display:none!important}
.notifications{position:fixed;bottom:1rem;right:1rem;display:grid;gap:.5rem;max-width:24rem}
.notification{padding:.6rem 1rem;border-radius:.3rem;background:#1d2330;color:#fff}
.notification--success{background:#1b7f3b}.notification--error{background:#b3261e}"""

    /// The layout of a page mapped without one: `document` with the page's own title, `standardStyles`, `status` and
    /// `main`. Everything the client uses is there, so a first page needs no layout of its own. Its icon is an empty
    /// one, so that browsers do not ask the server for a `/favicon.ico` it does not have.
    let standard (context: LayoutContext) : XmlNode =
        document
            context.Title
            [ link [ _rel "icon"; _href "data:," ]; style [] [ rawText standardStyles ] ]
            (status @ [ main context ])
            context
