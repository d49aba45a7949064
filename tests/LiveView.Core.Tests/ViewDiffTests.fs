module LiveView.Core.Tests.ViewDiffTests

open Expecto
open FsCheck
open FsCheck.FSharp
open Giraffe.ViewEngine
open LiveView
open LiveView.Core.Tests.DomModel

/// Text with the characters markup cares about, and the empty string.
let private genWords =
    Gen.elements [ "a"; "b"; "<i>"; "x & y"; "&amp;"; " "; ""; "\"q\" 'r'"; "é ✓"; "1 < 2 > 0" ]

let private genText =
    Gen.frequency
        [
            8, Gen.map str genWords
            1, Gen.map rawText (Gen.elements [ "<b>bold</b>"; "plain"; "<i>x</i>y"; "&lt;" ])
        ]

let private genAttribute =
    Gen.oneof
        [
            Gen.map2 attr (Gen.elements [ "class"; "title"; "data-x"; "Title"; "value" ]) genWords
            Gen.map flag (Gen.elements [ "hidden"; "disabled" ])
        ]

let private genAttributes = Gen.resize 3 (Gen.listOf genAttribute)

let private keys = [ for i in 1..8 -> $"k{i}" ]

/// A random view: elements, void elements, texts (some raw markup), tables of rows, and keyed lists (`data-key`,
/// or `id`; a duplicated key now and then).
let rec private genTree (size: int) : Gen<XmlNode> =
    if size <= 1 then
        Gen.frequency
            [
                3, genText
                1, Gen.map2 voidTag (Gen.elements [ "br"; "input"; "img" ]) genAttributes
            ]
    else
        let child = genTree (size / 3)

        Gen.frequency
            [
                4,
                Gen.map3
                    tag
                    (Gen.elements [ "div"; "span"; "p"; "section"; "b" ])
                    genAttributes
                    (Gen.resize 4 (Gen.listOf child))
                2, genKeyedList child
                1,
                Gen.map
                    (fun rows -> table [] [ for cells in rows -> tr [] [ for cell in cells -> td [] [ cell ] ] ])
                    (Gen.resize 3 (Gen.listOf (Gen.resize 3 (Gen.listOf child))))
            ]

/// A list whose items carry keys: mostly distinct, sometimes one twice.
and private genKeyedList (child: Gen<XmlNode>) =
    gen {
        let! chosen = Gen.subListOf keys
        let! order = Gen.shuffle chosen

        let! twice =
            Gen.frequency [ 6, Gen.constant []; 1, Gen.elements keys |> Gen.map List.singleton ]

        let! byId = Gen.elements [ true; false ]

        let! items =
            [
                for key in List.ofArray order @ twice -> Gen.map (fun c -> key, c) (Gen.resize 2 (Gen.listOf child))
            ]
            |> Gen.collectToList id

        return
            ul
                []
                [
                    for key, content in items -> li [ (if byId then _id key else attr "data-key" key) ] content
                ]
    }

/// Edits a view at random: texts and attributes changed, list items inserted, removed and moved, the rest kept.
let rec private genEdit (node: XmlNode) : Gen<XmlNode> =
    match node with
    | ParentNode((name, attributes), children) ->
        gen {
            let! attributes =
                Gen.frequency [ 4, Gen.constant (List.ofArray attributes); 1, genAttributes ]

            let! children = Gen.collectToList genEdit children

            let! children =
                Gen.frequency
                    [
                        4, Gen.constant children
                        1, Gen.shuffle children |> Gen.map List.ofArray
                        1, Gen.subListOf children
                        1, Gen.map2 (fun c extra -> c @ [ extra ]) (Gen.constant children) (genTree 4)
                        1, Gen.map2 (fun c extra -> extra :: c) (Gen.constant children) (genTree 4)
                    ]

            return tag name attributes children
        }
    | XmlNode.Text _ -> Gen.frequency [ 4, Gen.constant node; 1, genText ]
    | VoidElement _ -> Gen.frequency [ 4, Gen.constant node; 1, genTree 1 ]

/// A pair of views: unrelated, or the second an edit of the first.
let private genPair =
    gen {
        let! before = Gen.resize 3 (Gen.listOf (genTree 27))
        let! related = Gen.frequency [ 3, Gen.constant true; 1, Gen.constant false ]

        let! after =
            if related then
                Gen.collectToList genEdit before
            else
                Gen.resize 3 (Gen.listOf (genTree 27))

        return ViewTree.ofView before, ViewTree.ofView after
    }

let private manyCases =
    { FsCheckConfig.defaultConfig with
        maxTest = 10_000
    }

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
                let applied = canonical (applyAll before changes)

                if applied <> canonical after then
                    failtestf "applying %A to %A gave %A, not %A" changes before applied after)

            testPropertyWithConfig { manyCases with maxTest = 1_000 } "a view diffed against itself changes nothing"
            <| Prop.forAll (Arb.fromGen genPair) (fun (before, _) ->
                Expect.isEmpty (ViewDiff.between before before) "no change")

            testCase "one changed row of 300 is one text change"
            <| fun () ->
                Expect.equal
                    (ViewDiff.between (rows 300 None) (rows 300 (Some 150)))
                    [ ViewChange.SetText([ 0; 0; 149; 1; 0 ], "changed") ]
                    "table > tbody > row 150 > second cell > its text"

            testCase "a keyed item removed, inserted or brought forward is one change"
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
