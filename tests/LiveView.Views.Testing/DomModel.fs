/// A pure model of the browser's DOM, written apart from the diff: it applies view changes to a tree the way the
/// client applies them to the page, and fails on a change the DOM could not take (a path to nowhere).
module LiveView.Views.Testing.DomModel

open LiveView

let private childrenOf (node: ViewNode) =
    match node with
    | ViewNode.Element(_, _, ChildNodes children) -> children
    | other -> failwithf "the path goes through %A, which has no child nodes" other

let private withChildren (node: ViewNode) children =
    match node with
    | ViewNode.Element(tag, attributes, ChildNodes _) ->
        ViewNode.Element(tag, attributes, ViewContent.Children children)
    | other -> failwithf "the path goes through %A, which has no child nodes" other

let private checkIndex (index: int) (length: int) =
    if index < 0 || index >= length then
        failwithf "no child %d among %d" index length

/// Changes the child list of the node at `path` (the container's own for []).
let rec private atChildren (path: int list) (change: ViewNode list -> ViewNode list) (nodes: ViewNode list) =
    match path with
    | [] -> change nodes
    | index :: rest ->
        checkIndex index nodes.Length

        nodes
        |> List.mapi (fun i node ->
            if i = index then
                withChildren node (atChildren rest change (childrenOf node))
            else
                node)

/// Changes the node at `path` (never empty).
let private atNode (path: int list) (change: ViewNode -> ViewNode) (nodes: ViewNode list) =
    let parent, index = List.take (path.Length - 1) path, List.last path

    nodes
    |> atChildren parent (fun children ->
        checkIndex index children.Length
        children |> List.mapi (fun i node -> if i = index then change node else node))

let private element (change: string -> (string * string) list -> ViewContent -> ViewNode) (node: ViewNode) =
    match node with
    | ViewNode.Element(tag, attributes, content) -> change tag attributes content
    | ViewNode.Text _ -> failwith "an attribute or content change reached a text node"

/// Applies one change, as the client would.
let apply (nodes: ViewNode list) (change: ViewChange) =
    match change with
    | ViewChange.SetText(path, text) ->
        nodes
        |> atNode path (function
            | ViewNode.Text _ -> ViewNode.Text text
            | other -> failwithf "SetText reached %A" other)
    | ViewChange.SetAttribute(path, name, value) ->
        nodes
        |> atNode
            path
            (element (fun tag attributes content ->
                let attributes =
                    if List.exists (fst >> (=) name) attributes then
                        attributes |> List.map (fun (n, v) -> if n = name then n, value else n, v)
                    else
                        attributes @ [ name, value ]

                ViewNode.Element(tag, attributes, content)))
    | ViewChange.RemoveAttribute(path, name) ->
        nodes
        |> atNode
            path
            (element (fun tag attributes content ->
                if not (List.exists (fst >> (=) name) attributes) then
                    failwithf "no attribute %s to remove" name

                ViewNode.Element(tag, attributes |> List.filter (fst >> (<>) name), content)))
    | ViewChange.SetContent(path, content) ->
        nodes
        |> atNode path (element (fun tag attributes _ -> ViewNode.Element(tag, attributes, content)))
    | ViewChange.Insert(parent, index, node) ->
        nodes
        |> atChildren parent (fun children ->
            if index < 0 || index > children.Length then
                failwithf "cannot insert at %d among %d" index children.Length

            List.insertAt index node children)
    | ViewChange.Remove path ->
        let parent, index = List.take (path.Length - 1) path, List.last path

        nodes
        |> atChildren parent (fun children ->
            checkIndex index children.Length
            List.removeAt index children)
    | ViewChange.Move(parent, from, target) ->
        nodes
        |> atChildren parent (fun children ->
            checkIndex from children.Length
            checkIndex target children.Length
            let moved = children[from]
            children |> List.removeAt from |> List.insertAt target moved)
    | ViewChange.Replace(path, node) -> nodes |> atNode path (fun _ -> node)

/// Applies changes in order.
let applyAll (nodes: ViewNode list) (changes: ViewChange list) = List.fold apply nodes changes

/// The tree with attributes in name order (the DOM does not order attributes, so neither does the comparison) and
/// the content of ignored elements left out (the page's scripts own it).
let rec canonical (nodes: ViewNode list) =
    nodes
    |> List.map (function
        | ViewNode.Element(tag, attributes, ViewContent.Ignored _) ->
            ViewNode.Element(tag, List.sortBy fst attributes, ViewContent.Ignored(ViewContent.Children []))
        | ViewNode.Element(tag, attributes, ChildNodes children) ->
            ViewNode.Element(tag, List.sortBy fst attributes, ViewContent.Children(canonical children))
        | ViewNode.Element(tag, attributes, content) -> ViewNode.Element(tag, List.sortBy fst attributes, content)
        | text -> text)

/// Applies a v1 frame (`selector` + `html`) as a v1 client would: the content of the first element with that id
/// (as `document.querySelector`), or of the container.
let applyCover (nodes: ViewNode list) (cover: ViewCover) =
    match cover with
    | ViewCover.Container content -> content
    | ViewCover.Element(id, content) ->
        let mutable found = false

        let rec visit (node: ViewNode) =
            match node with
            | ViewNode.Element(tag, attributes, _) when not found && List.contains ("id", id) attributes ->
                found <- true
                ViewNode.Element(tag, attributes, content)
            | ViewNode.Element(tag, attributes, ChildNodes children) ->
                ViewNode.Element(tag, attributes, ViewContent.Children(List.map visit children))
            | ViewNode.Element(tag, attributes, ViewContent.Ignored(ChildNodes children)) ->
                // `querySelector` looks inside what the page's scripts own too.
                ViewNode.Element(tag, attributes, ViewContent.Ignored(ViewContent.Children(List.map visit children)))
            | other -> other

        let result = List.map visit nodes

        if not found then
            failwithf "no element has the id %s" id

        result

/// The canonical tree's HTML: what the properties compare, so that they do not rest on the trees' own equality.
let written (nodes: ViewNode list) = ViewHtml.ofNodes (canonical nodes)
