module LiveView.Core.Tests.PageErrorTests

open Expecto
open FsCheck
open FsCheck.FSharp
open Giraffe.ViewEngine
open LiveView
open LiveView.Core.Tests.Support

/// The error a page gives for `handler`, which it does not have.
let private unknownError (page: Page<int>) handler =
    match Page.update page 0 (Context.action 0 (actionFor page.Name handler)) with
    | Error error -> error
    | Ok _ -> failtest $"'{handler}' should be unknown"

let private pageWith name handlers =
    handlers
    |> List.fold
        (fun page handler -> page |> Page.on handler (fun s _ -> Reply.state s))
        (Page.create name (fun _ -> 0) (fun _ -> str ""))

// Protects what the client is told: an unknown handler names what was asked, never the handlers that exist.
[<Tests>]
let tests =
    testList
        "PageError"
        [
            testCase "UnknownHandler names the page and the handler asked for"
            <| fun () ->
                let error =
                    unknownError (pageWith "shop" [ "add_to_cart"; "secret_admin" ]) "checkout"

                Expect.equal error (UnknownHandler { Page = "shop"; Handler = "checkout" }) "the error"
                Expect.stringContains error.Message "shop" "names the page"
                Expect.stringContains error.Message "checkout" "names the handler asked for"
                Expect.isFalse (error.Message.Contains "add_to_cart") "does not list existing handlers"
                Expect.isFalse (error.Message.Contains "secret_admin") "does not list existing handlers"

            testProperty "no existing handler name leaks into the message"
            <| Prop.forAll
                (Arb.fromGen (
                    Gen.zip
                        (Gen.elements [ "home"; "blog"; "shop" ])
                        (Gen.nonEmptyListOf (genNamePart |> Gen.map (fun n -> "zz_" + n.Substring(0, min n.Length 60))))
                ))
                (fun (page, existing) ->
                    let error = unknownError (pageWith page existing) "missing"
                    Expect.stringContains error.Message page "names the page"
                    Expect.stringContains error.Message "missing" "names the handler asked for"

                    for name in existing do
                        Expect.isFalse (error.Message.Contains name) $"does not contain '{name}'")

            testCase "HandlerFailed names its origin, not the exception's text"
            <| fun () ->
                let secret = exn "connection string: secret"

                let messages =
                    [
                        HandlerFailed(Origin.Client { Page = "shop"; Handler = "pay" }, secret), "shop->pay"
                        HandlerFailed(Origin.Mount "shop", secret), "'shop' failed to mount"
                        HandlerFailed(Origin.Effect("charge", Origin.Client { Page = "shop"; Handler = "pay" }), secret),
                        "effect 'charge' of shop->pay"
                        HandlerFailed(Origin.Effect("load", Origin.Mount "shop"), secret),
                        "effect 'load' of mount of shop"
                    ]

                for error, named in messages do
                    Expect.stringContains error.Message named "names the origin"
                    Expect.isFalse (error.Message.Contains "secret") "does not leak the exception's message"

            testProperty
                "in development a failure's sentence names the exception's type and message; in production never"
            <| Prop.forAll (Arb.fromGen (Gen.elements [ true; false ])) (fun development ->
                let secret = System.InvalidOperationException "connection string: secret"

                let faults =
                    [
                        Fault.Page(HandlerFailed(Origin.Client { Page = "shop"; Handler = "pay" }, secret)),
                        "shop->pay"
                        Fault.Page(HandlerFailed(Origin.Mount "shop", secret)), "'shop' failed to mount"
                        Fault.Effect(Origin.Effect("charge", Origin.Client { Page = "shop"; Handler = "pay" }), secret),
                        "'charge' of shop->pay"
                    ]

                for fault, named in faults do
                    let message = fault.MessageFor development
                    Expect.stringContains message named "names the page and handler"
                    Expect.equal (message.Contains "connection string: secret") development "the exception's message"

                    Expect.equal
                        (message.Contains "System.InvalidOperationException")
                        development
                        "the exception's type"

                Expect.equal
                    (Fault.UnknownPage("x").MessageFor development)
                    (Fault.UnknownPage("x").Message)
                    "no exception")
        ]
