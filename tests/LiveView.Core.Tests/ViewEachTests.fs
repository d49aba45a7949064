module LiveView.Core.Tests.ViewEachTests

open System
open Expecto
open FsCheck
open FsCheck.FSharp
open Giraffe.ViewEngine
open LiveView
open LiveView.Core.Tests.Support
open LiveView.Views.Testing.DomModel

type private Item = ListItem

let private genItem = genListItem

/// A list of items, keys repeated at times (an item equal to another is shown twice).
let private genItems = Gen.listOf genItem

/// A render's lists: the first with distinct keys; the second shares the first's item view and element.
let private genRender =
    Gen.map2 (fun first second -> List.distinctBy _.Key first, second) genItems genItems

/// One edit of a list's items, the others kept (the same references): an item inserted, removed, moved or changed.
let private genEdit (items: Item list) =
    gen {
        let n = items.Length
        let! at = Gen.choose (0, max 0 (n - 1))
        let! into = Gen.choose (0, max 0 (n - 1))
        let! item = genItem
        let! kind = Gen.choose (0, 3)

        return
            match kind with
            | _ when n = 0 -> [ item ]
            | 0 -> List.insertAt into item items
            | 1 -> List.removeAt at items
            | 2 -> items |> List.removeAt at |> List.insertAt into items[at]
            | _ -> List.updateAt at { items[at] with Text = item.Text } items
    }

/// A few edits of `items` (none at times: the same list again).
let private genEdited (items: Item list) =
    gen {
        let! edits = Gen.choose (0, 3)
        let mutable next = Gen.constant items

        for _ in 1..edits do
            next <- Gen.bind genEdit next

        return! next
    }

/// Renders whose lists are each the last ones edited: the items kept are the same references, as a page's state
/// keeps them.
let private genEditedRenders =
    gen {
        let! first, second = genRender
        let! count = Gen.choose (1, 8)
        let mutable renders = Gen.constant [ first, second ]

        for _ in 1..count do
            renders <-
                renders
                |> Gen.bind (fun renders ->
                    let first, second = List.head renders

                    Gen.map2
                        (fun first second -> (List.distinctBy _.Key first, second) :: renders)
                        (genEdited first)
                        (genEdited second))

        return! renders |> Gen.map List.rev
    }

let private viewItem (item: Item) =
    li [ _id $"item-{item.Key}" ] [ str item.Text; Live.memo item.Key (fun key -> em [] [ str $"#{key}" ]) ]

/// A page showing a count and two lists of items (`each`: made `Live.each`, else written out), `rendered` told of
/// each item's render.
let private viewWith (each: bool) (rendered: Item -> unit) (first: Item list, second: Item list) =
    let viewItem item =
        rendered item
        viewItem item

    let list (items: Item list) =
        if each then
            ul [] [] |> Live.each _.Key viewItem items
        else
            ul [] (items |> List.map viewItem)

    section
        []
        [
            h1 [] [ str $"{first.Length} items" ]
            list first
            p [] [ str "and" ]
            list second
        ]

let private view = viewWith true ignore

/// The elements of the first list's items in a tree of `view`.
let private itemsIn (tree: ViewNode list) =
    match tree with
    | [ ViewNode.Element(_, _, ViewContent.Children(_ :: ViewNode.Element(_, _, ChildNodes items) :: _)) ] -> items
    | _ -> failwith "not the page"

// Protects Live.each: a list renders, as nodes, as a tree and after its diff, exactly what the items written out
// render, and an item the last render showed under its key is the same tree (not rendered, converted or walked again).
[<Tests>]
let tests =
    testList
        "View lists"
        [
            testPropertyWithConfig
                manyCases
                "renders of lists are the renders written out (as nodes too the first time), and their diffs apply"
            <| fun () ->
                Prop.forAll (Arb.fromGen (Gen.listOf genRender |> Gen.map (fun renders -> ([], []) :: renders)))
                <| fun renders ->
                    let memo = ViewMemo()

                    let trees =
                        renders
                        |> List.mapi (fun index lists ->
                            let struct (node, tree) = ViewTree.render memo (fun () -> view lists)
                            let plain = viewWith false ignore lists

                            // Later renders hold their lists' rows for the tree (ViewMemo.IsHeld).
                            (index > 0
                             || RenderView.AsString.htmlNode node = RenderView.AsString.htmlNode plain),
                            tree,
                            ViewTree.ofView [ plain ])

                    trees |> List.forall (fun (sameHtml, tree, plain) -> sameHtml && tree = plain)
                    && trees
                       |> List.pairwise
                       |> List.forall (fun ((_, before, _), (_, after, _)) ->
                           canonical (applyAll before (ViewDiff.between before after)) = canonical after)

            testPropertyWithConfig
                manyCases
                "renders of lists edited from the last (items kept, inserted, removed, moved, changed) are the renders written out, each kept item its tree from then"
            <| fun () ->
                Prop.forAll (Arb.fromGen genEditedRenders)
                <| fun renders ->
                    let renders =
                        List.zip renders (rendersOf view renders)
                        |> List.map (fun (lists, (_, tree)) -> lists, tree)

                    let plainEach =
                        renders
                        |> List.forall (fun (lists, tree) -> tree = ViewTree.ofView [ viewWith false ignore lists ])

                    let keptEach =
                        renders
                        |> List.pairwise
                        |> List.forall (fun ((before, oldTree), (after, tree)) ->
                            let olds = List.zip (fst before) (itemsIn oldTree)

                            canonical (applyAll oldTree (ViewDiff.between oldTree tree)) = canonical tree
                            && List.zip (fst after) (itemsIn tree)
                               |> List.forall (fun (item, row) ->
                                   match olds |> List.tryFind (fun (old, _) -> old.Key = item.Key) with
                                   | Some(old, oldRow) when old = item -> obj.ReferenceEquals(oldRow, row)
                                   | _ -> true))

                    plainEach && keptEach

            testPropertyWithConfig manyCases "an item the last render showed under its key is its tree from then"
            <| fun () ->
                Prop.forAll (Arb.fromGen (Gen.two genRender))
                <| fun (first, second) ->
                    let memo = ViewMemo()
                    let struct (_, before) = ViewTree.render memo (fun () -> view first)
                    let struct (_, after) = ViewTree.render memo (fun () -> view second)
                    let olds = List.zip (fst first) (itemsIn before)

                    List.zip (fst second) (itemsIn after)
                    |> List.forall (fun (item, tree) ->
                        match olds |> List.tryFind (fun (old, _) -> old.Key = item.Key) with
                        | Some(old, oldTree) when old = item -> obj.ReferenceEquals(oldTree, tree)
                        | _ -> true)

            testCase "an item is rendered again only when it changed, whatever moved around it"
            <| fun () ->
                let memo = ViewMemo()
                let renders = ResizeArray()

                let a, b, c =
                    { Key = 1; Text = "a" }, { Key = 2; Text = "b" }, { Key = 3; Text = "c" }

                for items in [ [ a; b; c ]; [ c; a; b ]; [ c; a ]; [ c; a; { b with Text = "B" } ]; [] ] do
                    ViewTree.render memo (fun () -> viewWith true renders.Add (items, [])) |> ignore

                Expect.equal (List.ofSeq renders) [ a; b; c; { b with Text = "B" } ] "b dropped, then changed"

            testCase
                "an item changed in place keeps the trees of what did not change in its row, which the diff passes by"
            <| fun () ->
                let memo = ViewMemo()
                let items = [ for key in 1..40 -> { Key = key; Text = "x" } ]
                let changed = items |> List.updateAt 34 { Key = 35; Text = "y" }
                let struct (_, before) = ViewTree.render memo (fun () -> view (items, []))
                let struct (_, after) = ViewTree.render memo (fun () -> view (changed, []))

                match (itemsIn before)[34], (itemsIn after)[34] with
                | ViewNode.Element(_, attributes, ChildNodes [ _; part ]),
                  ViewNode.Element(_, attributes', ChildNodes [ text; part' ]) ->
                    Expect.isTrue (obj.ReferenceEquals(attributes, attributes')) "the same attributes"
                    Expect.isTrue (obj.ReferenceEquals(part, part')) "the same part"
                    Expect.equal text (ViewNode.Text "y") "the new text"
                | row, row' -> failtest $"not rows of the list: {row}, {row'}"

                Expect.equal
                    (ViewDiff.between before after)
                    [ ViewChange.SetText([ 0; 1; 34; 0 ], "y") ]
                    "the text alone"

            testCase "a list that did not change is the last render's tree, and its diff is none"
            <| fun () ->
                let memo = ViewMemo()
                let items = [ for key in 1..50 -> { Key = key; Text = "x" } ]
                let struct (_, before) = ViewTree.render memo (fun () -> view (items, items))
                let struct (_, after) = ViewTree.render memo (fun () -> view (items, items))
                Expect.isTrue (obj.ReferenceEquals(itemsIn before, itemsIn after)) "the same children"
                Expect.isEmpty (ViewDiff.between before after) "no change"

            testCase "a list fills an empty element with elements, and says so otherwise"
            <| fun () ->
                let each container (view: int -> XmlNode) =
                    Live.each id view [ 1 ] container |> ignore

                for container in [ ul [] [ li [] [] ]; br []; str "text" ] do
                    Expect.throwsT<ArgumentException>
                        (fun () -> each container (fun _ -> li [] []))
                        "not an empty element"

                Expect.throwsT<ArgumentException> (fun () -> each (ul [] []) (fun n -> str (string n))) "a text item"

                // The message names the list's element.
                let says (problem: unit -> unit) =
                    try
                        problem ()
                        ""
                    with :? ArgumentException as ex ->
                        ex.Message

                Expect.stringContains
                    (says (fun () -> each (ul [ _id "people" ] [ li [] [] ]) (fun _ -> li [] [])))
                    "<ul id=\"people\"> has some"
                    "a list in an element with children"

                Expect.stringContains
                    (says (fun () -> each (ol [] []) (fun n -> str (string n))))
                    "the list in <ol>"
                    "a text item"

            testPropertyWithConfig
                manyCases
                "a list whose element gets attributes after it was filled, or that is not shown at times, is the list written out"
            <| fun () ->
                // C#'s `H.Tbody().Each(...).Class(...)`: a new element around the list's rows, which the tree finds.
                let marked (shown: bool) (each: bool) (first: Item list, second: Item list) =
                    let list (items: Item list) =
                        let row (item: Item) =
                            li [ _id $"item-{item.Key}" ] [ str item.Text ]

                        if each then
                            ul [] [] |> Live.each _.Key row items
                        else
                            ul [] (List.map row items)

                    let first = LiveView.CSharp.NodeExtensions.Class(list first, $"n{first.Length}")
                    let second = list second
                    section [] [ (if shown then first else p [] []); second ]

                Prop.forAll (Arb.fromGen (Gen.zip genEditedRenders (Gen.listOf (Gen.elements [ true; false ]))))
                <| fun (renders, shown) ->
                    let shownAt index =
                        shown |> List.tryItem index |> Option.defaultValue true

                    let states = renders |> List.mapi (fun index lists -> shownAt index, lists)

                    List.zip states (rendersOf (fun (shown, lists) -> marked shown true lists) states)
                    |> List.forall (fun ((shown, lists), (_, tree)) ->
                        tree = ViewTree.ofView [ marked shown false lists ])

            testPropertyWithConfig
                manyCases
                "lists in the rows of a list, shown or not at times, are the lists written out"
            <| fun () ->
                // Each item shows its text's letters as a list: the rows kept keep their lists' nodes, and make their
                // trees of them when the list was not shown before.
                let nested (each: bool) (shown: bool, (items: Item list, _: Item list)) =
                    let letters (item: Item) =
                        [ for c in item.Text -> string c ] |> List.distinct

                    let row (item: Item) =
                        let letter (c: string) = li [ _id $"c-{int c[0]}" ] [ str c ]

                        li
                            [ _id $"item-{item.Key}" ]
                            [
                                str item.Text
                                (if each then
                                     ol [] [] |> Live.each id letter (letters item)
                                 else
                                     ol [] (List.map letter (letters item)))
                            ]

                    let list =
                        if each then
                            ul [] [] |> Live.each _.Key row items
                        else
                            ul [] (List.map row items)

                    section [] [ (if shown then list else p [] []) ]

                Prop.forAll (Arb.fromGen (Gen.zip genEditedRenders (Gen.listOf (Gen.elements [ true; false ]))))
                <| fun (renders, shown) ->
                    let states =
                        renders
                        |> List.mapi (fun index lists ->
                            (shown |> List.tryItem index |> Option.defaultValue true), lists)

                    List.zip states (rendersOf (nested true) states)
                    |> List.forall (fun (state, (_, tree)) -> tree = ViewTree.ofView [ nested false state ])

            testCase "rows straight in a table get the tbody the HTML parser adds"
            <| fun () ->
                let memo = ViewMemo()

                let page (items: Item list) =
                    table [] []
                    |> Live.each _.Key (fun item -> tr [ _id $"row-{item.Key}" ] [ td [] [ str item.Text ] ]) items

                let items = [ { Key = 1; Text = "a" }; { Key = 2; Text = "b" } ]
                let struct (_, tree) = ViewTree.render memo (fun () -> page items)
                Expect.equal tree (ViewTree.ofView [ page items ]) "one tbody around the rows"

            testCase
                "a page whose rows are a list sends the changes of the same page written out, hand-written patches into its rows included"
            <| fun () ->
                let insert =
                    Handler.named "insert" (fun (names: string list) ctx ->
                        let i = int (ctx.Data "row")
                        Reply.state (names |> List.insertAt i $"new {i}"))

                // A patch written by hand into a row (the state unchanged), and one with the state's change.
                let mark =
                    Handler.named "mark" (fun (names: string list) ctx ->
                        let name = names[int (ctx.Data "row")]

                        Reply.state names
                        |> Reply.withPatches [ Patch.text $"#{name.Replace(' ', '-')}" "marked" ])

                let remove =
                    Handler.named "remove" (fun (names: string list) ctx ->
                        let i = int (ctx.Data "row")

                        Reply.state (List.removeAt i names)
                        |> Reply.withPatches [ Patch.append "#main" (p [] [ str "removed" ]) ])

                // A patch the runtime cannot follow (not an id): the view that changed with it is sent whole.
                let note =
                    Handler.named "note" (fun (names: string list) ctx ->
                        let i = int (ctx.Data "row")

                        Reply.state (List.updateAt i $"noted {i}" names)
                        |> Reply.withPatches [ Patch.text ".note" "noted" ])

                let pageOf (rows: string list -> XmlNode) =
                    Page.create "table" (fun _ -> [ for i in 1..30 -> $"name {i}" ]) (fun names ->
                        table [] [ rows names ])
                    |> Page.handle renameRow
                    |> Page.handle insert
                    |> Page.handle mark
                    |> Page.handle remove
                    |> Page.handle note

                let row (name: string) =
                    tr [ _id (name.Replace(' ', '-')) ] [ td [] [ str name ] ]

                let listed = pageOf (fun names -> tbody [] [] |> Live.each id row names)
                let plain = pageOf (fun names -> tbody [] (List.map row names))

                let framesOf (page: Page<string list>) =
                    framesFor
                        page
                        (List.map
                            tableAction
                            [
                                "rename", 3
                                "rename", 7
                                "mark", 7
                                "insert", 0
                                "rename", 8
                                "note", 5
                                "rename", 9
                                "mark", 12
                                "rename", 3
                                "insert", 31
                                "remove", 12
                                "rename", 29
                            ])

                Expect.equal (framesOf listed) (framesOf plain) "the same frames"
                Expect.equal (framesOf listed).Length 12 "a frame per update"

                // The view sent whole after the patch that could not be followed holds every row.
                let whole =
                    (framesOf listed)[5]
                    |> List.pick (function
                        | Swap("#main", [ node ], false) -> Some(RenderView.AsString.htmlNode node)
                        | _ -> None)

                Expect.equal (whole.Split("<tr").Length - 1) 31 "all the rows"
        ]
