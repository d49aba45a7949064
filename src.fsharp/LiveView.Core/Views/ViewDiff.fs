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

    let private attributes (path: int list) before after (changes: ResizeArray<ViewChange>) =
        if before <> after then
            let old = dict before

            for name, value in after do
                match old.TryGetValue name with
                | true, was when was = value -> ()
                | _ -> changes.Add(ViewChange.SetAttribute(path, name, value))

            let kept = after |> List.map fst |> HashSet

            for name, _ in before do
                if not (kept.Contains name) then
                    changes.Add(ViewChange.RemoveAttribute(path, name))

    /// The changes at the node at `parent` @ [`index`], which is `before` and becomes `after`; none when they are the
    /// same (by reference, the cheap case, or by value). Each node is compared once, here.
    let rec private at (parent: int list) index (before: ViewNode) (after: ViewNode) changes =
        if not (obj.ReferenceEquals(before, after)) && before <> after then
            node (parent @ [ index ]) before after changes

    /// The changes that turn `before` into `after`, which differ.
    and private node (path: int list) (before: ViewNode) (after: ViewNode) (changes: ResizeArray<ViewChange>) =
        match before, after with
        | ViewNode.Text _, ViewNode.Text text -> changes.Add(ViewChange.SetText(path, text))
        | ViewNode.Element(tag, oldAttributes, oldContent), ViewNode.Element(tag', newAttributes, newContent) when
            tag = tag'
            ->
            attributes path oldAttributes newAttributes changes

            match oldContent, newContent with
            | ViewContent.Ignored _, ViewContent.Ignored _ -> ()
            | ViewContent.Children old, ViewContent.Children next -> children path old next changes
            | _ when oldContent <> newContent -> changes.Add(ViewChange.SetContent(path, newContent))
            | _ -> ()
        | _ -> changes.Add(ViewChange.Replace(path, after))

    /// The changes to the children of the node at `parent`: position by position when both lists have the same keys
    /// in the same places (the common case: nothing added, removed or moved), else by key.
    and private children (parent: int list) (before: ViewNode list) (after: ViewNode list) changes =
        if sameKeys before after then
            List.iteri2 (fun index old next -> at parent index old next changes) before after
        else
            byKey parent before after changes

    /// True when both lists are as long and have the same key (or none) at each place.
    and private sameKeys (before: ViewNode list) (after: ViewNode list) =
        match before, after with
        | [], [] -> true
        | old :: olds, next :: nexts ->
            match ViewTree.keyOf old, ViewTree.keyOf next with
            | ValueNone, ValueNone -> sameKeys olds nexts
            | ValueSome a, ValueSome b when String.Equals(a, b) -> sameKeys olds nexts
            | _ -> false
        | _ -> false

    /// The changes to the children of the node at `parent`, matched by key (children without a shared key: the k-th
    /// of the new ones is the k-th of the old ones). Old children no new one is are removed; of the rest, the longest
    /// run already in the new order stays where it is, and every other child is moved (or, new, inserted) just before
    /// the one that follows it, from the last to the first; then each kept child gets its own changes.
    and private byKey (parent: int list) (before: ViewNode list) (after: ViewNode list) changes =
        let shared = uniqueKeys before
        shared.IntersectWith(uniqueKeys after)

        let keyOf node =
            match ViewTree.keyOf node with
            | ValueSome key when shared.Contains key -> ValueSome key
            | _ -> ValueNone

        let olds = Array.ofList before
        let news = Array.ofList after
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
                changes.Add(ViewChange.Remove(parent @ [ index ]))

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

        for index in news.Length - 1 .. -1 .. 0 do
            let id = idOf index

            if source[index] < 0 then
                let into = before index
                changes.Add(ViewChange.Insert(parent, into, news[index]))
                current.Insert(into, id)
            elif not (stays.Contains id) then
                let from = current.IndexOf id
                current.RemoveAt from
                let into = before index

                if into <> from then
                    changes.Add(ViewChange.Move(parent, from, into))

                current.Insert(into, id)

        source
        |> Array.iteri (fun index old ->
            if old >= 0 then
                at parent index olds[old] news[index] changes)

    /// The changes, in order, that turn the DOM of `before` (the children of the element a page is shown in) into
    /// that of `after`; none when they are equal.
    let between (before: ViewNode list) (after: ViewNode list) : ViewChange list =
        let changes = ResizeArray()
        children [] before after changes
        List.ofSeq changes
