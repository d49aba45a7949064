module LiveView.Core.Tests.DeterminismTests

open System
open System.Globalization
open Expecto
open FsCheck.FSharp
open Giraffe.ViewEngine
open LiveView
open LiveView.Core.Tests.Support

/// A page whose "roll" handler draws a number from `ctx.Random`.
let private dicePage =
    Page.create "dice" (fun ctx -> ctx.Random.Next(1, 7)) (fun n -> str (string n))
    |> Page.on "roll" (fun _ ctx ->
        let n = ctx.Random.Next(1, 1_000_000)
        Reply.ok n [ Patch.text "#roll" (string n) ])

// Protects replayability: Page.run and the contexts it builds are deterministic. (That each fold's Random comes from
// its input's seed is the runtime's rule: see RuntimeTests.)
[<Tests>]
let tests =
    testList
        "Determinism"
        [
            testCase "Page.run is a pure function of the actions"
            <| fun () ->
                let actions = List.replicate 5 (actionFor "dice" "roll")
                Expect.equal (Page.run dicePage actions) (Page.run dicePage actions) "same result twice"

            testCase "Context.action and Context.mount are deterministic"
            <| fun () ->
                let ctx = Context.action 42 (actionFor "dice" "roll")
                Expect.equal ctx.Now DateTimeOffset.UnixEpoch "Now is the Unix epoch"
                Expect.equal ctx.Culture CultureInfo.InvariantCulture "invariant culture"
                Expect.isFalse (ctx.User.Identity |> Option.ofObj |> Option.exists _.IsAuthenticated) "anonymous"
                let mount = Context.mount "/dice?x=1" 42
                Expect.equal mount.Url "/dice?x=1" "the URL is kept"
                Expect.equal (mount.Random.Next()) (Random(42).Next()) "Random(seed)"
        ]
