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

let private roll seed =
    let reply =
        dicePage.Handlers["roll"] 0 (Context.action seed (actionFor "dice" "roll"))

    reply.State, reply.Patches

// Protects replayability: a handler that reads ctx.Random gives the same reply for the same seed.
[<Tests>]
let tests =
    testList
        "Determinism"
        [
            testProperty "the same seed gives the same reply"
            <| Prop.forAll (Arb.fromGen (Gen.choose (Int32.MinValue, Int32.MaxValue))) (fun seed ->
                Expect.equal (roll seed) (roll seed) "same state and patches")

            testCase "the seed matters (the handler really reads ctx.Random)"
            <| fun () ->
                let rolls = [ 0..20 ] |> List.map (roll >> fst) |> List.distinct
                Expect.isGreaterThan rolls.Length 1 "different seeds give different numbers"

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
