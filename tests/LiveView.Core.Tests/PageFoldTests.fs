module LiveView.Core.Tests.PageFoldTests

open System
open Expecto
open FsCheck
open FsCheck.FSharp
open Giraffe.ViewEngine
open LiveView
open LiveView.Core.Tests.Support

let private config =
    { FsCheckConfig.defaultConfig with
        maxTest = 300
    }

/// A counter page: "inc" and "dec" send one patch each, "boom" throws, "null" returns a null reply.
let counterPage =
    Page.create "counter" (fun _ -> 0) (fun n -> output [ _id "count" ] [ str (string n) ])
    |> Page.on "inc" (fun n _ -> Reply.ok (n + 1) [ Patch.text "#count" (string (n + 1)) ])
    |> Page.on "dec" (fun n _ -> Reply.ok (n - 1) [ Patch.text "#count" (string (n - 1)) ])
    |> Page.on "boom" (fun _ _ -> failwith "boom")
    |> Page.on "null" (fun _ _ -> Unchecked.defaultof<Reply<int>>)

let private known = set [ "inc"; "dec"; "boom"; "null" ]

/// Handler names: mostly the page's own, sometimes a valid name the page does not have.
let private genHandler =
    Gen.frequency
        [
            3, Gen.elements [ "inc"; "dec"; "boom"; "null" ]
            1, genNamePart |> Gen.filter (fun name -> not (known.Contains name))
        ]

let private sequences = Arb.fromGen (Gen.listOf genHandler)

let private count name handlers =
    handlers |> List.filter ((=) name) |> List.length

/// What kind of error each failing handler name must give, in order.
let private expectedErrors handlers =
    handlers
    |> List.choose (fun h ->
        match h with
        | "inc"
        | "dec" -> None
        | "boom"
        | "null" -> Some("failed", h)
        | unknown -> Some("unknown", unknown))

let private kind error =
    let handler = actionOf error |> Option.map _.Handler |> Option.defaultValue "?"

    match error with
    | UnknownHandler _ -> "unknown", handler
    | HandlerFailed _ -> "failed", handler

// Protects the fold: any sequence of actions gives the counted state, patches and errors, and never throws.
[<Tests>]
let tests =
    testList
        "Page fold"
        [
            testPropertyWithConfig config "Page.run counts incs, decs and errors over random action sequences"
            <| Prop.forAll sequences (fun handlers ->
                let state, patches, errors =
                    Page.run counterPage (handlers |> List.map (actionFor "counter"))

                Expect.equal state (count "inc" handlers - count "dec" handlers) "state = #inc - #dec"
                Expect.equal patches.Length (count "inc" handlers + count "dec" handlers) "one patch per inc/dec"
                Expect.equal (errors |> List.map kind) (expectedErrors handlers) "one error per failure, in order"

                for error in errors do
                    Expect.equal (actionOf error |> Option.map _.Page) (Some "counter") "the error names the page"

                    match error with
                    | HandlerFailed(Origin.Client name, ex) when name.Handler = "boom" ->
                        Expect.equal ex.Message "boom" "the handler's own exception is kept"
                    | HandlerFailed(Origin.Client name, ex) when name.Handler = "null" ->
                        Expect.isTrue (ex :? InvalidOperationException) "a null reply is an InvalidOperationException"
                    | _ -> ())

            testPropertyWithConfig config "Page.erase folds the same sequences to the same state, patches and errors"
            <| Prop.forAll sequences (fun handlers ->
                let actions = handlers |> List.map (actionFor "counter")
                let state, patches, errors = Page.run counterPage actions

                let erasedState, erasedPatches, erasedErrors =
                    Page.run (Page.erase counterPage) actions

                Expect.equal erasedState (boxed state) "same final state, boxed"
                Expect.equal erasedPatches patches "same patches"
                Expect.equal (erasedErrors |> List.map kind) (errors |> List.map kind) "same error kinds")

            testCase "the patches are the counter's values in order"
            <| fun () ->
                let _, patches, _ =
                    Page.run counterPage ([ "inc"; "inc"; "boom"; "dec" ] |> List.map (actionFor "counter"))

                Expect.equal
                    patches
                    [ Patch.text "#count" "1"; Patch.text "#count" "2"; Patch.text "#count" "1" ]
                    "patches in order"

            testCase "Page.update keeps the caller's state on error (returns Error, not a reply)"
            <| fun () ->
                let ctx = Context.action 0 (actionFor "counter" "boom")
                Expect.isError (Page.update counterPage 5 ctx) "boom is an Error"
                let ok = Page.update counterPage 5 (Context.action 0 (actionFor "counter" "inc"))

                match ok with
                | Ok reply -> Expect.equal reply.State 6 "inc folds 5 into 6"
                | Error e -> failtest e.Message

            testCase "an erased page mounts, views and titles through the box"
            <| fun () ->
                let erased = Page.erase (counterPage |> Page.withTitle (fun n -> $"Count {n}"))
                let state = erased.Init(Context.mount "/" 0)
                Expect.equal state (boxed 0) "boxed initial state"
                Expect.equal (render (erased.View(boxed 7))) """<output id="count">7</output>""" "view of a boxed state"
                Expect.equal (erased.Title(boxed 7)) "Count 7" "title of a boxed state"
                Expect.equal erased.Name "counter" "same name"
        ]
