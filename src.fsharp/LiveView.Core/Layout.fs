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
