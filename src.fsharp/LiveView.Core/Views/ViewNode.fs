namespace LiveView

open System

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
           | Element(tag, attributes, content), Element(tag', attributes', content') ->
               String.Equals(tag, tag')
               && ViewNode.SameAttributes(attributes, attributes')
               && ViewContent.Same(content, content')
           | Text text, Text text' -> String.Equals(text, text')
           | _ -> false

    // The loops match one list at a time: a match on a pair of mutable values would allocate the pair.
    static member internal SameAttributes(a: (string * string) list, b: (string * string) list) =
        let mutable a = a
        let mutable b = b
        let mutable same = true

        while same && not (obj.ReferenceEquals(a, b)) do
            match a with
            | (name, value) :: rest ->
                match b with
                | (name', value') :: rest' ->
                    same <- String.Equals(name, name') && String.Equals(value, value')
                    a <- rest
                    b <- rest'
                | [] -> same <- false
            | [] -> same <- false

        same

    static member internal SameNodes(a: ViewNode list, b: ViewNode list) =
        let mutable a = a
        let mutable b = b
        let mutable same = true

        while same && not (obj.ReferenceEquals(a, b)) do
            match a with
            | node :: rest ->
                match b with
                | node' :: rest' ->
                    same <- ViewNode.Same(node, node')
                    a <- rest
                    b <- rest'
                | [] -> same <- false
            | [] -> same <- false

        same

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
    /// The rows of a list (`Live.each`): child nodes as `Children` are, held in an array the next render of the list
    /// copies, so that a row changed costs neither a list of the rows before it nor a walk of them in the diff.
    | Rows of ViewRows

    override x.Equals(other) =
        match other with
        | :? ViewContent as content -> ViewContent.Same(x, content)
        | _ -> false

    override x.GetHashCode() =
        match x with
        | Children children -> children.Length
        | Rows rows -> rows.Count
        | Markup markup -> markup.GetHashCode()
        | Ignored _ -> 1

    /// Equal contents: the same children (held as a list or as rows), markup, or content the page's scripts own.
    static member internal Same(a: ViewContent, b: ViewContent) =
        obj.ReferenceEquals(a, b)
        || match a, b with
           | Children children, Children children' -> ViewNode.SameNodes(children, children')
           | Rows rows, Rows rows' -> ViewRows.Same(rows, rows')
           | Children children, Rows rows
           | Rows rows, Children children -> ViewNode.SameNodes(children, rows.Nodes)
           | Markup markup, Markup markup' -> String.Equals(markup, markup')
           | Ignored content, Ignored content' -> ViewContent.Same(content, content')
           | _ -> false

/// The rows of a list (`Live.each`) in a view tree: child nodes, in chunks no one changes (the next render of the
/// list shares those where no row changed).
and [<Sealed>] ViewRows internal (nodes: Chunks<ViewNode>) =
    let mutable list: ViewNode list | null = null
    let mutable lastRows: ViewRows | null = null

    /// The rows (never changed: the next render copies what it changes).
    member internal _.Chunks = nodes

    /// The last render's rows, when these are the same but for rows `Changed` (a start and an end, the end
    /// excluded): the diff between the two looks at those alone. Only the next render's diff needs it; the render
    /// after clears it, so that no render keeps the ones before it.
    member internal _.Base
        with get (): ViewRows | null = lastRows
        and set (rows: ViewRows | null) = lastRows <- rows

    /// Where these rows may differ from `Base`'s.
    member val internal Changed = struct (0, nodes.Count) with get, set

    /// How many rows there are.
    member _.Count = nodes.Count

    /// Row `index`.
    member _.Item(index: int) = nodes[index]

    /// The rows as a list, made the first time it is asked for.
    member _.Nodes: ViewNode list =
        match list with
        | null ->
            let made = nodes.ToList id
            list <- made
            made
        | made -> made

    /// Equal rows: the same chunks, or equal nodes in order.
    static member internal Same(a: ViewRows, b: ViewRows) =
        obj.ReferenceEquals(a.Chunks, b.Chunks)
        || (a.Count = b.Count
            && (let mutable same = true
                let mutable i = 0

                while same && i < a.Count do
                    same <- ViewNode.Same(a[i], b[i])
                    i <- i + 1

                same))

/// Content held as child nodes, as a list: `Children`, or a list's `Rows`.
[<AutoOpen>]
module ViewContentPatterns =

    /// Matches content held as child nodes (`Children`, or a list's `Rows`), with them as a list.
    [<return: Struct>]
    let (|ChildNodes|_|) (content: ViewContent) : ViewNode list voption =
        match content with
        | ViewContent.Children children -> ValueSome children
        | ViewContent.Rows rows -> ValueSome rows.Nodes
        | _ -> ValueNone
