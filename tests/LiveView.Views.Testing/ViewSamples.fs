/// Random views for the view tests: the core's properties and the browser's run the same generators.
module LiveView.Views.Testing.ViewSamples

open FsCheck
open FsCheck.FSharp
open Giraffe.ViewEngine
open LiveView

/// Text with the characters markup cares about, and the empty string.
let genWords =
    Gen.elements [ "a"; "b"; "<i>"; "x & y"; "&amp;"; " "; ""; "\"q\" 'r'"; "é ✓"; "1 < 2 > 0" ]

let genText =
    Gen.frequency
        [
            8, Gen.map str genWords
            1, Gen.map rawText (Gen.elements [ "<b>bold</b>"; "plain"; "<i>x</i>y"; "&lt;" ])
        ]

let genAttribute =
    Gen.oneof
        [
            Gen.map2 attr (Gen.elements [ "class"; "title"; "data-x"; "Title"; "value" ]) genWords
            Gen.map flag (Gen.elements [ "hidden"; "disabled"; "hidden"; "disabled"; ViewTree.IgnoreAttribute ])
        ]

let genAttributes = Gen.resize 3 (Gen.listOf genAttribute)

let keys = [ for i in 1..8 -> $"k{i}" ]

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
                // Elements the HTML parser lets hold anything (a `p` is closed by the first block inside it).
                Gen.map3
                    tag
                    (Gen.elements [ "div"; "span"; "section"; "b"; "em" ])
                    genAttributes
                    (Gen.resize 4 (Gen.listOf child))
                2, genKeyedList child
                1,
                Gen.map
                    (fun rows -> table [] [ for cells in rows -> tr [] [ for cell in cells -> td [] [ cell ] ] ])
                    (Gen.resize 3 (Gen.listOf (Gen.resize 3 (Gen.listOf child))))
            ]

/// A list whose items carry keys: mostly distinct, sometimes one twice.
and genKeyedList (child: Gen<XmlNode>) =
    gen {
        let! chosen = Gen.subListOf keys
        let! order = Gen.shuffle chosen

        let! twice =
            Gen.frequency [ 6, Gen.constant []; 1, Gen.elements keys |> Gen.map List.singleton ]

        let! byId = Gen.elements [ true; false ]

        let! items =
            [
                for key in List.ofArray order @ twice ->
                    Gen.map (fun c -> key, c) (Gen.resize 2 (Gen.listOf (Gen.frequency [ 2, child; 1, genText ])))
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

            // Tables and rows get rows and cells only: anything else the HTML parser moves out of the table.
            let extra =
                match name with
                | "table" -> Gen.constant (tr [] [ td [] [ str "new" ] ])
                | "tr" -> Gen.constant (td [] [ str "new" ])
                | _ -> genTree 4

            let! children =
                Gen.frequency
                    [
                        4, Gen.constant children
                        1, Gen.shuffle children |> Gen.map List.ofArray
                        1, Gen.subListOf children
                        1, Gen.map2 (fun c extra -> c @ [ extra ]) (Gen.constant children) extra
                        1, Gen.map2 (fun c extra -> extra :: c) (Gen.constant children) extra
                    ]

            return tag name attributes children
        }
    | XmlNode.Text _ -> Gen.frequency [ 4, Gen.constant node; 1, genText ]
    | VoidElement _ -> Gen.frequency [ 4, Gen.constant node; 1, genTree 1 ]

/// A pair of views (the children of the element a page is shown in): unrelated, or the second an edit of the first.
let genViews =
    gen {
        let! before = Gen.resize 3 (Gen.listOf (genTree 27))
        let! related = Gen.frequency [ 3, Gen.constant true; 1, Gen.constant false ]

        let! after =
            if related then
                Gen.collectToList genEdit before
            else
                Gen.resize 3 (Gen.listOf (genTree 27))

        return before, after
    }

/// A pair of view trees, as `genViews`.
let genPair =
    genViews
    |> Gen.map (fun (before, after) -> ViewTree.ofView before, ViewTree.ofView after)

/// `count` pairs of views from seed `seed` (for the browser tests: the same pairs on every run).
let pairs (count: int) (seed: uint64) : (XmlNode list * XmlNode list) array =
    Gen.sampleWithSeed (Rnd seed) 30 count genViews

/// A view and a hand-written patch on it: content replaced or appended, or an element removed, by id (some of the
/// ids the view has, some it has not).
let genPatched =
    gen {
        let! view = Gen.resize 3 (Gen.listOf (genTree 27))

        // A list whose items end with text, so that appends put text beside text (two nodes in the DOM).
        let! ending = Gen.elements [ "a"; "x & y"; "é ✓" ]
        let! chosen = Gen.subListOf keys

        let! items =
            [
                for key in chosen -> Gen.map (fun c -> key, c) (Gen.resize 2 (Gen.listOf (genTree 3)))
            ]
            |> Gen.collectToList id

        let view =
            view
            @ [
                ul [] [ for key, content in items -> li [ _id key ] (content @ [ str ending ]) ]
            ]

        let! id = Gen.elements ("nowhere" :: keys)
        let! added = Gen.resize 3 (Gen.listOf (Gen.frequency [ 2, genTree 9; 1, genText ]))

        let! patch =
            Gen.elements [ Swap("#" + id, added, false); Swap("#" + id, added, true); Delete("#" + id) ]

        return view, patch
    }

/// `count` views with a patch each, from seed `seed`.
let patched (count: int) (seed: uint64) : (XmlNode list * Patch) array =
    Gen.sampleWithSeed (Rnd seed) 30 count genPatched
