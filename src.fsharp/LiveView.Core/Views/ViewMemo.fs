namespace LiveView

open System
open System.Collections.Generic
open System.Runtime.CompilerServices
open System.Runtime.InteropServices
open System.Globalization
open Giraffe.ViewEngine

/// What identifies a list (`Live.each`) among the parts its item view renders: its element's tag and `id`, and how
/// many lists of the same view, tag and `id` the render showed before it.
type internal ListId =
    {
        Tag: string
        Id: string | null
        Occurrence: int
    }

/// What identifies a part: what renders it (a function's type or method) and its key; the hash is computed once.
[<Struct; CustomEquality; NoComparison>]
type internal MemoId =
    {
        Part: obj
        Key: objnull
        Hash: int
    }

    static member Of(part: obj, key: objnull) =
        {
            Part = part
            Key = key
            Hash = HashCode.Combine(RuntimeHelpers.GetHashCode part, key)
        }

    member x.Equals(other: MemoId) =
        x.Hash = other.Hash
        && obj.ReferenceEquals(x.Part, other.Part)
        && obj.Equals(x.Key, other.Key)

    override x.Equals(other: objnull) =
        match other with
        | :? MemoId as id -> x.Equals id
        | _ -> false

    override x.GetHashCode() = x.Hash

    interface IEquatable<MemoId> with
        member x.Equals other = x.Equals other

/// One item of a list kept between renders (`Live.each`): its nodes, and their tree once made.
type internal ListRow(node: XmlNode) =
    member _.Node = node
    member val Tree: ViewNode = Unchecked.defaultof<_> with get, set
    member val HasTree = false with get, set

/// A row of a list of `'T` items keyed by `'K`: the item it shows, and its key once asked for.
[<Sealed>]
type internal ListRow<'T, 'K>(item: 'T, node: XmlNode) =
    inherit ListRow(node)
    member _.Item = item
    member val Key: 'K voption = ValueNone with get, set

/// A row in an array of rows (a struct: storing one costs no check of the array's type).
[<Struct>]
type internal RowSlot = { Row: ListRow }

/// One render of a list (`Live.each`): the element it fills, its rows in order, how many of the first ones and of the
/// last ones are the last render's in the same places (the same rows: their trees are copied), and that render's list.
[<Sealed>]
type internal ListRender
    (container: XmlNode, items: obj, rows: Chunks<RowSlot>, first: int, shared: int, last: ListRender | null) =
    /// The element filled: its children are the rows' nodes, or, for a render made from the last one, a placeholder
    /// (`ViewMemo.IsHeld`) that stands for them (the rows are in `Rows`; no list of them is made).
    member _.Container = container
    /// The items, an array of the list's item type (compared with the next render's without a look at the rows).
    member _.Items = items
    member _.Rows = rows
    /// How many rows, from the first on, are the last render's in the same places (their items the same references).
    member _.First = first
    /// How many rows, from the last back, are the last render's in the same places.
    member _.Shared = shared
    /// The last render's list, until this one's tree is made.
    member val Last: ListRender | null = last with get, set
    /// The rows' trees, the content of the container's tree, once made.
    member val Trees: ViewRows | null = null with get, set

/// A part of a view kept between renders: what identifies it, its nodes, their tree once the part was first turned
/// into one, the last render that used it and where.
[<Sealed>]
type internal MemoPart(id: MemoId, node: XmlNode, render: int64) =
    member _.Id = id
    member _.Node = node
    /// For a list (`Live.each`), its render: the tree is made from its rows'.
    member val List: ListRender | null = null with get, set
    member val Tree: ViewNode = Unchecked.defaultof<_> with get, set
    member val HasTree = false with get, set
    member val Render = render with get, set
    /// The function it was last asked with (the same delegate, as a rule: a comparison of references).
    member val Source: objnull = null with get, set
    /// Its place among the parts the last render that used it asked for.
    member val Place = 0 with get, set

/// The parts kept, by what identifies them, and in the order renders asked for them.
[<Sealed>]
type private MemoParts() =
    member val ById = Dictionary<MemoId, MemoPart>()
    /// The parts the last render asked for, in order (one as often as it was asked for; null: one that failed).
    member val Last = ResizeArray<MemoPart | null>() with get, set
    /// Those of the render in progress.
    member val Current = ResizeArray<MemoPart | null>() with get, set

    /// The parts of the current render by their nodes (by reference), made when its tree needs them.
    member val ByNode: Dictionary<XmlNode, MemoPart> | null = null with get, set

/// The parts of one page's view kept from its last render to the next (`Live.memo`, C# `H.Memo`): a part whose key
/// did not change is not rendered again, not turned into a tree again, and costs the diff one comparison of
/// references. A part is kept while each render uses it; one the last render did not use is dropped. The page's
/// culture changing drops them all (a part may format with it).
/// A render usually asks for the parts of the last one in the same order (a list again, a few items changed): each is
/// looked for first where it was, which costs one comparison of keys, then by its key.
[<Sealed>]
type ViewMemo() =
    [<ThreadStatic; DefaultValue>]
    static val mutable private running: ViewMemo | null

    static let byReference =
        { new IEqualityComparer<XmlNode> with
            member _.Equals(a, b) = obj.ReferenceEquals(a, b)
            member _.GetHashCode node = RuntimeHelpers.GetHashCode node
        }

    static let placeholder = XmlNode.Text ""

    // Made with the first part: a page that keeps none pays for this object alone.
    let mutable parts: MemoParts | null = null
    let mutable culture: CultureInfo | null = null
    let mutable render = 0L
    // Where in the last render's parts the next part asked for is looked for first.
    let mutable guess = 0
    // How many parts of the current render its tree has met, in order (`PartOf`).
    let mutable visited = 0
    // How many lists of each view, tag and id the current render has asked for (made with the first list).
    let mutable lists: Dictionary<MemoId, int> | null = null
    // How many parts (or rows) the render is inside: a list in one is not held (`IsHeld`), since its nodes may be kept
    // for renders after this one.
    let mutable inside = 0

    /// Runs `view` (a render of the page's view) with this memo's parts at hand; the parts it did not use are dropped.
    member internal this.Render(view: unit -> XmlNode) : XmlNode =
        render <- render + 1L
        guess <- 0
        visited <- 0
        inside <- 0

        match lists with
        | null -> ()
        | lists ->
            if lists.Count > 0 then
                lists.Clear()

        match parts with
        | null -> ()
        | p ->
            p.Current.Clear()
            p.ByNode <- null

            if not (obj.ReferenceEquals(culture, CultureInfo.CurrentCulture)) then
                p.ById.Clear()
                p.Last.Clear()

        culture <- CultureInfo.CurrentCulture
        let outer = ViewMemo.running
        ViewMemo.running <- this

        try
            view ()
        finally
            ViewMemo.running <- outer

            match parts with
            | null -> ()
            | p ->
                // Every part kept is one the last render or this one asked for.
                for part in p.Last do
                    match part with
                    | null -> ()
                    | part ->
                        // (A list's part this render replaced has the same id as the one that replaced it.)
                        match p.ById.TryGetValue part.Id with
                        | true, kept when part.Render <> render && obj.ReferenceEquals(kept, part) ->
                            p.ById.Remove part.Id |> ignore
                        | _ -> ()

                let last = p.Last
                p.Last <- p.Current
                p.Current <- last

    /// The part of the current render whose nodes are `node` (by reference), if `node` came from a part. The tree meets
    /// the parts in the order they were asked for, as a rule: each is looked for there first.
    member internal _.PartOf(node: XmlNode) : MemoPart | null =
        match parts with
        | null -> null
        | p ->
            match p.ByNode with
            | null ->
                let last = p.Last

                if visited < last.Count then
                    match last[visited] with
                    | null -> null
                    | part when obj.ReferenceEquals(part.Node, node) ->
                        visited <- visited + 1
                        part
                    | _ -> null
                else
                    null
            | byNode ->
                match byNode.TryGetValue node with
                | true, part -> part
                | _ -> null

    /// The only child of a list's element that holds its rows for the tree (`ListOf`), in a render made from the last.
    static member internal Placeholder = placeholder

    /// True when `children` are a list's placeholder: its rows are held by the list's render (`ListOf`).
    static member internal IsHeld(children: XmlNode list) =
        match children with
        | [ node ] -> obj.ReferenceEquals(node, placeholder)
        | _ -> false

    /// The list of the current render whose element has `children` (the same list), if any: the element as the list
    /// made it, or one made from it (attributes set after).
    member internal _.ListOf(children: XmlNode list) : ListRender | null =
        match parts with
        | null -> null
        | p ->
            let mutable found = null

            for part in p.Last do
                match part with
                | null -> ()
                | part when isNull found ->
                    match part.List with
                    | null -> ()
                    | list ->
                        match list.Container with
                        | ParentNode(_, held) when obj.ReferenceEquals(held, children) -> found <- list
                        | _ -> ()
                | _ -> ()

            found

    /// Starts a walk of the current render's tree (`PartOf`).
    member internal _.StartWalk() = visited <- 0

    /// True when the walk met every part the render asked for, in that order. When it did not (a part asked for and
    /// not shown, or shown elsewhere than asked), `IndexNodes` lets the next walk find each by its nodes.
    member internal _.WalkedAll =
        match parts with
        | null -> true
        | p -> visited = p.Last.Count

    /// Indexes the parts of the current render by their nodes, for the next walk.
    member internal _.IndexNodes() =
        match parts with
        | null -> ()
        | p ->
            let byNode = Dictionary<XmlNode, MemoPart>(byReference)

            for part in p.Last do
                match part with
                | null -> ()
                | part -> byNode[part.Node] <- part

            p.ByNode <- byNode

    /// The parts, made with the first.
    member private _.Parts =
        match parts with
        | null ->
            let p = MemoParts()
            parts <- p
            p
        | p -> p

    /// Takes a place in the current render for the part asked for (before its own parts, as in the document).
    member private this.Reserve() : int =
        let current = this.Parts.Current
        current.Add null
        current.Count - 1

    /// The part at its place in the last render, when it is a part of `source` (a function rendering parts; its
    /// type, or its method for a delegate, is what identifies them); null otherwise.
    member private _.AtGuess(source: obj) : MemoPart | null =
        let last = (nonNull parts).Last

        if guess < last.Count then
            match last[guess] with
            | null -> null
            | kept when obj.ReferenceEquals(kept.Source, source) -> kept
            | kept when obj.ReferenceEquals(kept.Id.Part, ViewMemo.Identity source) ->
                kept.Source <- source
                kept
            | _ -> null
        else
            null

    /// What identifies the parts `source` renders: its method for a delegate, else its type.
    static member private Identity(source: obj) : obj =
        match source with
        | :? Delegate as view -> view.Method
        | _ -> source.GetType()

    /// The part of `source` for `key` kept from the last render, found by its key, and what identifies it.
    member private _.ByKey(source: obj, key: objnull) : struct ((MemoPart | null) * MemoId) =
        let id = MemoId.Of(ViewMemo.Identity source, key)

        match (nonNull parts).ById.TryGetValue id with
        | true, kept -> struct (kept, id)
        | _ ->
            guess <- guess + 1
            struct (null, id)

    /// `render key`, the nodes of a part or a row (kept for later renders).
    member private _.Inside<'K>(render: 'K -> XmlNode, key: 'K) : XmlNode =
        inside <- inside + 1
        let node = render key
        inside <- inside - 1
        node

    /// True while the render is inside no part or row: a list there is held (its nodes are this render's alone).
    member private _.AtTop = inside = 0

    /// Keeps `part` at `place` of the current render: the next one is looked for after where it was.
    member private _.Use(place: int, part: MemoPart) : XmlNode =
        guess <- part.Place + 1
        part.Place <- place
        part.Render <- render
        (nonNull parts).Current[ place ] <- part
        part.Node

    /// A new part of `source` at `place` of the current render.
    member private _.Add(place: int, source: obj, id: MemoId, node: XmlNode) : XmlNode =
        let p = nonNull parts
        let part = MemoPart(id, node, render)
        part.Source <- source
        part.Place <- place
        p.ById[id] <- part
        p.Current[place] <- part
        node

    /// True when `key` equals `kept`, a key of the same type boxed (by `EqualityComparer.Default`, which boxes
    /// nothing; as `Equals` for any key whose `IEquatable` agrees with it).
    static member inline private SameKey(kept: objnull, key: 'K) =
        match kept with
        | :? 'K as kept -> EqualityComparer<'K>.Default.Equals(kept, key)
        | null -> isNull (box key)
        | _ -> false

    /// The nodes of the part `view` renders for `key` (what identifies the part: the function's type): kept from the
    /// last render of the running page's view when that render had this part with an equal key, else `view key`.
    /// Outside a page's render (a test rendering a view itself), always `view key`.
    static member internal Part<'K>(key: 'K, view: 'K -> XmlNode) : XmlNode =
        match ViewMemo.running with
        | null -> view key
        | memo ->
            let place = memo.Reserve()

            match memo.AtGuess view with
            | null -> memo.Fresh(place, view, key, view)
            | kept when ViewMemo.SameKey(kept.Id.Key, key) -> memo.Use(place, kept)
            | _ -> memo.Fresh(place, view, key, view)

    /// The part at `place` found by its key, else rendered by `render`.
    member private memo.Fresh<'K>(place: int, source: obj, key: 'K, render: 'K -> XmlNode) : XmlNode =
        match memo.ByKey(source, box key) with
        | struct (null, id) -> memo.Add(place, source, id, memo.Inside(render, key))
        | struct (kept, _) -> memo.Use(place, kept)

    /// `Part` for a view written in C# (what identifies the part: the delegate's method).
    static member internal PartFunc<'K>(key: 'K, view: Func<'K, XmlNode>) : XmlNode =
        match ViewMemo.running with
        | null -> view.Invoke key
        | memo ->
            let place = memo.Reserve()

            match memo.AtGuess view with
            | null -> memo.Fresh(place, view, key, view.Invoke)
            | kept when ViewMemo.SameKey(kept.Id.Key, key) -> memo.Use(place, kept)
            | _ -> memo.Fresh(place, view, key, view.Invoke)

    /// The `id` among `attributes`, if any.
    static member private IdOf(attributes: XmlAttribute array) : string | null =
        let mutable id = null

        for attribute in attributes do
            match attribute with
            | KeyValue("id", value) when isNull id -> id <- value
            | _ -> ()

        id

    /// True when two elements have the same tag and attributes.
    static member private SameElement(a: string * XmlAttribute array, b: string * XmlAttribute array) =
        obj.ReferenceEquals(a, b)
        || (let (tag, attributes), (tag', attributes') = a, b

            String.Equals(tag, tag')
            && attributes.Length = attributes'.Length
            && Array.forall2
                (fun x y ->
                    match x, y with
                    | KeyValue(name, value), KeyValue(name', value') ->
                        String.Equals(name, name') && String.Equals(value, value')
                    | Boolean name, Boolean name' -> String.Equals(name, name')
                    | _ -> false)
                attributes
                attributes')

    /// The items of a list as an array: an immutable array's own (no copy: it never changes), else a copy.
    static member private ItemsOf<'T>(items: 'T seq) : 'T array =
        match items with
        | :? System.Collections.Immutable.ImmutableArray<'T> as immutable when not immutable.IsDefault ->
            System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsArray immutable
            |> nonNull
        | _ -> Seq.toArray items

    /// How many of `items` are the same references as `lastItems` from the start, and then from the end (the rows a
    /// render need not look at); 0 and 0 for items of a value type.
    static member private Unchanged<'T>(lastItems: 'T array, items: 'T array) : struct (int * int) =
        if typeof<'T>.IsValueType then
            struct (0, 0)
        else
            // The references compared as numbers, many at a time; the arrays are only read. A collection meanwhile may
            // have moved the items (two numbers read on either side of it would not say whether the references are
            // the same): then they are compared again, one at a time.
            let collections = GC.CollectionCount 0
            let unchanged = ViewMemo.SameAddresses(lastItems, items)

            if GC.CollectionCount 0 = collections then
                unchanged
            else
                ViewMemo.SameReferences(lastItems, items)

    /// The references in `items` (an array of a reference type) as numbers.
    static member private Addresses<'T>(items: 'T array) : ReadOnlySpan<nativeint> =
        MemoryMarshal.CreateReadOnlySpan(
            &Unsafe.As<'T, nativeint>(&MemoryMarshal.GetArrayDataReference items),
            items.Length
        )

    /// `Unchanged` comparing the references as numbers, a vector of them at a time.
    static member private SameAddresses<'T>(lastItems: 'T array, items: 'T array) : struct (int * int) =
        let last = ViewMemo.Addresses lastItems
        let next = ViewMemo.Addresses items
        let first = last.CommonPrefixLength next
        let last = last.Slice first
        let next = next.Slice first
        let limit = min last.Length next.Length
        // From the end, a run of 16 at a time while runs are equal, then one at a time.
        let mutable fromEnd = 0

        while fromEnd + 16 <= limit
              && last.Slice(last.Length - fromEnd - 16, 16).SequenceEqual(next.Slice(next.Length - fromEnd - 16, 16)) do
            fromEnd <- fromEnd + 16

        while fromEnd < limit
              && last[last.Length - 1 - fromEnd] = next[next.Length - 1 - fromEnd] do
            fromEnd <- fromEnd + 1

        struct (first, fromEnd)

    /// `Unchanged` comparing the references one at a time.
    static member private SameReferences<'T>(lastItems: 'T array, items: 'T array) : struct (int * int) =
        let n = items.Length
        let m = lastItems.Length
        let limit = min n m
        let mutable first = 0

        while first < limit && obj.ReferenceEquals(box lastItems[first], box items[first]) do
            first <- first + 1

        let mutable fromEnd = 0

        while fromEnd < limit - first
              && obj.ReferenceEquals(box lastItems[m - 1 - fromEnd], box items[n - 1 - fromEnd]) do
            fromEnd <- fromEnd + 1

        struct (first, fromEnd)

    /// A list's element as an error names it: `<tbody id="people">`.
    static member private Named(container: XmlNode) =
        match container with
        | ParentNode((tag, attributes), _)
        | VoidElement(tag, attributes) ->
            match ViewMemo.IdOf attributes with
            | null -> $"<{tag}>"
            | id -> $"<{tag} id=\"{id}\">"
        | Text _ -> "a text"

    /// `container` (an element with no children) holding `view item` for each of `items`, in order. In a page's render,
    /// an item equal to the one the last render showed under its key (`key item`) is not rendered again: its nodes and
    /// tree are reused, the children lists of both renders share their unchanged tail, and the rows whose items are the
    /// same references from either end are not looked at (nor, in the tree, walked by the diff).
    /// `source` is what identifies the item view (the function, or the C# delegate it calls).
    static member internal List<'T, 'K when 'K: not null>
        (container: XmlNode, items: 'T seq, key: 'T -> 'K, view: 'T -> XmlNode, source: obj)
        : XmlNode =
        let items = ViewMemo.ItemsOf items

        let rowNode item =
            match view item with
            | Text _ ->
                invalidArg
                    (nameof view)
                    $"Each item of the list in {ViewMemo.Named container} must render an element: a text or raw markup would merge with its neighbours."
            | node -> node

        match container with
        | Text _ -> invalidArg (nameof container) "A list fills an element, not a text."
        | ParentNode(_, _ :: _) ->
            invalidArg
                (nameof container)
                $"A list fills an element with no children: {ViewMemo.Named container} has some; give it an empty one."
        | VoidElement _ ->
            invalidArg
                (nameof container)
                $"A list fills an element that can hold children, not {ViewMemo.Named container}."
        | ParentNode(element, []) ->
            match ViewMemo.running with
            | null -> ParentNode(element, [ for item in items -> rowNode item ])
            | memo -> memo.ListIn(element, items, key, rowNode, source)

    /// `List` in a page's render: the rows of the last render of this list reused where their items are equal.
    member private memo.ListIn<'T, 'K when 'K: not null>
        (element: string * XmlAttribute array, items: 'T array, key: 'T -> 'K, rowNode: 'T -> XmlNode, source: obj)
        : XmlNode =
        let place = memo.Reserve()
        let identity = ViewMemo.Identity source
        let tag, attributes = element
        let elementId = ViewMemo.IdOf attributes

        let firstId =
            MemoId.Of(
                identity,
                {
                    Tag = tag
                    Id = elementId
                    Occurrence = 0
                }
            )

        let counts =
            match lists with
            | null ->
                let made = Dictionary<MemoId, int>()
                lists <- made
                made
            | counts -> counts

        let occurrence =
            match counts.TryGetValue firstId with
            | true, before -> before
            | _ -> 0

        counts[firstId] <- occurrence + 1

        let id =
            if occurrence = 0 then
                firstId
            else
                MemoId.Of(
                    identity,
                    {
                        Tag = tag
                        Id = elementId
                        Occurrence = occurrence
                    }
                )

        let p = memo.Parts

        let lastPart: MemoPart | null =
            match p.ById.TryGetValue id with
            | true, kept when not (isNull kept.List) -> kept
            | _ -> null

        let last =
            match lastPart with
            | null -> null
            | part -> part.List

        // The last render's items and rows, when its items were of this type (one type test here, none per row).
        let struct (lastItems: 'T array, olds: Chunks<RowSlot>) =
            match last with
            | null -> struct ([||], Chunks.Empty)
            | render ->
                match render.Items with
                | :? ('T array) as items -> struct (items, render.Rows)
                | _ -> struct ([||], Chunks.Empty)

        let comparer = EqualityComparer<'T>.Default
        let byReference = not typeof<'T>.IsValueType
        let keys = EqualityComparer<'K>.Default
        let mutable byKey: Dictionary<'K, ListRow<'T, 'K>> | null = null

        let inline same (row: ListRow<'T, 'K>) (item: 'T) =
            (byReference && obj.ReferenceEquals(box row.Item, box item))
            || comparer.Equals(row.Item, item)

        let keyOf (row: ListRow<'T, 'K>) =
            match row.Key with
            | ValueSome k -> k
            | ValueNone ->
                let k = key row.Item
                row.Key <- ValueSome k
                k

        let fresh item k =
            {
                Row = ListRow<'T, 'K>(item, memo.Inside(rowNode, item), Key = k)
            }

        // The old rows by key, made the first time an item is not the one in its place.
        let index () =
            match byKey with
            | null ->
                let made = Dictionary<'K, ListRow<'T, 'K>>(keys)

                for i in 0 .. olds.Count - 1 do
                    match olds[i].Row with
                    | :? ListRow<'T, 'K> as old -> made.TryAdd(keyOf old, old) |> ignore
                    | _ -> ()

                byKey <- made
                made
            | made -> made

        // The rows whose items are the same references as the last render's, from the start and from the end, are its
        // rows; only the rows between are looked at. With as many rows as the last render, the rows are its own until
        // one is written (only the chunks written are new); else they are copied.
        let struct (first, fromEnd) = ViewMemo.Unchanged(lastItems, items)
        let until = items.Length - fromEnd
        let inPlace = min until (olds.Count - fromEnd)

        let rows =
            if items.Length = olds.Count then
                Chunks.Edit olds
            else
                let rows = Chunks.Make items.Length
                rows.Copy(olds, olds.Count - fromEnd, until, fromEnd)
                rows.Copy(olds, 0, 0, inPlace)
                rows

        let put i (row: RowSlot) =
            if not (obj.ReferenceEquals(rows[i].Row, row.Row)) then
                rows.Set(i, row)

        // While every row is in its place: the same item, or the same key (a changed item). A row is written only
        // where its item is not the same reference.
        let mutable i = first

        while i < inPlace && isNull byKey do
            let item = items[i]

            if not (byReference && obj.ReferenceEquals(box lastItems[i], box item)) then
                match olds[i].Row with
                | :? ListRow<'T, 'K> as old when comparer.Equals(old.Item, item) -> ()
                | :? ListRow<'T, 'K> as old when keys.Equals(keyOf old, key item) ->
                    put i (fresh item (ValueSome(keyOf old)))
                | _ ->
                    // An item inserted, removed or moved: from here on, rows are found by key.
                    let k = key item

                    match (index ()).TryGetValue k with
                    | true, old when same old item -> put i { Row = old }
                    | _ -> put i (fresh item (ValueSome k))

            i <- i + 1

        while i < until do
            let item = items[i]

            match byKey with
            | null -> put i (fresh item ValueNone) // every earlier row was in its place: a new one
            | index ->
                let k = key item

                match index.TryGetValue k with
                | true, old when same old item -> put i { Row = old }
                | _ -> put i (fresh item (ValueSome k))

            i <- i + 1

        let rows = rows.Done()

        // How many of the last rows are the last render's, in the same places from the end.
        let mutable shared = fromEnd

        while shared < rows.Count
              && shared < olds.Count
              && obj.ReferenceEquals(rows[rows.Count - 1 - shared].Row, olds[olds.Count - 1 - shared].Row) do
            shared <- shared + 1

        let lastElement =
            match last with
            | null -> element
            | render ->
                match render.Container with
                | ParentNode(lastElement, _) -> lastElement
                | _ -> element

        // (Tests for null, not `NonNull` patterns: those allocate the choice they match.)
        if
            not (isNull lastPart)
            && shared = rows.Count
            && shared = olds.Count
            && ViewMemo.SameElement(element, lastElement)
        then
            memo.Use(place, nonNull lastPart)
        else
            // A render made from the last one holds its rows for the tree, which finds them here (`ListOf`): a list
            // of them would cost a cell for each row before the last one changed. The first render (a mount, whose
            // nodes are sent whole), a list in a part or a row (whose nodes later renders may keep) and a table
            // (whose rows the tree puts in a `tbody` itself) get them as children.
            let children =
                if
                    not (isNull last)
                    && memo.AtTop
                    && not (String.Equals(tag, "table", StringComparison.OrdinalIgnoreCase))
                then
                    [ ViewMemo.Placeholder ]
                else
                    rows.ToList _.Row.Node

            let node = ParentNode(element, children)

            match last with
            | null -> ()
            | last -> last.Last <- null // its tree was made, or never will be: no chain of renders

            let part =
                MemoPart(id, node, render, List = ListRender(node, items, rows, first, shared, last))

            part.Source <- source
            part.Place <- place
            p.ById[id] <- part
            p.Current[place] <- part
            node
