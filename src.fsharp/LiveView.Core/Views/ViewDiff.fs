namespace LiveView

open System
open System.Collections.Generic

/// The changes that turn one render of a view into the next: text, attributes, and children inserted, removed,
/// replaced or moved. Children with a key (`data-key`, else `id`, unique among their siblings in both renders) are
/// matched by key, so that a list whose items come and go changes only those items; other children are matched by
/// position.
[<RequireQualifiedAccess>]
module ViewDiff =

    /// The keys that appear once among `nodes`.
    let private uniqueKeys (nodes: ViewNode seq) =
        nodes
        |> Seq.choose (ViewTree.keyOf >> ValueOption.toOption)
        |> Seq.countBy id
        |> Seq.choose (fun (key, count) -> if count = 1 then Some key else None)
        |> HashSet

    /// The positions of a longest strictly increasing run of `values` (patience sorting, n log n).
    let private longestIncreasing (values: int array) =
        let tails = ResizeArray<int>()
        let previous = Array.create values.Length -1

        for index in 0 .. values.Length - 1 do
            let mutable low = 0
            let mutable high = tails.Count

            while low < high do
                let middle = (low + high) / 2

                if values[tails[middle]] < values[index] then
                    low <- middle + 1
                else
                    high <- middle

            if low > 0 then
                previous[index] <- tails[low - 1]

            if low = tails.Count then
                tails.Add index
            else
                tails[low] <- index

        let positions = HashSet<int>()
        let mutable position = if tails.Count = 0 then -1 else tails[tails.Count - 1]

        while position >= 0 do
            positions.Add position |> ignore
            position <- previous[position]

        positions

    /// A diff in progress: the changes so far, and the child indexes from the root down to the node being walked
    /// (a path is made only for a change).
    [<Sealed>]
    type private Walk() =
        let mutable indexes: int array = Array.zeroCreate 16
        let mutable depth = 0

        [<ThreadStatic; DefaultValue>]
        static val mutable private ofThread: Walk | null

        /// The thread's walk, at the start (a diff runs on one thread, and runs no code that makes another meanwhile).
        static member Start() =
            match Walk.ofThread with
            | null ->
                let walk = Walk()
                Walk.ofThread <- walk
                walk
            | walk ->
                walk.Reset()
                walk

        member val Changes = ResizeArray<ViewChange>()

        /// The changes found, taken off the walk.
        member x.Take() : ViewChange list =
            // From the last to the first, one cell each (`List.ofSeq` would make an enumerator).
            let mutable changes = []

            for i in x.Changes.Count - 1 .. -1 .. 0 do
                changes <- x.Changes[i] :: changes

            x.Changes.Clear()
            changes

        /// True once a difference was found that may give no change (content the page's scripts own, attributes).
        member val Differs = false with get, set

        member private x.Reset() =
            depth <- 0
            x.Changes.Clear()
            x.Differs <- false

        member _.Push(index: int) =
            if depth = indexes.Length then
                Array.Resize(&indexes, depth * 2)

            indexes[depth] <- index
            depth <- depth + 1

        member _.Pop() = depth <- depth - 1

        /// The path of the node being walked.
        member _.Path: int list =
            let mutable path = []

            for i in depth - 1 .. -1 .. 0 do
                path <- indexes[i] :: path

            path

        /// The path of its child `index`.
        member x.PathTo(index: int) =
            x.Push index
            let path = x.Path
            x.Pop()
            path

    let private attributes (walk: Walk) before after =
        if not (ViewNode.SameAttributes(before, after)) then
            walk.Differs <- true
            let changes = walk.Changes
            let path = walk.Path
            let old = dict before

            for name, value in after do
                match old.TryGetValue name with
                | true, was when String.Equals(was, value) -> ()
                | _ -> changes.Add(ViewChange.SetAttribute(path, name, value))

            let kept = after |> List.map fst |> HashSet

            for name, _ in before do
                if not (kept.Contains name) then
                    changes.Add(ViewChange.RemoveAttribute(path, name))

    /// True when two children have the same key, or none.
    let private sameKey (old: ViewNode) (next: ViewNode) =
        match ViewTree.keyOf old, ViewTree.keyOf next with
        | ValueNone, ValueNone -> true
        | ValueSome a, ValueSome b -> String.Equals(a, b)
        | _ -> false

    /// How many children are alike from the start (the same nodes, or the same keys in the same places) and from the
    /// end (the same nodes) of `before` (`count` of them, child `i` being `before i`) and `after` (`count'`).
    let inline private alike count (before: int -> ViewNode) count' (after: int -> ViewNode) : struct (int * int) =
        let mutable first = 0

        while first < count
              && first < count'
              && (obj.ReferenceEquals(before first, after first)
                  || sameKey (before first) (after first)) do
            first <- first + 1

        let mutable fromEnd = 0

        while fromEnd < count - first
              && fromEnd < count' - first
              && obj.ReferenceEquals(before (count - 1 - fromEnd), after (count' - 1 - fromEnd)) do
            fromEnd <- fromEnd + 1

        struct (first, fromEnd)

    /// The changes at child `index` of the node being walked, which is `before` and becomes `after`; none when they
    /// are the same. Equal subtrees are walked once, here, and give no change; shared ones are not walked.
    let rec private at (walk: Walk) index (before: ViewNode) (after: ViewNode) =
        if not (obj.ReferenceEquals(before, after)) then
            match before, after with
            | ViewNode.Element(tag, oldAttributes, oldContent), ViewNode.Element(tag', newAttributes, newContent) when
                String.Equals(tag, tag')
                ->
                walk.Push index
                attributes walk oldAttributes newAttributes

                match oldContent, newContent with
                | ViewContent.Rows old, ViewContent.Rows next -> rows walk old next
                | ChildNodes old, ChildNodes next -> children walk old next
                | ViewContent.Ignored _, ViewContent.Ignored _ ->
                    if not walk.Differs && not (ViewContent.Same(oldContent, newContent)) then
                        walk.Differs <- true
                | _ when not (ViewContent.Same(oldContent, newContent)) ->
                    walk.Changes.Add(ViewChange.SetContent(walk.Path, newContent))
                | _ -> ()

                walk.Pop()
            | ViewNode.Text text, ViewNode.Text text' ->
                if not (String.Equals(text, text')) then
                    walk.Changes.Add(ViewChange.SetText(walk.PathTo index, text'))
            | _ -> walk.Changes.Add(ViewChange.Replace(walk.PathTo index, after))

    /// The changes to the children of the node being walked: position by position when both lists have the same keys
    /// in the same places (the common case: nothing added, removed or moved), else by key. One walk does both: the
    /// changes found place by place are dropped when a place turns out to hold another key.
    and private children (walk: Walk) (before: ViewNode list) (after: ViewNode list) =
        if not (obj.ReferenceEquals(before, after)) then
            let found = walk.Changes.Count
            let differs = walk.Differs

            if not (inPlace walk 0 before after) then
                walk.Changes.RemoveRange(found, walk.Changes.Count - found)
                walk.Differs <- differs
                byKey walk (Array.ofList before) (Array.ofList after)

    /// The changes to a list's rows (`Live.each`): row by row when both renders have as many rows and each row that
    /// changed kept its key (the common case: items changed in place), else by key (`byKey`). A render of the list
    /// made from the last one says where they may differ: only there are rows compared.
    and private rows (walk: Walk) (before: ViewRows) (after: ViewRows) =
        let olds = before.Chunks
        let news = after.Chunks

        if not (obj.ReferenceEquals(olds, news)) then
            let struct (first, until) =
                if obj.ReferenceEquals(after.Base, before) then
                    after.Changed
                else
                    struct (0, min olds.Count news.Count)

            let mutable inPlace = olds.Count = news.Count
            let mutable i = first

            while inPlace && i < until do
                inPlace <- obj.ReferenceEquals(olds[i], news[i]) || sameKey olds[i] news[i]
                i <- i + 1

            if inPlace then
                for i in first .. until - 1 do
                    if not (obj.ReferenceEquals(olds[i], news[i])) then
                        at walk i olds[i] news[i]
            else
                rowsByKey walk olds news

    /// The changes to children paired place by place, from child `index` on; false as soon as a place holds another
    /// key than before (or one list is longer), with what was found so far to be dropped.
    and private inPlace (walk: Walk) index (before: ViewNode list) (after: ViewNode list) =
        match before, after with
        | _ when obj.ReferenceEquals(before, after) -> true // a shared tail (`Live.each`)
        | [], [] -> true
        | old :: olds, next :: nexts ->
            if obj.ReferenceEquals(old, next) then
                inPlace walk (index + 1) olds nexts
            elif sameKey old next then
                at walk index old next
                inPlace walk (index + 1) olds nexts
            else
                false
        | _ -> false

    /// The changes to the children of the node being walked, matched by key (`byKeyBetween`).
    and private byKey (walk: Walk) (before: ViewNode array) (after: ViewNode array) =
        let struct (first, fromEnd) =
            alike before.Length (fun i -> before[i]) after.Length (fun i -> after[i])

        for index in 0 .. first - 1 do
            at walk index before[index] after[index]

        byKeyBetween walk first before[first .. before.Length - 1 - fromEnd] after[first .. after.Length - 1 - fromEnd]

    /// `byKey` for a list's rows, which are not copied: only those between the rows alike at both ends are.
    and private rowsByKey (walk: Walk) (before: Chunks<ViewNode>) (after: Chunks<ViewNode>) =
        let struct (first, fromEnd) =
            alike before.Count (fun i -> before[i]) after.Count (fun i -> after[i])

        for index in 0 .. first - 1 do
            at walk index before[index] after[index]

        let between (rows: Chunks<ViewNode>) =
            Array.init (rows.Count - fromEnd - first) (fun i -> rows[first + i])

        byKeyBetween walk first (between before) (between after)

    /// The changes to the children of the node being walked, matched by key (children without a shared key: the k-th
    /// of the new ones is the k-th of the old ones). The children alike from the start (the same nodes, or the same
    /// keys in the same places) and from the end (the same nodes) stay where they are (`alike`), and only those
    /// between, `olds` becoming `news` from child `first` on, are matched: an item added to or taken from a long list
    /// costs that item. Of those, old children no new one is are removed; of the rest, the longest run already in the
    /// new order stays where it is, and every other child is moved (or, new, inserted) just before the one that follows
    /// it, from the last to the first; then each kept child gets its own changes.
    and private byKeyBetween (walk: Walk) (first: int) (olds: ViewNode array) (news: ViewNode array) =
        let changes = walk.Changes
        let shared = uniqueKeys olds
        shared.IntersectWith(uniqueKeys news)

        let keyOf node =
            match ViewTree.keyOf node with
            | ValueSome key when shared.Contains key -> ValueSome key
            | _ -> ValueNone

        let oldByKey = Dictionary<string, int>()
        let unkeyed = Queue<int>()

        olds
        |> Array.iteri (fun index old ->
            match keyOf old with
            | ValueSome key -> oldByKey[key] <- index
            | ValueNone -> unkeyed.Enqueue index)

        // For each new child, the old child it is (-1: none, it is inserted).
        let source =
            news
            |> Array.map (fun next ->
                match keyOf next with
                | ValueSome key -> oldByKey[key]
                | ValueNone when unkeyed.Count > 0 -> unkeyed.Dequeue()
                | ValueNone -> -1)

        let target = Array.create olds.Length -1

        source
        |> Array.iteri (fun index old ->
            if old >= 0 then
                target[old] <- index)

        for index in olds.Length - 1 .. -1 .. 0 do
            if target[index] < 0 then
                changes.Add(ViewChange.Remove(walk.PathTo(first + index)))

        // The children as they stand: old ones by their index, new ones by -(index + 1).
        let current =
            ResizeArray
                [
                    for index in 0 .. olds.Length - 1 do
                        if target[index] >= 0 then
                            index
                ]

        let stays =
            longestIncreasing [| for old in current -> target[old] |]
            |> Seq.map (fun position -> current[position])
            |> HashSet

        let idOf index =
            if source[index] >= 0 then source[index] else -(index + 1)

        let before index =
            if index + 1 < news.Length then
                current.IndexOf(idOf (index + 1))
            else
                current.Count

        let parent = walk.Path

        for index in news.Length - 1 .. -1 .. 0 do
            let id = idOf index

            if source[index] < 0 then
                let into = before index
                changes.Add(ViewChange.Insert(parent, first + into, news[index]))
                current.Insert(into, id)
            elif not (stays.Contains id) then
                let from = current.IndexOf id
                current.RemoveAt from
                let into = before index

                if into <> from then
                    changes.Add(ViewChange.Move(parent, first + from, first + into))

                current.Insert(into, id)

        source
        |> Array.iteri (fun index old ->
            if old >= 0 then
                at walk (first + index) olds[old] news[index])

    /// The changes, in order, that turn the DOM of `before` (the children of the element a page is shown in) into
    /// that of `after`; none when they are equal.
    let between (before: ViewNode list) (after: ViewNode list) : ViewChange list =
        let walk = Walk.Start()
        children walk before after
        walk.Take()

    /// `between`, and whether `before` and `after` are equal, found in the same walk.
    let internal compare (before: ViewNode list) (after: ViewNode list) : struct (ViewChange list * bool) =
        let walk = Walk.Start()
        children walk before after
        let equal = walk.Changes.Count = 0 && not walk.Differs
        struct (walk.Take(), equal)
