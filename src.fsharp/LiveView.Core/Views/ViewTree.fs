namespace LiveView

open System
open System.Net
open Giraffe.ViewEngine

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

    /// The tree of `node`; for a part kept by `memo` (null: none), the part's tree, made once.
    let rec private ofNode (memo: ViewMemo | null) (node: XmlNode) : ViewNode list =
        match
            (match memo with
             | null -> null
             | memo -> memo.PartOf node)
        with
        | null -> convert memo node
        | part when part.HasTree -> part.Tree
        | part ->
            part.Tree <- convert memo node
            part.HasTree <- true
            part.Tree

    and private convert memo (node: XmlNode) =
        match node with
        | XmlNode.Text content -> [ ViewNode.Text(decode content) ]
        | VoidElement(tag, attrs) ->
            [
                ViewNode.Element(tag.ToLowerInvariant(), attributes attrs, ViewContent.Children [])
            ]
        | ParentNode((tag, attrs), children) ->
            let tag = tag.ToLowerInvariant()
            let attributes = attributes attrs
            let content = contentIn memo tag children

            let content =
                if List.exists (fun (name, _) -> name = IgnoreAttribute || name = StreamAttribute) attributes then
                    ViewContent.Ignored content
                else
                    content

            [ ViewNode.Element(tag, attributes, content) ]

    and private contentIn memo (tag: string) (children: XmlNode list) =
        if hasMarkup children then
            ViewContent.Markup(html children)
        else
            let nodes = ofNodes memo children
            ViewContent.Children(if tag = "table" then tableBody nodes else nodes)

    and private ofNodes memo (nodes: XmlNode list) =
        nodes |> List.collect (ofNode memo) |> merge

    /// The content `children` make in an element `tag`, as the HTML parser makes it.
    let contentOf (tag: string) (children: XmlNode list) = contentIn null tag children

    /// The view tree of `nodes`, the children of the element the page is shown in.
    let ofView (nodes: XmlNode list) : ViewNode list = ofNodes null nodes

    /// Renders a page's view (`view ()`) keeping its parts in `memo` (`Live.memo`), and its tree, in which the parts
    /// kept from the last render are the trees they had then (the same references: the diff passes them by).
    let render (memo: ViewMemo) (view: unit -> XmlNode) : struct (XmlNode * ViewNode list) =
        let node = memo.Render view
        struct (node, ofNodes (if memo.IsEmpty then null else memo) [ node ])

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
