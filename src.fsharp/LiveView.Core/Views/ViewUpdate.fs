namespace LiveView

open Giraffe.ViewEngine

/// How the runtime keeps its copy of what the client shows of a page's view, and what it sends when the view
/// changes. The view drives: what it changes is sent. Hand-written patches are followed on the copy and stand until
/// the view changes what they changed.
[<RequireQualifiedAccess; CompilationRepresentation(CompilationRepresentationFlags.ModuleSuffix)>]
module ViewUpdate =

    /// Nodes that stand for each other in the same place: texts, or elements of the same tag and key.
    let private matches (a: ViewNode) (b: ViewNode) =
        obj.ReferenceEquals(a, b)
        || match a, b with
           | ViewNode.Text _, ViewNode.Text _ -> true
           | ViewNode.Element(tag, _, _), ViewNode.Element(tag', _, _) ->
               tag = tag' && ViewTree.keyOf a = ViewTree.keyOf b
           | _ -> false

    /// What the client should show, given what it shows (`shown`) and the view's change from `before` to `after`:
    /// where the view did not change, what is shown stands (hand-written patches included); where what is shown is
    /// still the old view, the new view; where both changed, element by element, the view's change wins.
    /// What is shown is the last render with patches followed on it: it shares every subtree no patch went into, so
    /// those are told apart by reference, and only the paths down to the patches are walked.
    let rec merge (shown: ViewNode list) (before: ViewNode list) (after: ViewNode list) : ViewNode list =
        if obj.ReferenceEquals(shown, before) then
            after
        elif
            shown.Length = before.Length
            && before.Length = after.Length
            && List.forall2 matches shown before
            && List.forall2 matches before after
        then
            List.map3 node shown before after
        elif ViewNode.SameNodes(before, after) then
            shown
        else
            after

    and private node (shown: ViewNode) (before: ViewNode) (after: ViewNode) =
        if obj.ReferenceEquals(shown, before) then
            after
        else
            match shown, before, after with
            | ViewNode.Element(tag, attributes, content),
              ViewNode.Element(_, attributes', content'),
              ViewNode.Element(_, attributes'', content'') ->
                let attributes =
                    if ViewNode.SameAttributes(attributes', attributes'') then
                        attributes
                    else
                        attributes''

                let content =
                    match content, content', content'' with
                    | ChildNodes shown, ChildNodes before, ChildNodes after ->
                        ViewContent.Children(merge shown before after)
                    | ViewContent.Ignored _, _, ViewContent.Ignored _ -> content
                    | _ when ViewContent.Same(content', content'') -> content
                    | _ -> content''

                ViewNode.Element(tag, attributes, content)
            | ViewNode.Text _, ViewNode.Text text, ViewNode.Text text' when text = text' -> shown
            | _ -> after

    let rec private follow (shown: ViewNode list) (patches: Patch list) =
        match patches with
        | [] -> ValueSome shown
        | patch :: rest ->
            match ViewPatch.follow shown patch with
            | ValueSome followed -> follow followed rest
            | ValueNone -> ValueNone

    /// `patches`, then `changes` (from `before` to `after`).
    let private withChanges (patches: Patch list) before after changes =
        patches
        @ [
            Changes
                {
                    Before = before
                    After = after
                    Changes = changes
                }
        ]

    /// After a fold: `before` is the view's last render and `shown` what the client shows of it (ValueNone: not
    /// known, a hand-written patch went where it cannot be followed); `patches` are the fold's hand-written patches
    /// (sent first), `next` the tree of the new state's view. Returns the render to keep, what the client shows once
    /// the patches are sent, and the patches: `patches`, then the changes that bring what is shown in line with the
    /// view's (`merge`), if any. When what is shown is not known, a changed view is sent whole into `#main`.
    let after (before: ViewNode list) (shown: ViewNode list voption) (patches: Patch list) (next: ViewNode list) =
        let followed =
            match shown with
            | ValueSome shown -> follow shown patches
            | ValueNone -> ValueNone

        match followed with
        | ValueSome shown when obj.ReferenceEquals(shown, before) ->
            // What is shown is the last render (no hand-written patch changed it): the diff alone tells whether the
            // view changed, without walking the trees to compare them first.
            match ViewDiff.compare before next with
            | struct (_, true) -> struct (before, followed, patches)
            | struct ([], false) -> struct (next, ValueSome next, patches)
            | struct (changes, false) -> struct (next, ValueSome next, withChanges patches before next changes)
        | _ when ViewNode.SameNodes(before, next) -> struct (before, followed, patches)
        | ValueNone ->
            // The HTML of the tree: a list's element in a render made from the last one holds its rows for the tree
            // alone (`ViewMemo.ListOf`).
            let whole = HtmlElements.rawText (ViewHtml.ofNodes next)
            struct (next, ValueSome next, patches @ [ Swap(Protocol.MainSelector, [ whole ], false) ])
        | ValueSome shown ->
            // Where the patches showed what the view renders, what is shown is the view's own tree again (shared
            // with it, so that later merges and diffs pass it by).
            let target =
                match merge shown before next with
                | target when ViewNode.SameNodes(target, next) -> next
                | target -> target

            match ViewDiff.between shown target with
            | [] -> struct (next, ValueSome target, patches)
            | changes -> struct (next, ValueSome target, withChanges patches shown target changes)
