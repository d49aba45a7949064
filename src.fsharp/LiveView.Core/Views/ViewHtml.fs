namespace LiveView

open System.Net
open System.Text

/// The HTML of view trees: what the client parses for a node it inserts or a content it replaces.
[<RequireQualifiedAccess>]
module ViewHtml =

    /// Elements that have no end tag and no children.
    let private voids =
        set
            [
                "area"
                "base"
                "br"
                "col"
                "embed"
                "hr"
                "img"
                "input"
                "link"
                "meta"
                "source"
                "track"
                "wbr"
            ]

    /// Writes `value`; content the page's scripts or a stream own only when `owned`.
    let rec private node (owned: bool) (html: StringBuilder) (value: ViewNode) =
        match value with
        | ViewNode.Text text -> html.Append(WebUtility.HtmlEncode text) |> ignore
        | ViewNode.Element(tag, attributes, content) ->
            html.Append('<').Append(tag) |> ignore

            for name, value in attributes do
                html.Append(' ').Append(name).Append("=\"").Append(WebUtility.HtmlEncode value).Append('"')
                |> ignore

            html.Append('>') |> ignore

            if not (voids.Contains tag) then
                contentOf owned html content
                html.Append("</").Append(tag).Append('>') |> ignore

    and private contentOf (owned: bool) (html: StringBuilder) (content: ViewContent) =
        match content with
        | ViewContent.Children children ->
            for child in children do
                node owned html child
        | ViewContent.Rows rows ->
            for i in 0 .. rows.Count - 1 do
                node owned html rows[i]
        | ViewContent.Markup markup -> html.Append(markup) |> ignore
        | ViewContent.Ignored content when owned -> contentOf owned html content
        | ViewContent.Ignored _ -> ()

    /// The HTML of `value`.
    let ofNode (value: ViewNode) =
        let html = StringBuilder()
        node true html value
        html.ToString()

    /// The HTML of an element's content.
    let ofContent (content: ViewContent) =
        let html = StringBuilder()
        contentOf true html content
        html.ToString()

    /// The HTML of nodes side by side (the content of the element a page is shown in).
    let ofNodes (nodes: ViewNode list) = ofContent (ViewContent.Children nodes)

    /// A short fingerprint of what the view `nodes` show (the first 96 bits of the SHA-256 of their HTML, base64url),
    /// the same on every server. Content the page's scripts or a stream own is left out: the view does not say it.
    let fingerprint (nodes: ViewNode list) =
        let html = StringBuilder()
        contentOf false html (ViewContent.Children nodes)

        let hash =
            System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(html.ToString()))

        System.Buffers.Text.Base64Url.EncodeToString(System.ReadOnlySpan(hash, 0, 12))
