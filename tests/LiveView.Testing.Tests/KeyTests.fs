/// Keys as the browser has them: a key bound on `<body>` (a game's keys, by its layout) is pressed where nothing is
/// focused, and Enter or Space on a focused button clicks it, and Enter on a focused link follows it, unless the
/// keydown's default was prevented.
module LiveView.Testing.Tests.KeyTests

open System
open Expecto
open Giraffe.ViewEngine
open LiveView
open LiveView.Testing

let private noted name =
    Handler.named name (fun (presses: string list) _ -> Reply.state (presses @ [ name ]))

let private clicked = noted "clicked"

/// A page that notes what reaches it: clicks of its buttons, its keys (Enter held back around `#held`), and those
/// its layout binds on `<body>`.
let private keys =
    Page.create "keys" (fun _ -> []) (fun (presses: string list) ->
        div
            []
            [
                button [ _id "button"; Live.on "click" clicked ] [ str "Click" ]
                div
                    [ _data "action" "keydown.enter->keys#held:prevent" ]
                    [ button [ _id "held"; Live.on "click" clicked ] [ str "Held" ] ]
                a [ _id "link"; _href "/?again" ] [ str "Again" ]
                output [ _id "presses" ] [ str (String.concat "," presses) ]
            ])
    |> Page.handle clicked
    |> Page.handle (noted "held")
    |> Page.handle (noted "up")
    |> Page.handle (noted "pause")

/// A layout that binds ArrowUp and Space on `<body>`, as a game's does.
let private layout (context: LayoutContext) =
    html
        []
        [
            head [] [ title [] [ str context.Title ] ]
            body
                [ _data "action" "keydown.up->keys#up keydown.space->keys#pause" ]
                [ main [ _id "main" ] [ context.Content ]; context.ClientScript ]
        ]

let private mount () =
    LiveTest.Mount(keys, LiveTestOptions(Layout = Func<LayoutContext, XmlNode> layout))

[<Tests>]
let tests =
    testList
        "Keys"
        [
            testCase "keys bound on the body are pressed there, and are steps a user can take"
            <| fun () ->
                let page = mount ()
                page.Press("body", "ArrowUp") |> ignore
                Expect.equal (page.Text "#presses") "up" "pressed where nothing is focused"

                let presses =
                    UserSteps.available page
                    |> List.filter (fun step -> step.Kind = UserStepKind.Press)
                    |> List.map (fun step -> step.Selector, step.Value)

                Expect.equal
                    presses
                    [
                        "html > body:nth-child(2)", "ArrowUp"
                        "html > body:nth-child(2)", " "
                        "#main > div:nth-child(1) > div:nth-child(2)", "Enter"
                    ]
                    "the body's keys, then the div's"

            testCase "Enter or Space on a focused button clicks it, after the keys it sends"
            <| fun () ->
                let page = mount ()
                page.Press("#button", "Enter").Press("#button", " ") |> ignore
                Expect.equal (page.Text "#presses") "clicked,pause,clicked" "Enter clicks; Space pauses, then clicks"

            testCase "a key whose keydown is prevented does not click the focused button"
            <| fun () ->
                let page = mount ()
                page.Press("#held", "Enter") |> ignore
                Expect.equal (page.Text "#presses") "held" "held back"

            testCase "Enter on a focused link follows it"
            <| fun () ->
                let page = mount ()
                page.Press("#button", "Enter").Press("#link", "Enter") |> ignore
                Expect.equal page.Url "/?again" "followed"
                Expect.equal (page.Text "#presses") "" "a new page"
        ]
