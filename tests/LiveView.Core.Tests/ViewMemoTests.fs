module LiveView.Core.Tests.ViewMemoTests

open System.Globalization
open Expecto
open FsCheck
open FsCheck.FSharp
open Giraffe.ViewEngine
open LiveView
open LiveView.Core.Tests.Support
open LiveView.Views.Testing.DomModel

type private Item = ListItem

let private genItem = genListItem

/// A list of items with distinct keys, in any order.
let private genItems = Gen.listOf genItem |> Gen.map (List.distinctBy _.Key)

/// A page showing a count and its items, each a kept part; `rendered` is told of each item's render.
let private viewTelling (rendered: Item -> unit) (items: Item list) =
    let viewItem (item: Item) =
        rendered item
        li [ _id $"item-{item.Key}" ] [ str item.Text ]

    section
        []
        [
            h1 [] [ str $"{items.Length} items" ]
            ul [] (items |> List.map (fun item -> Live.memo item viewItem))
        ]

let private view = viewTelling ignore

/// The element of the item keyed `key` in a tree of `view`.
let private itemIn (tree: ViewNode list) (key: int) =
    match tree with
    | [ ViewNode.Element(_, _, ViewContent.Children [ _; ViewNode.Element(_, _, ViewContent.Children items) ]) ] ->
        items
        |> List.tryFind (fun node -> ViewTree.keyOf node = ValueSome $"item-{key}")
    | _ -> failwith "not the page"

// Protects Live.memo: a view with kept parts renders, as a tree and after its diff, exactly what it renders without
// them, and a part whose key is unchanged is the same tree (not rendered, converted or walked again).
[<Tests>]
let tests =
    testList
        "View memo"
        [
            testPropertyWithConfig
                manyCases
                "renders with kept parts are the renders without them, and their diffs apply"
            <| fun () ->
                Prop.forAll (Arb.fromGen (Gen.listOf genItems |> Gen.map (fun renders -> [] :: renders)))
                <| fun (states: Item list list) ->
                    let trees =
                        List.zip
                            (rendersOf view states |> List.map snd)
                            (states |> List.map (fun items -> ViewTree.ofView [ view items ]))

                    trees |> List.forall (fun (kept, plain) -> kept = plain)
                    && trees
                       |> List.pairwise
                       |> List.forall (fun ((before, _), (after, _)) ->
                           canonical (applyAll before (ViewDiff.between before after)) = canonical after)

            testPropertyWithConfig manyCases "an item whose key and text the last render had is its tree from then"
            <| fun () ->
                Prop.forAll (Arb.fromGen (Gen.two genItems))
                <| fun (first: Item list, second: Item list) ->
                    let memo = ViewMemo()
                    let struct (_, before) = ViewTree.render memo (fun () -> view first)
                    let struct (_, after) = ViewTree.render memo (fun () -> view second)

                    second
                    |> List.forall (fun item ->
                        match itemIn before item.Key, itemIn after item.Key with
                        | Some old, Some next when List.contains item first -> obj.ReferenceEquals(old, next)
                        | Some old, Some next -> not (obj.ReferenceEquals(old, next))
                        | _, Some _ -> true
                        | _, None -> false)

            testPropertyWithConfig
                manyCases
                "parts shown in another order than asked for, or asked for and not shown, are kept all the same"
            <| fun () ->
                Prop.forAll (Arb.fromGen (Gen.two genItems))
                <| fun (first: Item list, second: Item list) ->
                    let viewItem (item: Item) =
                        li [ _id $"item-{item.Key}" ] [ str item.Text ]

                    // The items asked for in order, shown from the last to the first, and one asked for but not shown.
                    let view (items: Item list) =
                        let parts = items |> List.map (fun item -> Live.memo item viewItem)
                        Live.memo { Key = 99; Text = "unused" } viewItem |> ignore
                        section [] [ h1 [] [ str "items" ]; ul [] (List.rev parts) ]

                    let memo = ViewMemo()
                    let struct (_, before) = ViewTree.render memo (fun () -> view first)
                    let struct (_, after) = ViewTree.render memo (fun () -> view second)

                    before = ViewTree.ofView [ view first ]
                    && after = ViewTree.ofView [ view second ]
                    && second
                       |> List.forall (fun item ->
                           match itemIn before item.Key, itemIn after item.Key with
                           | Some old, Some next when List.contains item first -> obj.ReferenceEquals(old, next)
                           | _, Some _ -> true
                           | _, None -> false)

            testCase "a part is rendered once while each render uses it, and again after a render without it"
            <| fun () ->
                let memo = ViewMemo()
                let a = { Key = 1; Text = "a" }
                let b = { Key = 2; Text = "b" }
                let renders = ResizeArray()

                for items in [ [ a; b ]; [ b; a ]; [ a ]; [ a; b ] ] do
                    ViewTree.render memo (fun () -> viewTelling renders.Add items) |> ignore

                Expect.equal (List.ofSeq renders) [ a; b; b ] "b was dropped when a render did not show it"

            testCase "two parts with one key are told apart by what renders them"
            <| fun () ->
                let memo = ViewMemo()

                let page () =
                    div
                        []
                        [
                            Live.memo 1 (fun n -> p [] [ str $"p{n}" ])
                            Live.memo 1 (fun n -> em [] [ str $"em{n}" ])
                        ]

                ViewTree.render memo page |> ignore
                let struct (_, tree) = ViewTree.render memo page
                Expect.equal tree (ViewTree.ofView [ page () ]) "each part its own"

            testCase "a change of culture renders every part again"
            <| fun () ->
                let memo = ViewMemo()

                let page () =
                    div [] [ Live.memo 1.5 (fun n -> p [] [ str (n.ToString()) ]) ]

                let before = CultureInfo.CurrentCulture

                try
                    CultureInfo.CurrentCulture <- CultureInfo "en-US"
                    ViewTree.render memo page |> ignore
                    CultureInfo.CurrentCulture <- CultureInfo "es-ES"
                    let struct (_, tree) = ViewTree.render memo page
                    Expect.equal (ViewHtml.ofNodes tree) "<div><p>1,5</p></div>" "formatted in Spanish"
                finally
                    CultureInfo.CurrentCulture <- before

            testCase "a part that throws is not kept, and the next render renders it"
            <| fun () ->
                let memo = ViewMemo()
                let mutable fail = true

                let page () =
                    div
                        []
                        [
                            Live.memo 1 (fun n ->
                                if fail then
                                    failwith "boom"

                                p [] [ str (string n) ])
                        ]

                Expect.throws (fun () -> ViewTree.render memo page |> ignore) "the part throws"
                fail <- false
                let struct (_, tree) = ViewTree.render memo page
                Expect.equal (ViewHtml.ofNodes tree) "<div><p>1</p></div>" "rendered"

            testCase "outside a page's render a part is rendered each time"
            <| fun () ->
                let renders = ResizeArray()
                let item = { Key = 1; Text = "a" }
                viewTelling renders.Add [ item ] |> ignore
                viewTelling renders.Add [ item ] |> ignore
                Expect.equal renders.Count 2 "no memo runs"

            testCase "a page whose rows are kept parts sends the changes of the same page without them"
            <| fun () ->
                let pageOf (row: string -> XmlNode) =
                    Page.create "table" (fun _ -> [ for i in 1..30 -> $"name {i}" ]) (fun names ->
                        table [] [ for name in names -> row name ])
                    |> Page.handle renameRow

                let row (name: string) = tr [ _id name ] [ td [] [ str name ] ]
                let kept = pageOf (fun name -> Live.memo name row)
                let plain = pageOf row

                let framesOf (page: Page<string list>) =
                    framesFor page [ for row in [ 3; 7; 3; 29; 0 ] -> tableAction ("rename", row) ]

                Expect.equal (framesOf kept) (framesOf plain) "the same frames"
                Expect.isNonEmpty (framesOf kept) "frames sent"
        ]
