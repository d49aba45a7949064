/// Fields as the browser has them: a text field the user typed into and leaves sends its `change` (as Chromium does
/// when the focus moves on), a click on something that takes no focus leaves the field, and a field holds its value
/// as the browser's value sanitization leaves it (an email address without the spaces around it).
module LiveView.Testing.Tests.FieldTests

open Expecto
open Giraffe.ViewEngine
open LiveView
open LiveView.Testing

/// A form whose fieldset sends `validate` on every change (naming the field), as the Website's contact form does;
/// the page lists the fields it heard of and the value each change sent, and shows what it was sent, trimmed, in
/// each field's value.
type private State =
    {
        Heard: string list
        Sent: string list
        Values: Map<string, string>
    }

let private validate =
    Handler.named "validate" (fun state ctx ->
        let target = string (ctx.Data "target")

        Reply.state
            {
                Heard = state.Heard @ [ target ]
                Sent = state.Sent @ [ ctx.Form target |> Option.ofObj |> Option.defaultValue "" ]
                Values =
                    [ "a"; "b"; "e" ]
                    |> List.map (fun name -> name, (ctx.Form name |> Option.ofObj |> Option.defaultValue "").Trim())
                    |> Map.ofList
            })

let private noop = Handler.named "noop" (fun state _ -> Reply.state state)

let private clear =
    Handler.named "clear" (fun state _ -> Reply.state { state with Values = Map.empty })

/// A form whose fields the state does not follow: the view always shows them empty.
let private jot =
    Handler.named "jot" (fun state ctx ->
        let box = ctx.Form "u" |> Option.ofObj |> Option.defaultValue "off"

        Reply.state
            { state with
                Sent = state.Sent @ [ string (ctx.Form "j") + " " + box ]
            })

let private page =
    Page.create
        "fields"
        (fun _ ->
            {
                Heard = []
                Sent = []
                Values = Map.empty
            })
        (fun state ->
            div
                []
                [
                    form
                        [ _id "form"; Live.on "submit" clear ]
                        [
                            fieldset
                                [ Live.on "change" validate ]
                                [
                                    for name, kind in [ "a", "text"; "b", "text"; "e", "email" ] do
                                        input
                                            [
                                                _type kind
                                                _id name
                                                _name name
                                                _value (state.Values.TryFind name |> Option.defaultValue "")
                                            ]
                                ]
                        ]
                    form
                        [ _id "jot"; Live.on "submit" jot ]
                        [
                            input [ _type "text"; _id "j"; _name "j" ]
                            input [ _type "checkbox"; _id "u"; _name "u" ]
                        ]
                    p [ _id "heard" ] [ str (String.concat "," state.Heard) ]
                    p [ _id "sent" ] [ str (String.concat "|" state.Sent) ]
                    div [ _id "plain"; Live.on "click" noop ] [ str "not focusable" ]
                    button [ _id "button"; _type "button"; Live.on "click" noop ] [ str "focusable" ]
                ])
    |> Page.handle validate
    |> Page.handle noop
    |> Page.handle clear
    |> Page.handle jot

[<Tests>]
let tests =
    testList
        "Fields"
        [
            testCase "a text field typed into sends its change when another field is typed into"
            <| fun () ->
                let test = LiveTest.Mount(page).Fill("#a", "x").Fill("#b", "y")
                Expect.equal (test.Text "#heard") "a" "a was left"
                Expect.equal (test.Attribute("#a", "value")) "x" "the change carried a's text"
                Expect.equal (test.Attribute("#b", "value")) "" "b's text was not in yet"
                Expect.equal (test.Value "#b") "y" "b keeps what was typed"

            testCase "a field left with the text it had before the typing sends no change"
            <| fun () ->
                let test = LiveTest.Mount(page).Fill("#a", "x").Fill("#a", "").Fill("#b", "y")
                Expect.equal (test.Text "#heard") "" "nothing changed in a"

            testCase "a click leaves the field: on a button (which takes the focus) or on anything else"
            <| fun () ->
                let test = LiveTest.Mount(page).Fill("#a", "x").Click "#plain"
                Expect.equal (test.Text "#heard") "a" "a was left for the page"
                let test = test.Fill("#b", "y").Click "#button"
                Expect.equal (test.Text "#heard") "a,b" "b was left for the button"
                let test = test.Click "#button"
                Expect.equal (test.Text "#heard") "a,b" "once"

            testCase "a field the focus left shows what the view says; the field the user is in keeps their text"
            <| fun () ->
                let test = LiveTest.Mount(page).Fill("#a", "  x  ").Click "#plain"
                Expect.equal (test.Value "#a") "x" "the view trimmed it, and the user is not in the field"
                let test = test.Fill("#b", " y ").Fill("#a", " z ")
                Expect.equal (test.Value "#b") "y" "left: trimmed"
                Expect.equal (test.Value "#a") " z " "the user is in it"

            testCase "an email field holds what was typed without the spaces around it, and sends that"
            <| fun () ->
                let test = LiveTest.Mount(page).Fill("#e", "  ada@example.com  ")
                Expect.equal (test.Value "#e") "ada@example.com" "as the browser's value"
                let test = test.Fill("#a", "x")
                Expect.equal (test.Text "#sent") "ada@example.com" "the change sent it so"
                let test = test.Fill("#a", " two\nlines ")
                Expect.equal (test.Value "#a") " two lines " "a line break typed into a text field is a space"

            testCase "a field typed back to the text it had before sends no change, even if the view sets another since"
            <| fun () ->
                let test = LiveTest.Mount(page).Fill("#a", "x").Click "#plain"
                Expect.equal (test.Text "#heard") "a" "x went in"
                // Typed again as it was: nothing to send; the answer to the form's submit empties the field.
                let test = test.Fill("#a", "x").Submit("#form")
                Expect.equal (test.Value "#a") "" "the view emptied it"
                let test = test.Fill("#b", "y")
                Expect.equal (test.Text "#heard") "a" "the user changed nothing in a since its last change"

            testCase
                "the first answer to a form's submit puts the view's values in its fields, those it does not follow too"
            <| fun () ->
                let isChecked (test: LiveTest) =
                    match test.Document.QuerySelector "#u" with
                    | :? AngleSharp.Html.Dom.IHtmlInputElement as box -> box.IsChecked
                    | _ -> failwith "no #u"

                let test = LiveTest.Mount(page).Check("#u").Fill("#j", "gamma").Submit("#jot")
                Expect.equal (test.Text "#sent") "gamma on" "the form went as it was filled"
                Expect.equal (test.Value "#j") "" "the view's value: empty"
                Expect.isFalse (isChecked test) "the view's box: not checked"
                // Only that answer: what is typed after it stays through the next frames.
                let test = test.Fill("#j", "delta").Click "#button"
                Expect.equal (test.Value "#j") "delta" "typed after the answer"
        ]
