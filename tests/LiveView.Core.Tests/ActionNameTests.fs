module LiveView.Core.Tests.ActionNameTests

open System
open Expecto
open FsCheck
open FsCheck.FSharp
open LiveView
open LiveView.Core.Tests.Support

let private config =
    { FsCheckConfig.defaultConfig with
        maxTest = 500
    }

/// Inputs for the "parse is total" property: nulls, valid names, near-misses and arbitrary text.
let private genAnyInput: Gen<string | null> =
    let valid = Gen.map2 (fun p h -> p + "->" + h) genNamePart genNamePart
    let tooLong = Gen.map (fun p -> String('a', 65) + "->" + p) genNamePart

    let mixed =
        Gen.map3 (fun a b c -> a + "->" + b + c) genAnyString genAnyString genAnyString

    let nullable (g: Gen<string>) =
        g |> Gen.map (fun s -> (s: string | null))

    Gen.frequency
        [
            1, Gen.constant null
            3, nullable valid
            1, nullable tooLong
            3, nullable mixed
            3, nullable genAnyString
        ]

let private isErrorWithMessage =
    function
    | Error(message: string) -> not (String.IsNullOrWhiteSpace message)
    | Ok _ -> false

// Protects the wire format `page->handler`: parsing is total, and formatting gives back exactly what was parsed.
[<Tests>]
let tests =
    testList
        "ActionName"
        [
            testPropertyWithConfig config "parse (format n) = Ok n for any valid page and handler names"
            <| Prop.forAll (Arb.fromGen (Gen.zip genNamePart genNamePart)) (fun (page, handler) ->
                let name =
                    {
                        ActionName.Page = page
                        Handler = handler
                    }

                ActionName.parse (ActionName.format name) = Ok name)

            testPropertyWithConfig config "parse never throws, and an Ok formats back to the exact input"
            <| Prop.forAll (Arb.fromGen genAnyInput) (fun text ->
                match ActionName.parse text with
                | Ok name ->
                    String.Equals(ActionName.format name, text, StringComparison.Ordinal)
                    && ActionName.isValidPart name.Page
                    && ActionName.isValidPart name.Handler
                | Error message -> not (String.IsNullOrWhiteSpace message))

            testCase "home->random_number parses"
            <| fun () ->
                Expect.equal
                    (ActionName.parse "home->random_number")
                    (Ok
                        {
                            Page = "home"
                            Handler = "random_number"
                        })
                    "a plain page->handler name"

            testCase "names with '-', '.' and '_' parse, splitting at the first '->'"
            <| fun () ->
                Expect.equal
                    (ActionName.parse "my-page.v2-->do_it")
                    (Ok
                        {
                            Page = "my-page.v2-"
                            Handler = "do_it"
                        })
                    "the page may end with '-'"

            testCase "64-character parts are accepted, 65 are not"
            <| fun () ->
                let max = String('x', 64)
                Expect.isOk (ActionName.parse (max + "->" + max)) "64 characters is the limit"
                Expect.isTrue (isErrorWithMessage (ActionName.parse (max + "x->a"))) "a 65-character page"
                Expect.isTrue (isErrorWithMessage (ActionName.parse ("a->" + max + "x"))) "a 65-character handler"

            testList
                "malformed names are errors with a message"
                [
                    for text in
                        [
                            "home"
                            "->x"
                            "a->"
                            "a->b->c"
                            "a b->c"
                            ""
                            "->"
                            "é->a"
                            " a->b"
                            "a->b "
                        ] ->
                        testCase $"'{text}'"
                        <| fun () ->
                            Expect.isTrue (isErrorWithMessage (ActionName.parse text)) "an Error with a message"
                ]

            testCase "null is an error with a message"
            <| fun () -> Expect.isTrue (isErrorWithMessage (ActionName.parse null)) "an Error with a message"

            testCase "create checks both parts"
            <| fun () ->
                Expect.equal (ActionName.create "a" "b") (Ok { Page = "a"; Handler = "b" }) "valid parts"
                Expect.isTrue (isErrorWithMessage (ActionName.create null "b")) "null page"
                Expect.isTrue (isErrorWithMessage (ActionName.create "a" null)) "null handler"
                Expect.isTrue (isErrorWithMessage (ActionName.create "a b" "c")) "space in the page"
                Expect.isTrue (isErrorWithMessage (ActionName.create "a" "")) "empty handler"
        ]
