namespace LiveView

/// What a stream's container holds after stream patches, as the client applies them: for a first paint over HTTP,
/// which shows the items its mount inserted. A live page's runtime never follows them: it keeps no copy of the items.
[<RequireQualifiedAccess>]
module ViewStream =

    let private keyOf (node: ViewNode) =
        match node with
        | ViewNode.Element(_, attributes, _) -> attributes |> List.tryFind (fst >> (=) "id") |> Option.map snd
        | ViewNode.Text _ -> None

    /// The items after `op`.
    let apply (items: ViewNode list) (op: StreamOp) : ViewNode list =
        match op with
        | StreamOp.Insert(key, item, at, limit) ->
            let item = ViewTree.ofView [ item ]

            let items =
                if items |> List.exists (fun node -> keyOf node = Some key) then
                    items
                    |> List.collect (fun node -> if keyOf node = Some key then item else [ node ])
                elif at < 0 || at >= items.Length then
                    items @ item
                else
                    List.take at items @ item @ List.skip at items

            if limit > 0 && items.Length > limit then
                List.take limit items
            elif limit < 0 && items.Length > -limit then
                List.skip (items.Length + limit) items
            else
                items
        | StreamOp.Delete key -> items |> List.filter (fun node -> keyOf node <> Some key)
        | StreamOp.Reset -> []

    /// The tree after `patch` for a first paint: stream patches change their container's items, others are followed
    /// as `ViewPatch.follow` does (ValueNone when one cannot be).
    let paint (nodes: ViewNode list) (patch: Patch) : ViewNode list voption =
        match patch with
        | Stream(stream, op) ->
            nodes
            |> ViewPatch.changeById stream (function
                | ViewNode.Element(tag, attributes, ViewContent.Ignored(ChildNodes items)) ->
                    [
                        ViewNode.Element(tag, attributes, ViewContent.Ignored(ViewContent.Children(apply items op)))
                    ]
                | other -> [ other ])
            |> Option.defaultValue nodes
            |> ValueSome
        | _ -> ViewPatch.follow nodes patch

    /// What a Django LiveView v1 client gets for a stream patch: an insert appended to the container (where it is
    /// asked and whether the key is there cannot be honoured, nor a limit), a delete as the item emptied, a reset as
    /// the container emptied.
    let forV1 (stream: string) (op: StreamOp) : Patch list =
        match op with
        | StreamOp.Insert(_, item, _, _) -> [ Swap("#" + stream, [ item ], true) ]
        | StreamOp.Delete key -> [ Delete("#" + key) ]
        | StreamOp.Reset -> [ Swap("#" + stream, [], false) ]
