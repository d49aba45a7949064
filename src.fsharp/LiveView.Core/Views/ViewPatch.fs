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
        | ChildNodes before, ChildNodes more -> ViewContent.Children(before @ more)
        | before, more -> ViewContent.Markup(ViewHtml.ofContent before + ViewHtml.ofContent more)

    /// True when `attributes` have `id` as their id.
    let rec private hasId (id: string) (attributes: (string * string) list) =
        match attributes with
        | [] -> false
        | (name, value) :: rest -> (String.Equals(name, "id") && String.Equals(value, id)) || hasId id rest

    /// Changes the first element (in document order) whose id is `id`; None when there is none. Everything off the
    /// path down to it is kept as it was (the same references: the merge and the diff pass it by).
    let internal changeById (id: string) (change: ViewNode -> ViewNode list) (nodes: ViewNode list) =
        let rec inNode (node: ViewNode) : ViewNode list voption =
            match node with
            | ViewNode.Element(_, attributes, _) when hasId id attributes -> ValueSome(change node)
            | ViewNode.Element(tag, attributes, ChildNodes children) ->
                inNodes children
                |> ValueOption.map (fun children ->
                    [ ViewNode.Element(tag, attributes, ViewContent.Children children) ])
            | ViewNode.Element(tag, attributes, ViewContent.Ignored(ChildNodes children)) ->
                // The DOM holds what the page's scripts own too; `querySelector` looks there as well.
                inNodes children
                |> ValueOption.map (fun children ->
                    [
                        ViewNode.Element(tag, attributes, ViewContent.Ignored(ViewContent.Children children))
                    ])
            | _ -> ValueNone

        and inNodes (nodes: ViewNode list) : ViewNode list voption =
            let rec find index (rest: ViewNode list) =
                match rest with
                | [] -> ValueNone
                | node :: after ->
                    match inNode node with
                    | ValueSome changed -> ValueSome(List.take index nodes @ changed @ after)
                    | ValueNone -> find (index + 1) after

            find 0 nodes

        inNodes nodes |> ValueOption.toOption

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
