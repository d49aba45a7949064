namespace LiveView

open Giraffe.ViewEngine

/// What a layout receives to render a page's first paint (SSR): the page's content and what the host adds.
type LayoutContext =
    {
        /// The page's name.
        Page: string
        /// The document title of the page's state.
        Title: string
        /// The language for `html[lang]`; the client sends it back with every action.
        Lang: string
        /// The page's view: put it inside `<main id="main">`.
        Content: XmlNode
        /// The `<script>` tag of the browser client: put it at the end of `<body>`.
        ClientScript: XmlNode
    }

/// Layout building blocks shared by every layout.
[<RequireQualifiedAccess; CompilationRepresentation(CompilationRepresentationFlags.ModuleSuffix)>]
module Layout =

    /// The `<script>` tag that loads the browser client from `src` and connects it to `socketPath`.
    let clientScript (src: string) (socketPath: string) =
        script [ _src src; _defer; attr "data-socket" socketPath ] []
