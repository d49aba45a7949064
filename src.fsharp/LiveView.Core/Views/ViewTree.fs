namespace LiveView

open System
open System.Net
open Giraffe.ViewEngine

/// A view as the browser's DOM will hold it once its HTML is parsed: the tree the runtime diffs. Two trees are equal
/// when they hold the same nodes; subtrees they share are not walked (a last render and what the client shows of it
/// share all but the paths to hand-written patches).
[<RequireQualifiedAccess; CustomEquality; NoComparison>]
type ViewNode =
    /// An element: lowercase tag, attributes in order (first of a name wins, values decoded), and its content.
    | Element of Tag: string * Attributes: (string * string) list * Content: ViewContent
    /// A text node (decoded). Adjacent texts of a view are one node, as the HTML parser makes them, and empty ones do
    /// not exist; an appending patch can put two side by side, as it does in the DOM (`ViewPatch.follow`).
    | Text of string

    override x.Equals(other) =
        match other with
        | :? ViewNode as node -> ViewNode.Same(x, node)
        | _ -> false

    override x.GetHashCode() =
        match x with
        | Element(tag, _, _) -> tag.GetHashCode()
        | Text text -> text.GetHashCode()

    /// Equal nodes: the same reference, or the same tag, attributes and content, or the same text.
    static member internal Same(a: ViewNode, b: ViewNode) =
        obj.ReferenceEquals(a, b)
        || match a, b with
           | Text text, Text text' -> String.Equals(text, text')
           | Element(tag, attributes, content), Element(tag', attributes', content') ->
               String.Equals(tag, tag')
               && ViewNode.SameAttributes(attributes, attributes')
               && ViewContent.Same(content, content')
           | _ -> false

    static member internal SameAttributes(a: (string * string) list, b: (string * string) list) =
        obj.ReferenceEquals(a, b)
        || match a, b with
           | [], [] -> true
           | (name, value) :: rest, (name', value') :: rest' ->
               String.Equals(name, name')
               && String.Equals(value, value')
               && ViewNode.SameAttributes(rest, rest')
           | _ -> false

    static member internal SameNodes(a: ViewNode list, b: ViewNode list) =
        obj.ReferenceEquals(a, b)
        || match a, b with
           | [], [] -> true
           | node :: rest, node' :: rest' -> ViewNode.Same(node, node') && ViewNode.SameNodes(rest, rest')
           | _ -> false

/// What an element holds.
and [<RequireQualifiedAccess; CustomEquality; NoComparison>] ViewContent =
    /// Child nodes, diffed one by one.
    | Children of ViewNode list
    /// Raw markup (`rawText` with a `<` in it): the browser makes nodes of it we do not model, so it is replaced as
    /// a whole when it changes.
    | Markup of string
    /// Content the page's scripts own (the element has `data-liveview-ignore`: a map, an editor, a widget): shown
    /// where the element is first shown, then never changed by the view (the element's attributes still are).
    | Ignored of ViewContent

    override x.Equals(other) =
        match other with
        | :? ViewContent as content -> ViewContent.Same(x, content)
        | _ -> false

    override x.GetHashCode() =
        match x with
        | Children children -> children.Length
        | Markup markup -> markup.GetHashCode()
        | Ignored _ -> 1

    /// Equal contents: the same children, markup, or content the page's scripts own.
    static member internal Same(a: ViewContent, b: ViewContent) =
        obj.ReferenceEquals(a, b)
        || match a, b with
           | Children children, Children children' -> ViewNode.SameNodes(children, children')
           | Markup markup, Markup markup' -> String.Equals(markup, markup')
           | Ignored content, Ignored content' -> ViewContent.Same(content, content')
           | _ -> false

/// Turns Giraffe.ViewEngine nodes into view trees.
[<RequireQualifiedAccess>]
module ViewTree =

    /// The attribute that gives an element's content to the page's scripts.
    [<Literal>]
    let IgnoreAttribute = "data-liveview-ignore"

    /// The attribute that makes an element a stream's container: its items come from stream patches
    /// (`Patch.streamInsert`), never from the view, and the server keeps no copy of them.
    [<Literal>]
    let StreamAttribute = "data-liveview-stream"

    let private decode (text: string) =
        if text.IndexOf '&' < 0 then
            text
        else
            WebUtility.HtmlDecode text |> Option.ofObj |> Option.defaultValue text

    let private lower (name: string) =
        if String.exists Char.IsUpper name then
            name.ToLowerInvariant()
        else
            name

    /// Attributes as the DOM keeps them: names lowercased, the first of each name, values decoded.
    let private attributes (attributes: XmlAttribute array) =
        let mutable list = []

        for attribute in attributes do
            let pair =
                match attribute with
                | KeyValue(name, value) -> lower name, decode value
                | Boolean name -> lower name, ""

            if not (List.exists (fun (name, _) -> name = fst pair) list) then
                list <- pair :: list

        List.rev list

    /// The HTML of view nodes, as Giraffe renders them (for markup content, which is kept as written).
    let private html (nodes: XmlNode list) =
        nodes |> List.map RenderView.AsString.htmlNode |> String.concat ""

    let private hasMarkup (nodes: XmlNode list) =
        nodes
        |> List.exists (function
            | XmlNode.Text content -> content.IndexOf '<' >= 0
            | _ -> false)

    /// Merges adjacent texts and drops empty ones, as the HTML parser does.
    let private merge (nodes: ViewNode list) =
        let folded =
            (([]: ViewNode list), nodes)
            ||> List.fold (fun acc node ->
                match node, acc with
                | ViewNode.Text "", _ -> acc
                | ViewNode.Text text, ViewNode.Text before :: rest -> ViewNode.Text(before + text) :: rest
                | _ -> node :: acc)

        List.rev folded

    let private isRow =
        function
        | ViewNode.Element("tr", _, _) -> true
        | _ -> false

    /// Rows placed straight in a table get the `tbody` the HTML parser puts around them.
    let private tableBody (children: ViewNode list) =
        let rec wrap (rows: ViewNode list) (nodes: ViewNode list) =
            let flush rest =
                match rows with
                | [] -> rest
                | _ -> ViewNode.Element("tbody", [], ViewContent.Children(List.rev rows)) :: rest

            match nodes with
            | [] -> flush []
            | node :: rest when isRow node -> wrap (node :: rows) rest
            | node :: rest -> flush (node :: wrap [] rest)

        if List.exists isRow children then
            wrap [] children
        else
            children

    let rec private ofNode (node: XmlNode) : ViewNode list =
        match node with
        | XmlNode.Text content -> [ ViewNode.Text(decode content) ]
        | VoidElement(tag, attrs) ->
            [
                ViewNode.Element(tag.ToLowerInvariant(), attributes attrs, ViewContent.Children [])
            ]
        | ParentNode((tag, attrs), children) ->
            let tag = tag.ToLowerInvariant()
            let attributes = attributes attrs
            let content = contentOf tag children

            let content =
                if List.exists (fun (name, _) -> name = IgnoreAttribute || name = StreamAttribute) attributes then
                    ViewContent.Ignored content
                else
                    content

            [ ViewNode.Element(tag, attributes, content) ]

    /// The content `children` make in an element `tag`, as the HTML parser makes it.
    and contentOf (tag: string) (children: XmlNode list) =
        if hasMarkup children then
            ViewContent.Markup(html children)
        else
            let nodes = ofNodes children
            ViewContent.Children(if tag = "table" then tableBody nodes else nodes)

    and private ofNodes (nodes: XmlNode list) = nodes |> List.collect ofNode |> merge

    /// The view tree of `nodes`, the children of the element the page is shown in.
    let ofView (nodes: XmlNode list) : ViewNode list = ofNodes nodes

    /// The key that identifies `node` among its siblings: its `data-key`, else its `id`.
    let keyOf (node: ViewNode) : string voption =
        let rec find (id: string voption) (attributes: (string * string) list) =
            match attributes with
            | [] -> id
            | ("data-key", key) :: _ -> ValueSome key
            | ("id", value) :: rest when id.IsNone -> find (ValueSome value) rest
            | _ :: rest -> find id rest

        match node with
        | ViewNode.Element(_, attributes, _) -> find ValueNone attributes
        | ViewNode.Text _ -> ValueNone
