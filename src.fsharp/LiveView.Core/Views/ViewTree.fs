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

        match if at + 1 < text.Length then text[at + 1] else ' ' with
        | 'l' when is "&lt;" -> struct ("<", 4)
        | 'g' when is "&gt;" -> struct (">", 4)
        | 'a' when is "&amp;" -> struct ("&", 5)
        | 'q' when is "&quot;" -> struct ("\"", 6)
        | '#' when is "&#39;" -> struct ("'", 5)
        | _ -> struct ("", 0)

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

    /// True when `raw` decodes to `decoded` (`decode`), without making the decoded string for text with no entity or
    /// one of those encoding writes.
    let private decodesTo (raw: string) (decoded: string) =
        let at = raw.IndexOf '&'

        if at < 0 then
            String.Equals(raw, decoded)
        else
            match entityAt raw at with
            | struct (entity, length) when length > 0 && raw.IndexOf('&', at + length) < 0 ->
                decoded.Length = raw.Length - length + 1
                && raw.AsSpan(0, at).SequenceEqual(decoded.AsSpan(0, at))
                && decoded[at] = entity[0]
                && raw.AsSpan(at + length).SequenceEqual(decoded.AsSpan(at + 1))
            | _ -> String.Equals(decode raw, decoded)

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

    /// True when `attributes` (from `index` on) make `olds`, attributes `attributes` made (no two of a name): the same
    /// names in the same order, with values that decode to theirs.
    let rec private sameAttributes (attributes: XmlAttribute array) (index: int) (olds: (string * string) list) =
        match olds with
        | [] -> index = attributes.Length
        | (name, value) :: rest ->
            index < attributes.Length
            && (match attributes[index] with
                | KeyValue(name', value') -> String.Equals(name', name) && decodesTo value' value
                | Boolean name' -> String.Equals(name', name) && value.Length = 0)
            && sameAttributes attributes (index + 1) rest

    /// True when `tag` lowercased is `tag'`: the same string, as a rule (a literal, kept by `lowerTag`).
    let private sameTag (tag: string) (tag': string) =
        obj.ReferenceEquals(tag, tag') || String.Equals(lowerTag tag, tag')

    let private startsWithRow (nodes: XmlNode list) =
        match nodes with
        | ParentNode((tag, _), _) :: _ -> lowerTag tag = "tr"
        | _ -> false

    /// The HTML of view nodes, as Giraffe renders them (for markup content, which is kept as written).
    let private html (nodes: XmlNode list) =
        nodes |> List.map RenderView.AsString.htmlNode |> String.concat ""

    let rec private hasMarkup (nodes: XmlNode list) =
        match nodes with
        | [] -> false
        | ParentNode _ :: rest -> hasMarkup rest
        | XmlNode.Text content :: _ when content.IndexOf '<' >= 0 -> true
        | _ :: rest -> hasMarkup rest

    let private isRow =
        function
        | ViewNode.Element("tr", _, _) -> true
        | _ -> false

    [<Struct>]
    type private Slot = { Node: ViewNode }

    /// The nodes being made, children of every element on the way down one after the other: an element's children
    /// are pushed, then made into a list from the last to the first (one cell each, no list reversed or appended).
    [<Sealed>]
    type private Nodes() =
        // Slots, not nodes: storing a struct in an array costs no check of the array's type.
        let mutable nodes: Slot array = Array.zeroCreate 32
        let mutable count = 0

        [<ThreadStatic; DefaultValue>]
        static val mutable private ofThread: Nodes | null

        /// The thread's stack, empty (a tree is made on one thread, and runs no code that makes another meanwhile).
        static member Empty() =
            match Nodes.ofThread with
            | null ->
                let made = Nodes()
                Nodes.ofThread <- made
                made
            | made ->
                // A tree that failed halfway left its nodes.
                made.Drop 0
                made

        member _.Count = count

        /// Adds `node` after those of the element being made; adjacent texts are one node and empty ones none, as
        /// the HTML parser makes them.
        member private _.Add(node: ViewNode) =
            if count = nodes.Length then
                Array.Resize(&nodes, count * 2)

            nodes[count] <- { Node = node }
            count <- count + 1

        member x.Push(start: int, node: ViewNode) =
            match node with
            | ViewNode.Element _ -> x.Add node
            | ViewNode.Text "" -> ()
            | ViewNode.Text text when count > start ->
                match nodes[count - 1].Node with
                | ViewNode.Text before -> nodes[count - 1] <- { Node = ViewNode.Text(before + text) }
                | _ -> x.Add node
            | _ -> x.Add node

        /// Pushes the nodes of `nodes` up to `until`, a tail of it.
        member x.PushUntil(start: int, nodes: ViewNode list, until: ViewNode list) =
            let mutable rest = nodes

            while not (obj.ReferenceEquals(rest, until)) do
                x.Push(start, rest.Head)
                rest <- rest.Tail

        /// True when the nodes from `start` on are `olds` (the same references, in order), and the list they make in a
        /// `table` is the same: with `rows`, rows all (one `tbody` around them), else none.
        member _.Are(start: int, olds: ViewNode list, table: bool, rows: bool) =
            let mutable i = start
            let mutable rest = olds
            let mutable same = true

            while same && i < count do
                match rest with
                | old :: more ->
                    same <- obj.ReferenceEquals(nodes[i].Node, old) && (not table || isRow old = rows)
                    rest <- more
                    i <- i + 1
                | [] -> same <- false

            same && rest.IsEmpty

        /// Takes the nodes from `start` on off.
        member _.Drop(start: int) =
            for i in start .. count - 1 do
                nodes[i] <- Unchecked.defaultof<Slot>

            count <- start

        /// The nodes from `start` on, as a list (rows placed straight in a table get the `tbody` the HTML parser puts
        /// around them); they are taken off.
        member _.Take(start: int, table: bool) : ViewNode list =
            let mutable list = []
            let mutable rows = []

            for i in count - 1 .. -1 .. start do
                let node = nodes[i].Node
                nodes[i] <- Unchecked.defaultof<Slot>

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

    /// The element `tag` (lowercase) with `attrs` as the DOM keeps them, holding `content`: the page's scripts' when an
    /// attribute says so.
    let private element (tag: string) (attrs: XmlAttribute array) (content: ViewContent) =
        let struct (attributes, ignored) = attributes attrs
        ViewNode.Element(tag, attributes, (if ignored then ViewContent.Ignored content else content))

    /// The part kept by `memo` (null: none) whose nodes are `node`, or null.
    let private partOf (memo: ViewMemo | null) (node: XmlNode) : MemoPart | null =
        match memo with
        | null -> null
        | memo -> memo.PartOf node

    /// The tree of `node`; for a part kept by `memo` (null: none), the part's tree, made once.
    let rec private ofNode (made: Nodes) (memo: ViewMemo | null) (node: XmlNode) : ViewNode =
        match partOf memo node with
        | null -> convert made memo node
        | part -> partTree made memo node part

    /// The tree of `part`, whose nodes are `node`: made the first time it is asked for.
    and private partTree made memo (node: XmlNode) (part: MemoPart) =
        if not part.HasTree then
            part.Tree <-
                match part.List with
                | null -> convert made memo node
                | list -> listTree made memo list

            part.HasTree <- true

        part.Tree

    /// The tree of a list's container (`Live.each`): its rows' trees (`rowsOf`).
    and private listTree made memo (list: ListRender) =
        match list.Container with
        | ParentNode((tag, _), _) when lowerTag tag = "table" ->
            // Rows straight in a table get the `tbody` the HTML parser puts around them.
            convert made memo list.Container
        | ParentNode((tag, attrs), _) -> element (lowerTag tag) attrs (ViewContent.Rows(rowsOf made memo list))
        | node -> convert made memo node

    /// The trees of a list's rows, made the first time they are asked for: those of the rows the last render did not
    /// have are made (in order, so that the parts in them are met in the order they were asked for); those of the rows
    /// the last render had in the same places are its own (with as many rows, the chunks where no row changed are
    /// shared).
    and private rowsOf made memo (list: ListRender) : ViewRows =
        match list.Trees with
        | null ->
            let rows = list.Rows
            let count = rows.Count

            let struct (trees, first, until, lastRows: ViewRows | null) =
                match list.Last with
                | null -> struct (Chunks.Make count, 0, count, null)
                | last when not (isNull last.Trees) ->
                    let lastRows = nonNull last.Trees
                    let lastTrees = lastRows.Chunks
                    let until = count - list.Shared

                    if lastTrees.Count = count then
                        struct (Chunks.Edit lastTrees, list.First, until, lastRows)
                    else
                        let trees = Chunks.Make count
                        trees.Copy(lastTrees, 0, 0, list.First)
                        trees.Copy(lastTrees, lastTrees.Count - list.Shared, until, list.Shared)
                        lastRows.Base <- null
                        struct (trees, list.First, until, null)
                | _ -> struct (Chunks.Make count, 0, count, null)

            for i in first .. until - 1 do
                let row = rows[i].Row

                if not row.HasTree then
                    // With as many rows as the last render, the tree in this place is that of the row it had here (the
                    // same key, as a rule: an item changed in place): the new row's tree keeps what did not change of
                    // it, and the diff passes that by.
                    row.Tree <-
                        if isNull lastRows then
                            ofNode made memo row.Node
                        else
                            ofNodeFrom made memo row.Node trees[i]

                    row.HasTree <- true

                if not (obj.ReferenceEquals(trees[i], row.Tree)) then
                    trees.Set(i, row.Tree)

            let children = ViewRows(trees.Done())

            match lastRows with
            | null -> ()
            | lastRows ->
                children.Base <- lastRows
                children.Changed <- struct (first, until)
                lastRows.Base <- null

            list.Trees <- children
            list.Last <- null
            children
        | trees -> trees

    and private convert made memo (node: XmlNode) =
        match node with
        | ParentNode((tag, attrs), children) ->
            let tag = lowerTag tag
            element tag attrs (contentIn made memo tag children)
        | XmlNode.Text content -> ViewNode.Text(decode content)
        | VoidElement(tag, attrs) ->
            let struct (attributes, _) = attributes attrs
            ViewNode.Element(lowerTag tag, attributes, ViewContent.Children [])

    and private contentIn made memo (tag: string) (children: XmlNode list) =
        match heldRows made memo children with
        | null when hasMarkup children -> ViewContent.Markup(html children)
        | null -> ViewContent.Children(ofNodes made memo (tag = "table") children)
        | rows -> ViewContent.Rows rows

    /// The rows of the list whose element has `children`, when they are its placeholder (a list's render made from the
    /// last one holds its rows, `ViewMemo.ListOf`); else null.
    and private heldRows made (memo: ViewMemo | null) (children: XmlNode list) : ViewRows | null =
        if isNull memo || not (ViewMemo.IsHeld children) then
            null
        else
            match (nonNull memo).ListOf children with
            | null -> invalidOp "A list's element was shown outside the render that made it."
            | list -> rowsOf made memo list

    and private ofNodes made memo table (nodes: XmlNode list) =
        let start = made.Count

        for node in nodes do
            made.Push(start, ofNode made memo node)

        made.Take(start, table)

    /// The tree of `node` where the last render had `old`: `old` itself when `node` makes the same tree, else a new
    /// node that keeps what did not change of `old` (the same references: the diff passes them by); for a part kept by
    /// `memo` (null: none), the part's tree.
    and private ofNodeFrom made (memo: ViewMemo | null) (node: XmlNode) (old: ViewNode) : ViewNode =
        match partOf memo node with
        | null -> ofChangedNode made memo node old
        | part -> partTree made memo node part

    and private ofChangedNode made memo (node: XmlNode) (old: ViewNode) : ViewNode =
        match node, old with
        | ParentNode((tag, attrs), children), ViewNode.Element(oldTag, oldAttributes, oldContent) when
            sameTag tag oldTag
            ->
            let struct (attributes, ignored) =
                if sameAttributes attrs 0 oldAttributes then
                    struct (oldAttributes,
                            // The old content is the scripts' when its attributes, these, said so.
                            (match oldContent with
                             | ViewContent.Ignored _ -> true
                             | _ -> false))
                else
                    attributes attrs

            let struct (inner, wasIgnored) =
                match oldContent with
                | ViewContent.Children _ -> struct (oldContent, false)
                | ViewContent.Ignored inner -> struct (inner, true)
                | content -> struct (content, false)

            let content = contentFrom made memo oldTag children inner

            let content =
                if not ignored then
                    content
                elif wasIgnored && obj.ReferenceEquals(content, inner) then
                    oldContent
                else
                    ViewContent.Ignored content

            if
                obj.ReferenceEquals(attributes, oldAttributes)
                && obj.ReferenceEquals(content, oldContent)
            then
                old
            else
                ViewNode.Element(oldTag, attributes, content)
        | XmlNode.Text content, ViewNode.Text text ->
            if decodesTo content text then
                old
            else
                ViewNode.Text(decode content)
        | VoidElement(tag, attrs), ViewNode.Element(oldTag, oldAttributes, ViewContent.Children []) when
            sameTag tag oldTag
            ->
            if sameAttributes attrs 0 oldAttributes then
                old
            else
                let struct (attributes, _) = attributes attrs
                ViewNode.Element(oldTag, attributes, ViewContent.Children [])
        | _ -> convert made memo node

    /// The content `children` make in an element `tag` where the last render had `old`.
    and private contentFrom made memo (tag: string) (children: XmlNode list) (old: ViewContent) =
        match old with
        | ViewContent.Children olds when not (ViewMemo.IsHeld children) && not (hasMarkup children) ->
            match ofNodesFrom made memo (tag = "table") children olds with
            | nodes when obj.ReferenceEquals(nodes, olds) -> old
            | nodes -> ViewContent.Children nodes
        | _ ->
            match contentIn made memo tag children with
            | content when ViewContent.Same(content, old) -> old
            | content -> content

    /// The nodes `nodes` make where the last render had `olds`, `olds` itself when they are the same. Each node is
    /// made from the old one in its place, if any (in a `table` whose rows the last render put in one `tbody`, from
    /// the row in its place).
    and private ofNodesFrom made memo table (nodes: XmlNode list) (olds: ViewNode list) =
        let start = made.Count

        let struct (counterparts, rows) =
            match olds with
            | [ ViewNode.Element("tbody", [], ViewContent.Children rows) ] when table && startsWithRow nodes ->
                struct (rows, true)
            | _ -> struct (olds, false)

        // While each node makes the old one in its place (the same reference), nothing is pushed: the common case,
        // children that did not change, returns `olds` as it found them. The first that does not pushes those before
        // it (what the loop below would have pushed) and goes on there. (A render's tree has no two texts side by
        // side: the old ones found the same are pushed as they were.)
        let mutable nodes = nodes
        let mutable rest = counterparts
        let mutable same = not table

        while same && not nodes.IsEmpty && not rest.IsEmpty do
            let old = rest.Head
            let made' = ofNodeFrom made memo nodes.Head old
            nodes <- nodes.Tail

            if not (obj.ReferenceEquals(made', old)) then
                made.PushUntil(start, counterparts, rest)
                made.Push(start, made')
                same <- false

            rest <- rest.Tail

        if same && nodes.IsEmpty && rest.IsEmpty then
            olds
        else
            if same then
                // Nodes or olds left over: those so far were the same.
                made.PushUntil(start, counterparts, rest)

            for node in nodes do
                match rest with
                | old :: more ->
                    made.Push(start, ofNodeFrom made memo node old)
                    rest <- more
                | [] -> made.Push(start, ofNode made memo node)

            if made.Are(start, counterparts, table, rows) then
                made.Drop start
                olds
            else
                made.Take(start, table)

    /// The content `children` make in an element `tag`, as the HTML parser makes it.
    let contentOf (tag: string) (children: XmlNode list) =
        contentIn (Nodes.Empty()) null tag children

    /// The view tree of `nodes`, the children of the element the page is shown in.
    let ofView (nodes: XmlNode list) : ViewNode list =
        ofNodes (Nodes.Empty()) null false nodes

    /// The tree of `node`, just rendered with `memo`, where the last render's tree was `before`.
    let private treeOf (memo: ViewMemo) (node: XmlNode) (before: ViewNode list) =
        memo.StartWalk()
        let tree = ofNodesFrom (Nodes.Empty()) memo false [ node ] before

        if memo.WalkedAll then
            tree
        else
            // The parts are not shown in the order they were asked for: the tree again, finding each by its nodes.
            memo.IndexNodes()
            ofNodesFrom (Nodes.Empty()) memo false [ node ] before

    /// Renders a page's view (`view ()`) keeping its parts in `memo` (`Live.memo`), and its tree, in which the parts
    /// kept from the last render are the trees they had then (the same references: the diff passes them by).
    let render (memo: ViewMemo) (view: unit -> XmlNode) : struct (XmlNode * ViewNode list) =
        let node = memo.Render view
        struct (node, treeOf memo node [])

    /// `render` after a render whose tree was `before` (a tree `render` made): what did not change is `before`'s own
    /// nodes, found as the tree is made, and the parts kept are their trees (the diff passes both by).
    let internal renderAfter (before: ViewNode list) (memo: ViewMemo) (view: unit -> XmlNode) =
        let node = memo.Render view
        struct (node, treeOf memo node before)

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
