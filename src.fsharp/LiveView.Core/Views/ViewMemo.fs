namespace LiveView

open System
open System.Collections.Generic
open System.Runtime.CompilerServices
open System.Globalization
open Giraffe.ViewEngine

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

/// A part of a view kept between renders: what identifies it, its nodes, their tree once the part was first turned
/// into one, the last render that used it and where.
[<Sealed>]
type internal MemoPart(id: MemoId, node: XmlNode, render: int64) =
    member _.Id = id
    member _.Node = node
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

    // Made with the first part: a page that keeps none pays for this object alone.
    let mutable parts: MemoParts | null = null
    let mutable culture: CultureInfo | null = null
    let mutable render = 0L
    // Where in the last render's parts the next part asked for is looked for first.
    let mutable guess = 0
    // How many parts of the current render its tree has met, in order (`PartOf`).
    let mutable visited = 0

    /// Runs `view` (a render of the page's view) with this memo's parts at hand; the parts it did not use are dropped.
    member internal this.Render(view: unit -> XmlNode) : XmlNode =
        render <- render + 1L
        guess <- 0
        visited <- 0

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
                        if part.Render <> render then
                            p.ById.Remove part.Id |> ignore

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

    /// True when the last render kept no part.
    member internal _.IsEmpty =
        match parts with
        | null -> true
        | p -> p.Last.Count = 0

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
        | struct (null, id) -> memo.Add(place, source, id, render key)
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
