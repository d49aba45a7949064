module LiveView.Core.Tests.ViewDiffTests

open Expecto
open FsCheck
open FsCheck.FSharp
open Giraffe.ViewEngine
open LiveView
open LiveView.Core.Tests.Support
open LiveView.Views.Testing.DomModel
open LiveView.Views.Testing.ViewSamples

let private rows count (changed: int option) =
    [
        table
            []
            [
                for i in 1..count ->
                    tr
                        [ _id $"row-{i}" ]
                        [
                            td [] [ str (string i) ]
                            td [] [ str (if Some i = changed then "changed" else $"name {i}") ]
                        ]
            ]
    ]
    |> ViewTree.ofView

[<Tests>]
let tests =
    testList
        "View diffs"
        [
            testPropertyWithConfig manyCases "applying the diff of old to new in a model of the DOM gives new"
            <| Prop.forAll (Arb.fromGen genPair) (fun (before, after) ->
                let changes = ViewDiff.between before after
                let applied = applyAll before changes

                if written applied <> written after then
                    failtestf "applying %A to %A gave %A, not %A" changes before applied after)

            testPropertyWithConfig manyCases "the v1 frames of old to new turn old into new in a model of the DOM"
            <| Prop.forAll (Arb.fromGen genPair) (fun (before, after) ->
                let covers = ViewCover.between before after
                let applied = List.fold applyCover before covers

                if written applied <> written after then
                    failtestf "applying %A to %A gave %A, not %A" covers before applied after)

            testCase "a v1 frame is the smallest element with an id around the change"
            <| fun () ->
                let view (text: string) (count: int) =
                    ViewTree.ofView
                        [
                            div
                                [ _id "page" ]
                                [
                                    h1 [] [ str "Todo" ]
                                    section [ _id "list" ] [ ul [] [ li [] [ str text ] ] ]
                                    p [ _id "left" ] [ str $"{count} left" ]
                                ]
                        ]

                let item text =
                    ViewNode.Element("li", [], ViewContent.Children [ ViewNode.Text text ])

                Expect.equal
                    (ViewCover.between (view "a" 1) (view "b" 1))
                    [
                        ViewCover.Element(
                            "list",
                            ViewContent.Children [ ViewNode.Element("ul", [], ViewContent.Children [ item "b" ]) ]
                        )
                    ]
                    "the list"

                let ids =
                    ViewCover.between (view "a" 1) (view "b" 2)
                    |> List.map (function
                        | ViewCover.Element(id, _) -> id
                        | ViewCover.Container _ -> "(container)")

                Expect.equal ids [ "list"; "left" ] "the list and the counter, not the page"

            testPropertyWithConfig { manyCases with maxTest = 1_000 } "a view diffed against itself changes nothing"
            <| Prop.forAll (Arb.fromGen genPair) (fun (before, _) ->
                Expect.isEmpty (ViewDiff.between before before) "no change"
                Expect.isEmpty (ViewCover.between before before) "no v1 frame")

            testCase "hand-written patches are followed by id; other selectors cannot be, commands change nothing"
            <| fun () ->
                let page = ViewTree.ofView [ div [ _id "page" ] [ p [ _id "n" ] [ str "1" ] ] ]

                Expect.equal
                    (ViewPatch.follow page (Patch.Html("#n", "2")))
                    (ValueSome(ViewTree.ofView [ div [ _id "page" ] [ p [ _id "n" ] [ str "2" ] ] ]))
                    "content replaced"

                Expect.equal
                    (ViewPatch.follow page (Patch.Append("#n", str "2")))
                    (ValueSome
                        [
                            ViewNode.Element(
                                "div",
                                [ "id", "page" ],
                                ViewContent.Children
                                    [
                                        ViewNode.Element(
                                            "p",
                                            [ "id", "n" ],
                                            ViewContent.Children [ ViewNode.Text "1"; ViewNode.Text "2" ]
                                        )
                                    ]
                            )
                        ])
                    "appended text is a node of its own"

                Expect.equal
                    (ViewPatch.follow page (Patch.Remove "#n"))
                    (ValueSome(ViewTree.ofView [ div [ _id "page" ] [] ]))
                    "removed"

                Expect.equal
                    (ViewPatch.follow page (Patch.Html("#notifications", "x")))
                    (ValueSome page)
                    "not in the page"

                Expect.equal (ViewPatch.follow page (Patch.Html(".n", "x"))) ValueNone "not an id"
                Expect.equal (ViewPatch.follow page (Patch.Html("#page p", "x"))) ValueNone "not only an id"
                Expect.equal (ViewPatch.follow page (Patch.Title "t")) (ValueSome page) "a command"

            testCase "an ignored element's content is never changed by the view, its attributes are"
            <| fun () ->
                let view (text: string) (zoom: string) =
                    ViewTree.ofView
                        [
                            div [ _id "map"; flag ViewTree.IgnoreAttribute; attr "data-zoom" zoom ] [ str text ]
                        ]

                Expect.isEmpty (ViewDiff.between (view "a" "1") (view "b" "1")) "content left alone"

                Expect.equal
                    (ViewDiff.between (view "a" "1") (view "b" "2"))
                    [ ViewChange.SetAttribute([ 0 ], "data-zoom", "2") ]
                    "attributes followed"

                Expect.isEmpty (ViewCover.between (view "a" "1") (view "b" "1")) "no v1 frame either"

                Expect.equal
                    (ViewHtml.ofNodes (view "a" "1"))
                    "<div id=\"map\" data-liveview-ignore=\"\" data-zoom=\"1\">a</div>"
                    "shown with its first content"

            testCase "a v1 frame never redraws a stream: its items are the client's alone"
            <| fun () ->
                let view (newest: string) (here: string) =
                    ViewTree.ofView
                        [
                            section
                                []
                                [
                                    ol [ _id "lines"; flag ViewTree.StreamAttribute; attr "data-newest" newest ] []
                                    ul [ _id "present" ] [ li [] [ str here ] ]
                                ]
                        ]

                // The server has no copy of the items: redrawing the list's parent would empty it. A v1 client cannot
                // set an attribute, so it keeps the old one and its items.
                Expect.isEmpty (ViewCover.between (view "1" "ada") (view "2" "ada")) "no v1 frame"

                Expect.equal
                    (ViewCover.between (view "1" "ada") (view "2" "bob")
                     |> List.map (function
                         | ViewCover.Element(id, _) -> id
                         | ViewCover.Container _ -> "(container)"))
                    [ "present" ]
                    "only what changed beside it"

                let renamed =
                    ViewTree.ofView [ section [] [ ol [ _id "other"; flag ViewTree.StreamAttribute ] [] ] ]

                Expect.equal
                    (ViewCover.between (view "1" "ada") renamed)
                    [ ViewCover.Container renamed ]
                    "another stream in its place is drawn"

            testCase "one changed row of 300 is one text change"
            <| fun () ->
                Expect.equal
                    (ViewDiff.between (rows 300 None) (rows 300 (Some 150)))
                    [ ViewChange.SetText([ 0; 0; 149; 1; 0 ], "changed") ]
                    "table > tbody > row 150 > second cell > its text"

            testCase "a keyed item removed, inserted or moved is one change"
            <| fun () ->
                let list (items: string list) =
                    ViewTree.ofView [ ul [] [ for key in items -> li [ _id key ] [ str key ] ] ]

                let before = list [ "a"; "b"; "c"; "d" ]

                Expect.equal (ViewDiff.between before (list [ "a"; "c"; "d" ])) [ ViewChange.Remove [ 0; 1 ] ] "removed"

                Expect.equal
                    (ViewDiff.between before (list [ "z"; "a"; "b"; "c"; "d" ]))
                    [
                        ViewChange.Insert(
                            [ 0 ],
                            0,
                            ViewNode.Element("li", [ "id", "z" ], ViewContent.Children [ ViewNode.Text "z" ])
                        )
                    ]
                    "inserted"

                Expect.equal
                    (ViewDiff.between before (list [ "d"; "a"; "b"; "c" ]))
                    [ ViewChange.Move([ 0 ], 3, 0) ]
                    "moved to the front"

                Expect.equal
                    (ViewDiff.between before (list [ "b"; "c"; "d"; "a" ]))
                    [ ViewChange.Move([ 0 ], 0, 3) ]
                    "moved to the end"

                Expect.equal
                    (ViewDiff.between before (list [ "d"; "c"; "b"; "a" ]) |> List.length)
                    3
                    "reversed: three moves for four items"

            testCase
                "the tree is the DOM's: texts merged and decoded, empty ones gone, rows in a tbody, markup kept whole"
            <| fun () ->
                Expect.equal
                    (ViewTree.ofView [ p [] [ str "a < b"; str ""; str " & c" ] ])
                    [
                        ViewNode.Element("p", [], ViewContent.Children [ ViewNode.Text "a < b & c" ])
                    ]
                    "one decoded text"

                Expect.equal
                    (ViewTree.ofView [ table [] [ tr [] []; tr [] [] ] ])
                    [
                        ViewNode.Element(
                            "table",
                            [],
                            ViewContent.Children
                                [
                                    ViewNode.Element(
                                        "tbody",
                                        [],
                                        ViewContent.Children
                                            [
                                                ViewNode.Element("tr", [], ViewContent.Children [])
                                                ViewNode.Element("tr", [], ViewContent.Children [])
                                            ]
                                    )
                                ]
                        )
                    ]
                    "rows in a tbody"

                Expect.equal
                    (ViewTree.ofView
                        [
                            div
                                [ attr "Title" "x & y"; attr "title" "second"; flag "hidden" ]
                                [ rawText "<b>b</b>"; str "c" ]
                        ])
                    [
                        ViewNode.Element("div", [ "title", "x & y"; "hidden", "" ], ViewContent.Markup "<b>b</b>c")
                    ]
                    "attributes as the DOM has them; markup whole"
        ]
