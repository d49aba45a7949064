namespace LiveView

open System.Collections.Generic

/// What a client that knows only `selector` + `html` (Django LiveView v1) is sent for a change of view: the new
/// content of an element it can find by id.
[<RequireQualifiedAccess>]
type ViewCover =
    /// Set the content of the element with id `Id` (the smallest element with an id, unique in the view, around a
    /// change).
    | Element of Id: string * Content: ViewContent
    /// Set the content of the element the page is shown in (no element with an id covers the change).
    | Container of ViewNode list

/// The v1 frames for a change of view: the smallest elements with an id whose new content covers every change.
[<RequireQualifiedAccess>]
module ViewCover =

    let private idOf (node: ViewNode) =
        match node with
        | ViewNode.Element(_, attributes, _) -> attributes |> List.tryFind (fst >> (=) "id") |> Option.map snd
        | ViewNode.Text _ -> None

    let private isStream (attributes: (string * string) list) =
        attributes |> List.exists (fst >> (=) ViewTree.StreamAttribute)

    /// The ids that appear once in `nodes` (a selector finds the element they name).
    let private uniqueIds (nodes: ViewNode list) =
        let counts = Dictionary<string, int>()

        let rec visit (node: ViewNode) =
            match idOf node with
            | Some id ->
                counts[id] <-
                    (match counts.TryGetValue id with
                     | true, n -> n + 1
                     | _ -> 1)
            | None -> ()

            match node with
            | ViewNode.Element(_, _, ChildNodes children)
            | ViewNode.Element(_, _, ViewContent.Ignored(ChildNodes children)) -> List.iter visit children
            | _ -> ()

        List.iter visit nodes

        counts
        |> Seq.choose (fun pair -> if pair.Value = 1 then Some pair.Key else None)
        |> HashSet

    /// The covers of the differences between two child lists, or None when one of them is the list itself (a child
    /// added, removed or moved, or one that changed with no id around the change): then its parent must be covered.
    let rec private children (ids: HashSet<string>) (before: ViewNode list) (after: ViewNode list) =
        if before.Length <> after.Length then
            None
        else
            (Some [], List.zip before after)
            ||> List.fold (fun covers (old, next) ->
                match covers with
                | None -> None
                | Some found when old = next -> Some found
                | Some found -> node ids old next |> Option.map (fun more -> found @ more))

    and private node ids (before: ViewNode) (after: ViewNode) =
        match before, after with
        // The same stream (its container's tag and id): a v1 client cannot set its attributes, and redrawing an element
        // around it would empty it (its items are the client's alone): it keeps its old attributes and its items.
        | ViewNode.Element(tag, attributes, ViewContent.Ignored _),
          ViewNode.Element(tag', attributes', ViewContent.Ignored _) when
            tag = tag'
            && isStream attributes
            && isStream attributes'
            && idOf before = idOf after
            ->
            Some []
        | ViewNode.Element(tag, attributes, content), ViewNode.Element(tag', attributes', content') when
            tag = tag' && attributes = attributes'
            ->
            let inner =
                match content, content' with
                | ViewContent.Ignored _, ViewContent.Ignored _ -> Some []
                | ChildNodes old, ChildNodes next -> children ids old next
                | _ -> None

            match inner, idOf after with
            | Some covers, _ -> Some covers
            | None, Some id when ids.Contains id -> Some [ ViewCover.Element(id, content') ]
            | None, _ -> None
        | _ -> None

    /// The covers that turn `before` into `after` (the children of the element the page is shown in): none when
    /// they are equal, else elements by id, else the container.
    let between (before: ViewNode list) (after: ViewNode list) : ViewCover list =
        if before = after then
            []
        else
            let ids = uniqueIds before
            ids.IntersectWith(uniqueIds after)

            match children ids before after with
            | Some covers -> covers
            | None -> [ ViewCover.Container after ]

    /// The v1 frames of a view update: each cover's new content put into its element (`#id`, or `#main`).
    let patches (update: ViewUpdate) : Patch list =
        between update.Before update.After
        |> List.map (function
            | ViewCover.Element(id, content) ->
                Swap("#" + id, [ Giraffe.ViewEngine.HtmlElements.rawText (ViewHtml.ofContent content) ], false)
            | ViewCover.Container nodes ->
                Swap(Protocol.MainSelector, [ Giraffe.ViewEngine.HtmlElements.rawText (ViewHtml.ofNodes nodes) ], false))
