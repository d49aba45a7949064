namespace LiveView

open System
open System.Buffers
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

    /// The text of the entity at `at` in `text` when it is one `WebUtility.HtmlEncode` writes for a markup character
    /// (`&lt;`, `&gt;`, `&amp;`, `&quot;`, `&#39;`), and its length; 0 otherwise.
    let private entityAt (text: string) (at: int) : struct (string * int) =
        let is (entity: string) =
            String.CompareOrdinal(text, at, entity, 0, entity.Length) = 0

        if is "&lt;" then struct ("<", 4)
        elif is "&gt;" then struct (">", 4)
        elif is "&amp;" then struct ("&", 5)
        elif is "&quot;" then struct ("\"", 6)
        elif is "&#39;" then struct ("'", 5)
        else struct ("", 0)

    /// `text` decoded as the HTML parser decodes it. Text with one entity of those encoding writes (a `->` in a
    /// `data-action`) is decoded here, in one string; any other goes to `WebUtility.HtmlDecode`.
    let private decode (text: string) =
        let at = text.IndexOf '&'

        if at < 0 then
            text
        else
            match entityAt text at with
            | struct (decoded, length) when length > 0 && text.IndexOf('&', at + length) < 0 ->
                String.Concat(text.AsSpan(0, at), decoded.AsSpan(), text.AsSpan(at + length))
            | _ -> WebUtility.HtmlDecode text |> Option.ofObj |> Option.defaultValue text

    /// The characters lowercasing never changes: ASCII but capitals.
    let private unchanged =
        SearchValues.Create
            [|
                for c in '\000' .. '\u007f' do
                    if not (Char.IsAsciiLetterUpper c) then
                        c
            |]

    /// `tag` lowercased (`ToLowerInvariant`), itself when no character changes.
    let private lowerTag (tag: string) =
        if tag.AsSpan().IndexOfAnyExcept unchanged < 0 then
            tag
        else
            tag.ToLowerInvariant()

    /// `name` lowercased when it has an uppercase letter, else itself.
    let private lower (name: string) =
        if
            name.AsSpan().IndexOfAnyExcept unchanged < 0
            || not (String.exists Char.IsUpper name)
        then
            name
        else
            name.ToLowerInvariant()

    let private nameOf (attribute: XmlAttribute) =
        match attribute with
        | KeyValue(name, _)
        | Boolean name -> name

    /// Attributes as the DOM keeps them: names lowercased, the first of each name, values decoded; and whether one
    /// gives the element's content to the page's scripts (or to a stream).
    let private attributes (attributes: XmlAttribute array) : struct ((string * string) list * bool) =
        let mutable list = []
        let mutable ignored = false

        // From the last to the first, so that the list is made in order; one whose name an earlier one has is left out.
        for i in attributes.Length - 1 .. -1 .. 0 do
            let attribute = attributes[i]
            let name = lower (nameOf attribute)
            let mutable earlier = false
            let mutable j = 0

            while not earlier && j < i do
                let other = nameOf attributes[j]
                earlier <- other.Length = name.Length && String.Equals(lower other, name)
                j <- j + 1

            if not earlier then
                let value =
                    match attribute with
                    | KeyValue(_, value) -> decode value
                    | Boolean _ -> ""

                ignored <- ignored || name = IgnoreAttribute || name = StreamAttribute
                list <- (name, value) :: list

        struct (list, ignored)

    /// The HTML of view nodes, as Giraffe renders them (for markup content, which is kept as written).
    let private html (nodes: XmlNode list) =
        nodes |> List.map RenderView.AsString.htmlNode |> String.concat ""

    let rec private hasMarkup (nodes: XmlNode list) =
        match nodes with
        | [] -> false
        | XmlNode.Text content :: _ when content.IndexOf '<' >= 0 -> true
        | _ :: rest -> hasMarkup rest

    let private isRow =
        function
        | ViewNode.Element("tr", _, _) -> true
        | _ -> false

    /// The nodes being made, children of every element on the way down one after the other: an element's children
    /// are pushed, then made into a list from the last to the first (one cell each, no list reversed or appended).
    [<Sealed; AllowNullLiteral>]
    type private Nodes() =
        let mutable nodes: ViewNode array = Array.zeroCreate 32
        let mutable count = 0

        member _.Count = count

        /// Adds `node` after those of the element being made; adjacent texts are one node and empty ones none, as
        /// the HTML parser makes them.
        member private _.Add(node: ViewNode) =
            if count = nodes.Length then
                Array.Resize(&nodes, count * 2)

            nodes[count] <- node
            count <- count + 1

        member x.Push(start: int, node: ViewNode) =
            match node with
            | ViewNode.Text "" -> ()
            | ViewNode.Text text when count > start ->
                match nodes[count - 1] with
                | ViewNode.Text before -> nodes[count - 1] <- ViewNode.Text(before + text)
                | _ -> x.Add node
            | _ -> x.Add node

        /// The nodes from `start` on, as a list (rows placed straight in a table get the `tbody` the HTML parser puts
        /// around them); they are taken off.
        member _.Take(start: int, table: bool) : ViewNode list =
            let mutable list = []
            let mutable rows = []

            for i in count - 1 .. -1 .. start do
                let node = nodes[i]
                nodes[i] <- Unchecked.defaultof<_>

                if table && isRow node then
                    rows <- node :: rows
                else
                    if not rows.IsEmpty then
                        list <- ViewNode.Element("tbody", [], ViewContent.Children rows) :: list
                        rows <- []

                    list <- node :: list

            if not rows.IsEmpty then
                list <- ViewNode.Element("tbody", [], ViewContent.Children rows) :: list

            count <- start
            list

    /// The tree of `node`; for a part kept by `memo` (null: none), the part's tree, made once.
    let rec private ofNode (made: Nodes) (memo: ViewMemo | null) (node: XmlNode) : ViewNode =
        match
            (match memo with
             | null -> null
             | memo -> memo.PartOf node)
        with
        | null -> convert made memo node
        | part when part.HasTree -> part.Tree
        | part ->
            part.Tree <- convert made memo node
            part.HasTree <- true
            part.Tree

    and private convert made memo (node: XmlNode) =
        match node with
        | XmlNode.Text content -> ViewNode.Text(decode content)
        | VoidElement(tag, attrs) ->
            let struct (attributes, _) = attributes attrs
            ViewNode.Element(lowerTag tag, attributes, ViewContent.Children [])
        | ParentNode((tag, attrs), children) ->
            let tag = lowerTag tag
            let struct (attributes, ignored) = attributes attrs
            let content = contentIn made memo tag children

            ViewNode.Element(tag, attributes, (if ignored then ViewContent.Ignored content else content))

    and private contentIn made memo (tag: string) (children: XmlNode list) =
        if hasMarkup children then
            ViewContent.Markup(html children)
        else
            ViewContent.Children(ofNodes made memo (tag = "table") children)

    and private ofNodes made memo table (nodes: XmlNode list) =
        let start = made.Count

        for node in nodes do
            made.Push(start, ofNode made memo node)

        made.Take(start, table)

    /// The content `children` make in an element `tag`, as the HTML parser makes it.
    let contentOf (tag: string) (children: XmlNode list) = contentIn (Nodes()) null tag children

    /// The view tree of `nodes`, the children of the element the page is shown in.
    let ofView (nodes: XmlNode list) : ViewNode list = ofNodes (Nodes()) null false nodes

    /// Renders a page's view (`view ()`) keeping its parts in `memo` (`Live.memo`), and its tree, in which the parts
    /// kept from the last render are the trees they had then (the same references: the diff passes them by).
    let render (memo: ViewMemo) (view: unit -> XmlNode) : struct (XmlNode * ViewNode list) =
        let node = memo.Render view

        if memo.IsEmpty then
            struct (node, ofNodes (Nodes()) null false [ node ])
        else
            memo.StartWalk()
            let tree = ofNodes (Nodes()) memo false [ node ]

            if memo.WalkedAll then
                struct (node, tree)
            else
                // The parts are not shown in the order they were asked for: the tree again, finding each by its nodes.
                memo.IndexNodes()
                struct (node, ofNodes (Nodes()) memo false [ node ])

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
