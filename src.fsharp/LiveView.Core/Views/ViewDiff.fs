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

    let rec private node (path: int list) (before: ViewNode) (after: ViewNode) (changes: ResizeArray<ViewChange>) =
        if not (obj.ReferenceEquals(before, after)) && before <> after then
            match before, after with
            | ViewNode.Text _, ViewNode.Text text -> changes.Add(ViewChange.SetText(path, text))
            | ViewNode.Element(tag, oldAttributes, oldContent), ViewNode.Element(tag', newAttributes, newContent) when
                tag = tag'
                ->
                attributes path oldAttributes newAttributes changes

                match oldContent, newContent with
                | ViewContent.Children old, ViewContent.Children next -> children path old next changes
                | _ when oldContent <> newContent -> changes.Add(ViewChange.SetContent(path, newContent))
                | _ -> ()
            | _ -> changes.Add(ViewChange.Replace(path, after))

    /// The changes to the children of the node at `parent`: position by position when both lists have the same keys
    /// in the same places (the common case: nothing added, removed or moved), else by key.
    and private children (parent: int list) (before: ViewNode list) (after: ViewNode list) changes =
        if sameKeys before after then
            let differs index old next =
                if not (obj.ReferenceEquals(old, next)) && old <> next then
                    node (parent @ [ index ]) old next changes

            List.iteri2 differs before after
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

    /// The changes to the children of the node at `parent`, matched by key; `current` follows the DOM as they apply.
    and private byKey (parent: int list) (before: ViewNode list) (after: ViewNode list) changes =
        let shared = uniqueKeys before
        shared.IntersectWith(uniqueKeys after)

        let keyOf node =
            match ViewTree.keyOf node with
            | ValueSome key when shared.Contains key -> ValueSome key
            | _ -> ValueNone

        let at index = parent @ [ index ]
        let current = ResizeArray before

        // Keyed children that leave go first; the last first, so that the indexes before them hold.
        let leaving = uniqueKeys before

        for index in current.Count - 1 .. -1 .. 0 do
            match ViewTree.keyOf current[index] with
            | ValueSome key when leaving.Contains key && not (shared.Contains key) ->
                changes.Add(ViewChange.Remove(at index))
                current.RemoveAt index
            | _ -> ()

        after
        |> List.iteri (fun index next ->
            match keyOf next with
            | ValueSome key ->
                let from = current.FindIndex(index, fun n -> keyOf n = ValueSome key)

                if from > index then
                    changes.Add(ViewChange.Move(parent, from, index))
                    let moved = current[from]
                    current.RemoveAt from
                    current.Insert(index, moved)

                node (at index) current[index] next changes
                current[index] <- next
            | ValueNone when index < current.Count && (keyOf current[index]).IsNone ->
                node (at index) current[index] next changes
                current[index] <- next
            | ValueNone ->
                changes.Add(ViewChange.Insert(parent, index, next))
                current.Insert(index, next))

        for index in current.Count - 1 .. -1 .. after.Length do
            changes.Add(ViewChange.Remove(at index))

    /// The changes, in order, that turn the DOM of `before` (the children of the element a page is shown in) into
    /// that of `after`; none when they are equal.
    let between (before: ViewNode list) (after: ViewNode list) : ViewChange list =
        let changes = ResizeArray()
        children [] before after changes
        List.ofSeq changes
