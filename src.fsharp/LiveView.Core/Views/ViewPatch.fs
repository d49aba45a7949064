namespace LiveView

open System
open Giraffe.ViewEngine

/// Hand-written patches, followed on the runtime's copy of what the client shows, so that the next view diff starts
/// from the DOM as it is.
[<RequireQualifiedAccess>]
module ViewPatch =

    /// A selector that names one element by id (`#count`), or None.
    let private idSelector (selector: string) =
        let isName (c: char) =
            Char.IsAsciiLetterOrDigit c || c = '-' || c = '_'

        if
            selector.Length > 1
            && selector[0] = '#'
            && Char.IsAsciiLetter selector[1]
            && Seq.forall isName (selector.Substring 1)
        then
            Some(selector.Substring 1)
        else
            None

    /// What the DOM holds once `added` is appended to `content`: texts on either side of the seam stay two nodes.
    let private append (tag: string) (content: ViewContent) (added: XmlNode list) =
        match content, ViewTree.contentOf tag added with
        | ViewContent.Children before, ViewContent.Children more -> ViewContent.Children(before @ more)
        | before, more -> ViewContent.Markup(ViewHtml.ofContent before + ViewHtml.ofContent more)

    /// Changes the first element (in document order) whose id is `id`; None when there is none.
    let internal changeById (id: string) (change: ViewNode -> ViewNode list) (nodes: ViewNode list) =
        let mutable found = false

        let rec visit (nodes: ViewNode list) =
            nodes
            |> List.collect (fun node ->
                match node with
                | ViewNode.Element(_, attributes, _) when not found && List.contains ("id", id) attributes ->
                    found <- true
                    change node
                | ViewNode.Element(tag, attributes, ViewContent.Children children) when not found ->
                    [ ViewNode.Element(tag, attributes, ViewContent.Children(visit children)) ]
                | ViewNode.Element(tag, attributes, ViewContent.Ignored(ViewContent.Children children)) when not found ->
                    // The DOM holds what the page's scripts own too; `querySelector` looks there as well.
                    [
                        ViewNode.Element(tag, attributes, ViewContent.Ignored(ViewContent.Children(visit children)))
                    ]
                | other -> [ other ])

        let result = visit nodes
        if found then Some result else None

    /// The tree after a hand-written patch, as the client applies it: `Swap` and `Delete` on an element of the tree
    /// named by id change it (and nothing else: the DOM does not merge texts across what a patch adds or removes);
    /// other patches, and ids the tree has no element for (the layout's), leave it as it is. ValueNone when a patch's
    /// selector is not a plain id: where it lands cannot be told without the DOM.
    let follow (nodes: ViewNode list) (patch: Patch) : ViewNode list voption =
        match patch with
        | Swap(selector, added, appending) ->
            match idSelector selector with
            | None -> ValueNone
            | Some id ->
                nodes
                |> changeById id (function
                    | ViewNode.Element(tag, attributes, content) ->
                        let patched content =
                            if appending then
                                append tag content added
                            else
                                ViewTree.contentOf tag added

                        // A patch into content the page's scripts own changes it; the view still leaves it alone.
                        let content =
                            match content with
                            | ViewContent.Ignored owned -> ViewContent.Ignored(patched owned)
                            | _ -> patched content

                        [ ViewNode.Element(tag, attributes, content) ]
                    | text -> [ text ])
                |> Option.defaultValue nodes
                |> ValueSome
        | Delete selector ->
            match idSelector selector with
            | None -> ValueNone
            | Some id -> nodes |> changeById id (fun _ -> []) |> Option.defaultValue nodes |> ValueSome
        | _ -> ValueSome nodes
