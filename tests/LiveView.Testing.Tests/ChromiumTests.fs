/// What Chromium does around the events a person causes, and the harness does alike: a click on a label passes to
/// its field, Enter in a field sends its change before the submit it causes, a field left by a blur sends its change,
/// `maxlength` cuts what is typed, and a link with `target="_blank"` opens a tab (the page stays).
/// (`LiveView.Browser.Tests/HarnessDetailsBrowserTests` takes the same steps in Chromium.)
module LiveView.Testing.Tests.ChromiumTests

open Expecto
open Giraffe.ViewEngine
open LiveView
open LiveView.Testing

/// A handler that notes the event it is bound to and the element's `data-what`.
let private noted (event: string) =
    Handler.named event (fun (log: string list) ctx -> Reply.state (log @ [ event + " " + string (ctx.Data "what") ]))

let private click = noted "click"
let private input' = noted "input"
let private change = noted "change"
let private focus = noted "focus"
let private blur = noted "blur"
let private submit = noted "submit"
let private keydown = noted "keydown"
let private keyup = noted "keyup"

let private what (name: string) = _data "what" name

/// A checkbox that notes its click, input and change.
let private box (id: string) =
    input
        [
            _type "checkbox"
            _id id
            _name id
            what id
            Live.onEach [ "click", click; "input", input'; "change", change ]
        ]

/// A text field that notes its click, change, focus and blur, and its keys.
let private field (id: string) (more: XmlAttribute list) =
    input (
        [
            _id id
            _name id
            what id
            Live.onEach
                [
                    "click", click
                    "change", change
                    "focus", focus
                    "blur", blur
                    "keydown", keydown
                    "keyup", keyup
                ]
        ]
        @ more
    )

let private page =
    Page.create "details" (fun _ -> []) (fun (log: string list) ->
        div
            []
            [
                // Labels.
                label [ _id "for-box"; _for "box"; what "for-box"; Live.on "click" click ] [ str "Box" ]
                box "box"
                label
                    [ _id "around"; what "around"; Live.on "click" click ]
                    [
                        span [ _id "around-text" ] [ str "Inner " ]
                        box "inner"
                        button [ _id "inside"; _type "button"; what "inside"; Live.on "click" click ] [ str "b" ]
                    ]
                label [ _id "for-name"; _for "name"; what "for-name"; Live.on "click" click ] [ str "Name" ]
                field "name" []
                label
                    [
                        _id "held"
                        _for "box"
                        what "held"
                        attr "data-action" "click->details#click:prevent"
                    ]
                    [ str "Held" ]
                input
                    [
                        _type "checkbox"
                        _id "stuck"
                        what "stuck"
                        attr "data-action" "click->details#click:prevent"
                    ]
                label [ _id "for-off"; _for "off"; what "for-off"; Live.on "click" click ] [ str "Off" ]
                input [ _type "checkbox"; _id "off"; _disabled ]
                // Enter in forms: one text field; two (no implicit submit); a submit button; a disabled one.
                form
                    [ _id "one"; what "one"; Live.on "submit" submit ]
                    [ field "solo" []; input [ _type "checkbox"; _id "tick" ] ]
                form [ _id "two"; what "two"; Live.on "submit" submit ] [ field "first" []; field "second" [] ]
                form
                    [ _id "three"; what "three"; Live.on "submit" submit ]
                    [
                        field "third" []
                        field "third-too" []
                        input [ _type "checkbox"; _id "third-box" ]
                        button [ _id "go"; what "go"; Live.on "click" click ] [ str "Go" ]
                    ]
                form
                    [ _id "four"; what "four"; Live.on "submit" submit ]
                    [ field "fourth" []; button [ _id "stop"; _disabled ] [ str "Go" ] ]
                field "loose" []
                // Typed values.
                field "short" [ attr "maxlength" "5" ]
                input [ _id "mail"; _type "email"; attr "maxlength" "5" ]
                input [ _id "site"; _type "url" ]
                input [ _id "count"; _type "number"; attr "maxlength" "1" ]
                textarea [ _id "note"; attr "maxlength" "4" ] []
                // Held back: in a form, for 100 ms; outside, for 50 ms.
                form
                    [ _id "five"; what "five"; Live.on "submit" submit ]
                    [
                        input
                            [
                                _id "slow"
                                _name "slow"
                                what "slow"
                                _data "debounce" "100"
                                Live.onEach [ "input", input'; "change", change; "keydown", keydown; "keyup", keyup ]
                            ]
                    ]
                input
                    [
                        _id "lazy"
                        _name "lazy"
                        what "lazy"
                        _data "debounce" "50"
                        Live.onEach [ "input", input'; "change", change ]
                    ]
                // At most one event per 100 ms.
                input
                    [
                        _id "quick"
                        _name "quick"
                        what "quick"
                        _data "throttle" "100"
                        Live.onEach
                            [
                                "focus", focus
                                "input", input'
                                "change", change
                                "keydown", keydown
                                "keyup", keyup
                            ]
                    ]
                // Links.
                a [ _id "tab"; _href "/elsewhere"; _target "_blank" ] [ str "New tab" ]
                a [ _id "here"; _href "/?again"; _target "_self" ] [ str "Here" ]
                ol [ _id "log" ] [ for line in log -> li [] [ str line ] ]
            ])
    |> Page.handle click
    |> Page.handle input'
    |> Page.handle change
    |> Page.handle focus
    |> Page.handle blur
    |> Page.handle submit
    |> Page.handle keydown
    |> Page.handle keyup

let private log (test: LiveTest) =
    [ for line in test.All "#log li" -> line.TextContent ]

let private checkedBox (test: LiveTest) (selector: string) =
    match test.Document.QuerySelector selector with
    | :? AngleSharp.Html.Dom.IHtmlInputElement as box -> box.IsChecked
    | _ -> failwith $"no box {selector}"

/// Takes `steps` on a new page and checks the actions they sent, in order; gives the page.
let private sends (steps: LiveTest -> LiveTest) (expected: string list) (why: string) =
    let test = steps (LiveTest.Mount page)
    Expect.equal (log test) expected why
    test

/// Takes `steps` on `test`'s page and checks the actions they sent, in order; gives the page.
let private thenSends (steps: LiveTest -> LiveTest) (expected: string list) (why: string) (test: LiveTest) =
    let before = (log test).Length
    let test = steps test
    Expect.equal (log test |> List.skip before) expected why
    test

/// The test that `steps`, on a new page, send `expected`, in that order.
let private sending (name: string) (steps: LiveTest -> LiveTest) (expected: string list) =
    testCase name (fun () -> sends steps expected name |> ignore)

[<Tests>]
let tests =
    testList
        "As Chromium"
        [
            testList
                "labels"
                [
                    testCase "a click on a label whose for names a box: the label's click, then the box's"
                    <| fun () ->
                        let test =
                            sends
                                _.Click("#for-box")
                                [ "click for-box"; "click box"; "input box"; "change box" ]
                                "the label's, then the box's"

                        Expect.isTrue (checkedBox test "#box") "checked"

                    testCase "a click inside a label around a box: the box's click bubbles through the label again"
                    <| fun () ->
                        let test =
                            sends
                                _.Click("#around-text")
                                [ "click around"; "click inner"; "click around"; "input inner"; "change inner" ]
                                "the label hears both clicks"

                        Expect.isTrue (checkedBox test "#inner") "checked"

                    testCase "a click on the box inside a label is not doubled, nor one on a button in it passed on"
                    <| fun () ->
                        let test =
                            sends
                                _.Click("#inner")
                                [ "click inner"; "click around"; "input inner"; "change inner" ]
                                "once"
                            |> thenSends _.Click("#inside") [ "click inside"; "click around" ] "the button's own click"

                        Expect.isTrue (checkedBox test "#inner") "still checked"

                    testCase "a click on a text field's label focuses the field, which gets a click too"
                    <| fun () ->
                        sends
                            _.Fill("#short", "typed").Click("#for-name")
                            [
                                "focus short"
                                "change short"
                                "blur short"
                                "click for-name"
                                "focus name"
                                "click name"
                            ]
                            "the field typed in is left as the mouse goes down on the label; the label passes it on"
                        // Enter in it now: the field has the focus.
                        |> thenSends
                            _.Fill("#name", "ada").Press("#name", "Enter")
                            [ "keydown name"; "change name"; "keyup name" ]
                            "typed into after the label's click"
                        |> ignore

                    testCase "a label whose click is prevented passes nothing; a box whose click is prevented stays"
                    <| fun () ->
                        let test = sends _.Click("#held") [ "click held" ] "only the label's"
                        Expect.isFalse (checkedBox test "#box") "not checked"

                        let test =
                            test |> thenSends _.Click("#stuck") [ "click stuck" ] "no input, no change"

                        Expect.isFalse (checkedBox test "#stuck") "changed back"

                    testCase "a label of a disabled box passes nothing"
                    <| fun () ->
                        let test = sends _.Click("#for-off") [ "click for-off" ] "the label's only"
                        Expect.isFalse (checkedBox test "#off") "not checked"
                ]

            testList
                "Enter"
                [
                    testCase "Enter in a form's only text field: keydown, change, submit, keyup"
                    <| fun () ->
                        sends
                            _.Fill("#solo", "x").Press("#solo", "Enter")
                            [ "focus solo"; "keydown solo"; "change solo"; "submit one"; "keyup solo" ]
                            "Chromium's order"
                        |> thenSends
                            _.Press("#solo", "Enter")
                            [ "keydown solo"; "submit one"; "keyup solo" ]
                            "no change the second time"
                        |> ignore

                    sending
                        "Enter in a form of two text fields without a submit button submits nothing: the change only"
                        _.Fill("#first", "x").Press("#first", "Enter")
                        [ "focus first"; "keydown first"; "change first"; "keyup first" ]

                    sending
                        "Enter in a form with a submit button clicks it, and the click submits"
                        _.Fill("#third", "x").Press("#third", "Enter")
                        [
                            "focus third"
                            "keydown third"
                            "change third"
                            "click go"
                            "submit three"
                            "keyup third"
                        ]

                    testCase "Enter on a box clicks its form's submit button, and submits no form without one"
                    <| fun () ->
                        let test =
                            sends _.Press("#third-box", "Enter") [ "click go"; "submit three" ] "through the button"

                        Expect.isFalse (checkedBox test "#third-box") "Enter does not check it"

                        Expect.throwsT<LiveTestException>
                            (fun () -> test.Press("#tick", "Enter") |> ignore)
                            "nothing happens: no button, and a box is no text field"

                    sending
                        "Enter in a form whose submit button is disabled submits nothing"
                        _.Press("#fourth", "Enter")
                        [ "focus fourth"; "keydown fourth"; "keyup fourth" ]

                    sending
                        "Enter in a field outside any form sends its change between the keys"
                        _.Fill("#loose", "x").Press("#loose", "Enter")
                        [ "focus loose"; "keydown loose"; "change loose"; "keyup loose" ]

                    testCase "Enter in a field outside any form that nothing changed in: nothing happens"
                    <| fun () ->
                        let plain =
                            Page.create "plain" (fun _ -> 0) (fun _ -> div [] [ input [ _id "alone" ] ])

                        Expect.throwsT<LiveTestException>
                            (fun () -> LiveTest.Mount(plain).Press("#alone", "Enter") |> ignore)
                            "nothing happens"

                    testCase "Space checks a focused box, when it is let go"
                    <| fun () ->
                        let test =
                            sends _.Press("#box", " ") [ "click box"; "input box"; "change box" ] "a click"

                        Expect.isTrue (checkedBox test "#box") "checked"
                ]

            testList
                "focus and blur"
                [
                    testCase "blur on the focused field sends its change first, and the focus goes to the body"
                    <| fun () ->
                        sends
                            _.Fill("#name", "x").Trigger("#name", "blur")
                            [ "focus name"; "change name"; "blur name" ]
                            "change, then blur"
                        // Nothing is left to send when another field is typed into.
                        |> thenSends _.Fill("#short", "y") [ "focus short" ] "the body had the focus"
                        |> ignore

                    testCase "focus moves the focus: the field left sends its change and its blur"
                    <| fun () ->
                        sends
                            _.Fill("#short", "x").Trigger("#name", "focus")
                            [ "focus short"; "change short"; "blur short"; "focus name" ]
                            "in order"
                        |> thenSends _.Press("#name", "a") [ "keydown name"; "keyup name" ] "already focused"
                        |> ignore
                ]

            testList
                "typed values"
                [
                    testCase "maxlength cuts what is typed into a text field, an email field and a textarea"
                    <| fun () ->
                        let test =
                            LiveTest
                                .Mount(page)
                                .Fill("#short", "abcdefgh")
                                .Fill("#mail", "  ada@example.com")
                                .Fill("#note", "a\r\nbcdef")

                        Expect.equal (test.Value "#short") "abcde" "five"
                        Expect.equal (test.Value "#mail") "ada" "five typed, the spaces dropped"
                        Expect.equal (test.Value "#note") "a\nbc" "a line break counts one"
                        let test = test.Change("#short", "ab😀").Fill("#count", "12345")
                        Expect.equal (test.Value "#short") "ab😀" "four units fit"
                        Expect.equal (test.Value "#count") "12345" "no maxlength on a number"
                        let test = test.Fill("#short", "abcd😀")
                        Expect.equal (test.Value "#short") "abcd" "not half a character"

                    testCase "line breaks typed into a one-line field become spaces, and a URL keeps its spaces"
                    <| fun () ->
                        let test =
                            LiveTest.Mount(page).Fill("#name", " two\nlines\n").Fill("#site", " http://x ")

                        Expect.equal (test.Value "#name") " two lines" "the last one dropped"
                        Expect.equal (test.Value "#site") " http://x " "typed as is"
                        let test = test.Fill("#count", " 12 ")
                        Expect.equal (test.Value "#count") "12" "a number field takes digits only"
                ]

            testList
                "data-debounce"
                [
                    sending
                        "a key's keyup takes the place of its keydown held back by the same element"
                        _.Press("#slow", "ArrowLeft")
                        [ "keyup slow" ]

                    sending
                        "Enter: the change (in place of the keydown) goes before the submit, the keyup at the step's end"
                        _.Fill("#slow", "x").Press("#slow", "Enter")
                        [ "input slow"; "change slow"; "submit five"; "keyup slow" ]

                    sending
                        "at the end of a step, the shortest wait goes first (lazy's 50 ms, slow's change's 100)"
                        _.Fill("#slow", "x").Fill("#lazy", "y")
                        [ "input slow"; "input lazy"; "change slow" ]
                ]

            testList
                "data-throttle"
                [
                    sending
                        "in a step, the first event (the focus) goes at once, the last (the keyup) at the interval's end"
                        _.Press("#quick", "ArrowLeft")
                        [ "focus quick"; "keyup quick" ]

                    sending
                        "the next step's first event goes at once: the interval ended in the pause"
                        _.Press("#quick", "ArrowLeft").Fill("#quick", "xy").Press("#quick", "ArrowLeft")
                        [ "focus quick"; "keyup quick"; "input quick"; "keydown quick"; "keyup quick" ]

                    sending
                        "a change takes the place of the input before it"
                        _.Change("#quick", "v")
                        [ "focus quick"; "change quick" ]
                ]

            testList
                "links"
                [
                    testCase "a link with target _blank opens a tab: the page stays"
                    <| fun () ->
                        let test = LiveTest.Mount(page).Click "#tab"
                        Expect.equal (List.ofSeq test.OpenedTabs) [ "/elsewhere" ] "opened"
                        Expect.equal test.Url "/" "the page stays"
                        let test = test.Press("#tab", "Enter")
                        Expect.equal (test |> LiveTest.openedTabs) [ "/elsewhere"; "/elsewhere" ] "Enter too"

                    testCase "a link with target _self is followed in place"
                    <| fun () ->
                        let test = LiveTest.Mount(page).Click "#here"
                        Expect.equal test.Url "/?again" "followed"
                        Expect.isEmpty test.OpenedTabs "no tab"
                ]
        ]
