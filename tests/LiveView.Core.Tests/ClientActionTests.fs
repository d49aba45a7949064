module LiveView.Core.Tests.ClientActionTests

open Expecto
open LiveView
open LiveView.Core.Tests.Support

let private action =
    actionFor "form" "save"
    |> ClientAction.withData "postId" "42"
    |> ClientAction.withField "title" [ "Hello" ]
    |> ClientAction.withField "tags" [ "a"; "b"; "c" ]
    |> ClientAction.withField "empty" []
    |> ClientAction.withLang "es"

// Protects how handlers read an action's data-* attributes, form fields and language.
[<Tests>]
let tests =
    testList
        "ClientAction"
        [
            testCase "create has no data, form or language"
            <| fun () ->
                let plain = actionFor "form" "save"
                Expect.equal plain.Name { Page = "form"; Handler = "save" } "name"
                Expect.isEmpty plain.Data "no data"
                Expect.isEmpty plain.Form "no form"
                Expect.isNone plain.Lang "no language"

            testCase "named parses page->handler and throws on a malformed name"
            <| fun () ->
                Expect.equal (ClientAction.named "form->save") (actionFor "form" "save") "same as create"
                Expect.throwsT<System.ArgumentException> (fun () -> ClientAction.named "form" |> ignore) "no '->'"
                Expect.throwsT<System.ArgumentException> (fun () -> ClientAction.named "a b->c" |> ignore) "bad page"

            testCase "data / DataValue"
            <| fun () ->
                Expect.equal (ClientAction.data "postId" action) (Some "42") "present"
                Expect.equal (ClientAction.data "missing" action) None "missing"
                Expect.equal (action.DataValue "postId") "42" "present"
                Expect.isNull (action.DataValue "missing") "missing is null"

            testCase "field / FormValue give the first value"
            <| fun () ->
                Expect.equal (ClientAction.field "title" action) (Some "Hello") "one value"
                Expect.equal (ClientAction.field "tags" action) (Some "a") "first of several"
                Expect.equal (ClientAction.field "empty" action) None "a field with no values"
                Expect.equal (ClientAction.field "missing" action) None "missing"
                Expect.equal (action.FormValue "tags") "a" "first of several"
                Expect.isNull (action.FormValue "empty") "a field with no values is null"
                Expect.isNull (action.FormValue "missing") "missing is null"

            testCase "fields / FormValues give every value"
            <| fun () ->
                Expect.equal (ClientAction.fields "tags" action) [ "a"; "b"; "c" ] "all values"
                Expect.equal (ClientAction.fields "missing" action) [] "missing is empty"
                Expect.sequenceEqual (action.FormValues "tags") [ "a"; "b"; "c" ] "all values"
                Expect.isEmpty (action.FormValues "missing") "missing is empty"

            testCase "withData and withField replace an existing key"
            <| fun () ->
                let changed =
                    action
                    |> ClientAction.withData "postId" "43"
                    |> ClientAction.withField "tags" [ "z" ]

                Expect.equal (changed.DataValue "postId") "43" "replaced data"
                Expect.equal (ClientAction.fields "tags" changed) [ "z" ] "replaced field"
                Expect.equal (ClientAction.fields "tags" action) [ "a"; "b"; "c" ] "the original is unchanged"

            testCase "withLang" <| fun () -> Expect.equal action.Lang (Some "es") "language"

            testCase "ActionContext.Data and Form read through to the action"
            <| fun () ->
                let ctx = Context.action 0 action
                Expect.equal (ctx.Data "postId") "42" "data"
                Expect.equal (ctx.Form "title") "Hello" "form"
                Expect.isNull (ctx.Data "missing") "missing data"
                Expect.isNull (ctx.Form "missing") "missing field"
        ]
