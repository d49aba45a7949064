module LiveView.Core.Tests.ViewUpdateTests

open Expecto
open FsCheck
open FsCheck.FSharp
open Giraffe.ViewEngine
open LiveView
open LiveView.Core.Tests.Support
open LiveView.Views.Testing.DomModel
open LiveView.Views.Testing.ViewSamples

/// What a fold sends and keeps, for the last render `before` (a tree), what the client shows, `patches` sent by hand
/// and the new view `after`.
let private updateFrom (before: ViewNode list) (shown: ViewNode list voption) (patches: Patch list) (after: XmlNode) =
    let struct (kept, shown, sent) =
        ViewUpdate.after before shown patches (ViewTree.ofView [ after ])

    kept, shown, sent

/// As `updateFrom`, the last render the view `before`, which the client shows (as the runtime has it: one tree).
let private update (before: XmlNode) patches after =
    let tree = ViewTree.ofView [ before ]
    updateFrom tree (ValueSome tree) patches after

/// The tree of the last render of the runtime's live page.
let private viewOf (runtime: Runtime) = (Runtime.live runtime).Value.View

let private changesIn (patches: Patch list) =
    patches
    |> List.choose (function
        | Changes update -> Some update
        | _ -> None)

/// A page: a region a hand-written patch may go into, in a box whose title the view may change, and a counter.
let private pageWith (region: XmlNode list) (title: int) (count: int) =
    div
        []
        [
            div [ _title (string title) ] region
            output [ _id "n" ] [ str (string count) ]
        ]

/// The page's `after`, what the client shows having followed a patch on the page's `before`: the region's content from
/// `followed`, the rest from `after`.
let private regionInto (followed: ViewNode list) (after: ViewNode list) =
    match followed, after with
    | [ ViewNode.Element(_, _, ViewContent.Children [ ViewNode.Element(_, _, region); _ ]) ],
      [ ViewNode.Element(tag, attributes, ViewContent.Children [ ViewNode.Element(tag', attributes', _); counter ]) ] ->
        [
            ViewNode.Element(
                tag,
                attributes,
                ViewContent.Children [ ViewNode.Element(tag', attributes', region); counter ]
            )
        ]
    | _ -> failwith "not a page"

// Protects what the runtime sends after a fold: the view's changes, hand-written patches standing beside them, and a
// copy of what the client shows that stays in step.
[<Tests>]
let tests =
    testList
        "View updates"
        [
            testPropertyWithConfig manyCases "without hand-written patches, the client is brought to the new view"
            <| Prop.forAll (Arb.fromGen genViews) (fun (before, after) ->
                let before, after = div [] before, div [] after
                let tree = ViewTree.ofView [ before ]
                let kept, shown, sent = updateFrom tree (ValueSome tree) [] after
                let next = ViewTree.ofView [ after ]

                if kept <> next || shown <> ValueSome next then
                    failtestf "the copy is not the new view"

                // Content the page's scripts own is not compared.
                match changesIn sent, ViewDiff.between tree next = [] with
                | [], true -> ()
                | [ update ], false ->
                    if written (applyAll tree update.Changes) <> written next then
                        failtestf "the changes do not give the new view"
                | _, same -> failtestf "sent %A when the views are the same: %b" sent same)

            testPropertyWithConfig
                manyCases
                "the runtime keeps each render's tree, made from the last one's, and sends what brings the client to it"
            <| Prop.forAll (Arb.fromGen genViews) (fun (first, second) ->
                let views = [| first; second; first; first |]

                let page =
                    Page.create "views" (fun _ -> 0) (fun (i: int) -> div [] views[i])
                    |> Page.handle (Handler.named "next" (fun i _ -> Reply.state (i + 1)))

                let site, env, mounted = mountedAlone page

                let action = ClientAction.named "views->next"

                ((mounted, ViewTree.ofView [ div [] first ]), [ 1..3 ])
                ||> List.fold (fun (runtime, shown) i ->
                    let next, outputs = Runtime.step site (Input.Action(action, env)) runtime
                    let tree = viewOf next

                    if tree <> ViewTree.ofView [ div [] views[i] ] then
                        failtestf "render %d: the tree is not the view's" i

                    let sent =
                        outputs
                        |> List.collect (function
                            | Output.Frames(_, patches, _) -> changesIn patches
                            | _ -> [])

                    let applied =
                        (shown, sent) ||> List.fold (fun nodes update -> applyAll nodes update.Changes)

                    if written applied <> written tree then
                        failtestf "render %d: the changes sent do not give the new view" i

                    next, tree)
                |> ignore)

            testCase "what did not change in a render is the last render's tree (the same nodes)"
            <| fun () ->
                let page =
                    Page.create "counter" (fun _ -> 0) (fun (n: int) ->
                        section [] [ h1 [] [ str "Counter" ]; output [ _id "n" ] [ str (string n) ] ])
                    |> Page.handle (Handler.named "up" (fun n _ -> Reply.state (n + 1)))

                let site, env, mounted = mountedAlone page

                let next, _ =
                    Runtime.step site (Input.Action(ClientAction.named "counter->up", env)) mounted

                match viewOf mounted, viewOf next with
                | [ ViewNode.Element(_, _, ViewContent.Children [ title; _ ]) ],
                  [ ViewNode.Element(_, _, ViewContent.Children [ title'; count ]) ] ->
                    Expect.isTrue (obj.ReferenceEquals(title, title')) "the title is the last render's"
                    Expect.equal (ViewHtml.ofNode count) "<output id=\"n\">1</output>" "the count is the new one"
                | trees -> failtestf "not the page: %A" trees

            testPropertyWithConfig manyCases "a hand-written patch stands where the view did not change"
            <| Prop.forAll
                (Arb.fromGen (Gen.zip genPatched (Gen.elements [ true; false ])))
                (fun ((region, patch), box) ->
                    // The view changes the box around the region, or the counter beside it.
                    let before = pageWith region 0 0
                    let after = if box then pageWith region 1 0 else pageWith region 0 1
                    let tree = ViewTree.ofView [ before ]
                    let _, shown, sent = updateFrom tree (ValueSome tree) [ patch ] after
                    let followed = (ViewPatch.follow tree patch).Value
                    let expected = regionInto followed (ViewTree.ofView [ after ])

                    if shown <> ValueSome expected then
                        failtestf "the copy is %A, not %A" shown expected

                    match sent with
                    | [ sentPatch; Changes update ] when sentPatch = patch ->
                        if canonical (applyAll followed update.Changes) <> canonical expected then
                            failtestf "the changes do not give the copy"
                    | _ -> failtestf "sent %A" sent)

            testPropertyWithConfig manyCases "where the view changed what a hand-written patch changed, the view wins"
            <| Prop.forAll
                (Arb.fromGen (Gen.zip (Gen.resize 3 (Gen.listOf genText)) (Gen.elements [ false; true ])))
                (fun (added, appending) ->
                    let box (text: string) = div [ _id "box" ] [ str text ]
                    let before, after = pageWith [ box "a" ] 0 0, pageWith [ box "b" ] 0 0
                    let tree = ViewTree.ofView [ before ]

                    let _, shown, _ =
                        updateFrom tree (ValueSome tree) [ Swap("#box", added, appending) ] after

                    if shown <> ValueSome(ViewTree.ofView [ after ]) then
                        failtestf "the copy is %A" shown)

            testCase "a view that did not change sends nothing, whatever was patched by hand"
            <| fun () ->
                let page = pageWith [ div [ _id "log" ] [] ] 0 0
                let tree = ViewTree.ofView [ page ]
                let patch = Patch.Html("#log", "saved")
                let kept, shown, sent = updateFrom tree (ValueSome tree) [ patch ] page
                Expect.isTrue (obj.ReferenceEquals(kept, tree)) "the render kept is the last one"
                Expect.equal sent [ patch ] "only the hand-written patch"
                Expect.equal shown (ViewPatch.follow tree patch) "the copy follows the patch"

            testCase "after a patch that cannot be followed, a changed view is sent whole, an unchanged one not at all"
            <| fun () ->
                let page = pageWith [ div [ _class "log" ] [] ] 0 0
                let tree = ViewTree.ofView [ page ]
                let patch = Patch.Html(".log", "saved")
                let _, shown, sent = updateFrom tree (ValueSome tree) [ patch ] page
                Expect.equal (shown, sent) (ValueNone, [ patch ]) "nothing more, and the copy is not known"
                let next = pageWith [ div [ _class "log" ] [] ] 0 1
                let _, shown, sent = updateFrom tree ValueNone [] next
                Expect.equal shown (ValueSome(ViewTree.ofView [ next ])) "the copy is the view again"

                Expect.equal
                    sent
                    [
                        Swap("#main", [ rawText (ViewHtml.ofNodes (ViewTree.ofView [ next ])) ], false)
                    ]
                    "the view, whole"

            testCase "where both changed an element, what the view changed wins: its attributes, or its content"
            <| fun () ->
                let box (attributes: XmlAttribute list) (content: XmlNode list) =
                    div [] [ div (_id "box" :: attributes) content ]

                let shownAfter before patch after =
                    let _, shown, _ = update before [ patch ] after

                    shown |> ValueOption.map ViewHtml.ofNodes

                Expect.equal
                    (shownAfter
                        (box [] [ span [ _class "a" ] [ str "x" ] ])
                        (Patch.Html("#box", span [ _class "b" ] [ str "y" ]))
                        (box [] [ span [ _class "a" ] [ str "z" ] ]))
                    (ValueSome "<div><div id=\"box\"><span class=\"b\">z</span></div></div>")
                    "the patch's attributes stand, the view's text wins"

                Expect.equal
                    (shownAfter
                        (box [ _title "1" ] [ str "x" ])
                        (Patch.Html("#box", rawText "<i>markup</i>"))
                        (box [ _title "2" ] [ str "x" ]))
                    (ValueSome "<div><div id=\"box\" title=\"2\"><i>markup</i></div></div>")
                    "the patch's content stands, the view's title wins"

            testCase "where the view moved what a hand-written patch changed, the view wins"
            <| fun () ->
                let before = div [] [ div [ _id "box" ] [ str "a" ]; p [] [ str "b" ] ]
                let after = div [] [ p [] [ str "b" ]; div [ _id "box" ] [ str "a" ] ]

                let _, shown, _ = update before [ Patch.Html("#box", "x") ] after

                Expect.equal shown (ValueSome(ViewTree.ofView [ after ])) "the view, moved"

            testCase "a todo list re-rendered by the view keeps the counter beside it in step"
            <| fun () ->
                let todo (items: string list) =
                    div
                        []
                        [
                            ul [ _id "items" ] [ for item in items -> li [ attr "data-key" item ] [ str item ] ]
                            p [ _id "left" ] [ str $"{items.Length} left" ]
                        ]

                let _, _, sent = update (todo [ "a"; "b" ]) [] (todo [ "a"; "b"; "c" ])

                match changesIn sent with
                | [ update ] ->
                    Expect.equal
                        update.Changes
                        [
                            ViewChange.Insert(
                                [ 0; 0 ],
                                2,
                                ViewNode.Element("li", [ "data-key", "c" ], ViewContent.Children [ ViewNode.Text "c" ])
                            )
                            ViewChange.SetText([ 0; 1; 0 ], "3 left")
                        ]
                        "one item inserted, one text changed"
                | other -> failtestf "sent %A" other

            testCase
                "a patch is followed without copying what is off its path, and a patch the view agrees with is forgotten"
            <| fun () ->
                let rows names =
                    table
                        []
                        [
                            for i, name in List.indexed names -> tr [ _id $"r{i}" ] [ td [ _id $"n{i}" ] [ str name ] ]
                        ]

                let names = [ for i in 0..9 -> $"name {i}" ]
                let tree = ViewTree.ofView [ rows names ]
                let followed = (ViewPatch.follow tree (Patch.text "#n4" "four")).Value

                let rowsOf nodes =
                    match nodes with
                    | [ ViewNode.Element(_,
                                         _,
                                         ViewContent.Children [ ViewNode.Element(_, _, ViewContent.Children rows) ]) ] ->
                        rows
                    | _ -> failwith "not the table"

                List.zip (rowsOf tree) (rowsOf followed)
                |> List.iteri (fun i (row, row') ->
                    Expect.equal (obj.ReferenceEquals(row, row')) (i <> 4) $"row {i} kept as it was, unless patched")

                // The handler wrote by hand what the view renders: what is shown is the view's own tree again.
                let renamed = rows (names |> List.updateAt 4 "four")

                let kept, shown, sent =
                    updateFrom tree (ValueSome tree) [ Patch.text "#n4" "four" ] renamed

                Expect.equal sent [ Patch.text "#n4" "four" ] "the patch alone"
                Expect.isTrue (obj.ReferenceEquals(shown.Value, kept)) "what is shown is the last render"
        ]

let private items (keys: string list) =
    [
        for key in keys -> ViewNode.Element("li", [ "id", key ], ViewContent.Children [ ViewNode.Text key ])
    ]

let private insert key at limit =
    StreamOp.Insert(key, li [ _id key ] [ str key ], at, limit)

// Protects streams: what their items become, and that a live page keeps no copy of them.
[<Tests>]
let streamTests =
    testList
        "Streams"
        [
            testCase "inserts go where they are asked, replace the item of their key in place, and limits prune"
            <| fun () ->
                let apply keys op = ViewStream.apply (items keys) op
                Expect.equal (apply [ "a"; "b" ] (insert "c" -1 0)) (items [ "a"; "b"; "c" ]) "appended"
                Expect.equal (apply [ "a"; "b" ] (insert "c" 0 0)) (items [ "c"; "a"; "b" ]) "prepended"
                Expect.equal (apply [ "a"; "b" ] (insert "c" 1 0)) (items [ "a"; "c"; "b" ]) "at 1"
                Expect.equal (apply [ "a"; "b" ] (insert "c" 9 0)) (items [ "a"; "b"; "c" ]) "past the end"

                Expect.equal
                    (ViewStream.apply (items [ "a"; "b" ]) (StreamOp.Insert("a", li [ _id "a" ] [ str "new" ], -1, 0)))
                    (ViewTree.ofView [ li [ _id "a" ] [ str "new" ] ] @ items [ "b" ])
                    "replaced where it is"

                Expect.equal (apply [ "a"; "b"; "c" ] (insert "d" -1 -3)) (items [ "b"; "c"; "d" ]) "the last three"
                Expect.equal (apply [ "a"; "b"; "c" ] (insert "d" 0 3)) (items [ "d"; "a"; "b" ]) "the first three"
                Expect.equal (apply [ "a"; "b" ] (StreamOp.Delete "a")) (items [ "b" ]) "deleted"
                Expect.equal (apply [ "a"; "b" ] (StreamOp.Delete "z")) (items [ "a"; "b" ]) "nothing to delete"
                Expect.equal (apply [ "a"; "b" ] StreamOp.Reset) [] "reset"

            testCase "a first paint shows a stream's items; a live page's copy never holds them"
            <| fun () ->
                let page =
                    div [] [ ul [ _id "s"; flag ViewTree.StreamAttribute ] []; p [] [ str "x" ] ]

                let tree = ViewTree.ofView [ page ]

                let patches =
                    [ for i in 1..100 -> Patch.streamAppend "s" $"k{i}" (li [] [ str (string i) ]) ]

                let painted =
                    (ValueSome tree, patches)
                    ||> List.fold (fun nodes patch -> nodes |> ValueOption.bind (fun n -> ViewStream.paint n patch))

                Expect.stringContains
                    (ViewHtml.ofNodes painted.Value)
                    """<li id="k100">100</li></ul>"""
                    "the items are painted"

                Expect.equal (ViewHtml.fingerprint painted.Value) (ViewHtml.fingerprint tree) "the view's fingerprint"

                let _, shown, sent = updateFrom tree (ValueSome tree) patches page
                Expect.isTrue (obj.ReferenceEquals(shown.Value, tree)) "the copy is the view, no item in it"
                Expect.equal sent patches "the items are sent"
        ]
