namespace LiveView

open System
open System.Collections.Generic
open System.Runtime.CompilerServices
open System.Globalization
open Giraffe.ViewEngine

/// A part of a view kept between renders: its nodes, their tree once the part was first turned into one, and the
/// last render that used it.
[<Sealed>]
type internal MemoPart(node: XmlNode, render: int64) =
    member _.Node = node
    member val Tree: ViewNode list = [] with get, set
    member val HasTree = false with get, set
    member val Render = render with get, set

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

/// The parts kept, by what identifies them and by their nodes (by reference).
[<Sealed>]
type private MemoParts() =
    static let byReference =
        { new IEqualityComparer<XmlNode> with
            member _.Equals(a, b) = obj.ReferenceEquals(a, b)
            member _.GetHashCode node = RuntimeHelpers.GetHashCode node
        }

    member val ById = Dictionary<MemoId, MemoPart>()
    /// The parts of the current render by their nodes.
    member val ByNode = Dictionary<XmlNode, MemoPart>(byReference)

/// The parts of one page's view kept from its last render to the next (`Live.memo`, C# `H.Memo`): a part whose key
/// did not change is not rendered again, not turned into a tree again, and costs the diff one comparison of
/// references. A part is kept while each render uses it; one the last render did not use is dropped. The page's
/// culture changing drops them all (a part may format with it).
[<Sealed>]
type ViewMemo() =
    [<ThreadStatic; DefaultValue>]
    static val mutable private running: ViewMemo | null

    // Made with the first part: a page that keeps none pays for this object alone.
    let mutable parts: MemoParts | null = null
    let mutable culture: CultureInfo | null = null
    let mutable render = 0L

    /// Runs `view` (a render of the page's view) with this memo's parts at hand; the parts it did not use are dropped.
    member internal this.Render(view: unit -> XmlNode) : XmlNode =
        render <- render + 1L

        match parts with
        | null -> ()
        | p ->
            p.ByNode.Clear()

            if not (obj.ReferenceEquals(culture, CultureInfo.CurrentCulture)) then
                p.ById.Clear()

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
                for pair in p.ById do
                    if pair.Value.Render <> render then
                        p.ById.Remove pair.Key |> ignore

    /// The part of the last render whose nodes are `node` (by reference), if `node` came from a part.
    member internal _.PartOf(node: XmlNode) : MemoPart | null =
        match parts with
        | null -> null
        | p ->
            match p.ByNode.TryGetValue node with
            | true, part -> part
            | _ -> null

    /// True when no part is kept.
    member internal _.IsEmpty =
        match parts with
        | null -> true
        | p -> p.ByNode.Count = 0

    member private _.Find(id: MemoId, make: unit -> XmlNode) : XmlNode =
        let p =
            match parts with
            | null ->
                let p = MemoParts()
                parts <- p
                p
            | p -> p

        let part =
            match p.ById.TryGetValue id with
            | true, part ->
                part.Render <- render
                part
            | _ ->
                let part = MemoPart(make (), render)
                p.ById[id] <- part
                part

        p.ByNode[part.Node] <- part
        part.Node

    /// The nodes of the part `part` (what renders it: a function's type or method) for `key`: kept from the last render
    /// of the running page's view when that render had this part with an equal key, else `render ()`. Outside a page's
    /// render (a test rendering a view itself), always `render ()`.
    static member internal Part(part: obj, key: objnull, render: unit -> XmlNode) : XmlNode =
        match ViewMemo.running with
        | null -> render ()
        | memo -> memo.Find(MemoId.Of(part, key), render)
