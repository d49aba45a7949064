module LiveView.Core.Tests.EffectTests

open System
open System.Threading.Tasks
open Expecto
open Giraffe.ViewEngine
open LiveView
open LiveView.Core.Tests.Support

let private ctx = Context.action 0 (actionFor "posts" "load")

/// Runs the effect's work, and returns the exception its task faulted with (failing the test otherwise).
let private faultOf (effect: Effect<'S>) =
    let task =
        try
            startWork effect
        with ex ->
            failtest $"Run threw synchronously instead of returning a faulted task: {ex.Message}"

    try
        task.Wait()
        failtest "the task should have faulted"
    with :? AggregateException ->
        ()

    Expect.isTrue task.IsFaulted "the task is faulted"
    (nonNull task.Exception).InnerException |> nonNull

/// An effect that loads `n` and adds it to the state, sending it as a patch.
let private load (n: int) =
    Effect.perform "load" (fun _ -> Task.FromResult n) (fun result (s: int) _ ->
        Reply.ok (s + result) [ Patch.text "#n" (string result) ])

type private Outer = { Count: int; Label: string }

/// An import that reports each row as it is done (the F# example of docs/realtime.md).
type Import = { Done: int }

/// The rows an import goes through, one by one, as an `IAsyncEnumerable` (a database query's rows would do).
let importRows (_: EffectContext) =
    System.Linq.AsyncEnumerable.ToAsyncEnumerable [ 1..3 ]

let import (state: Import) (_: ActionContext) =
    Reply.state state
    |> Reply.withEffect (
        Effect.stream "import" importRows (fun row s _ ->
            Reply.ok { s with Done = row } [ Patch.text "#progress" $"{row} rows" ])
    )

// Protects effects: work runs outside the fold, its result folds back, failures fault or go to onError, and
// lifting to a wider state (Reply.map, Effect.map, Page.erase) keeps them working.
[<Tests>]
let tests =
    testList
        "Effects"
        [
            testCase "perform: Run yields a fold that applies the result to the current state"
            <| fun () ->
                let effect = load 5
                Expect.equal effect.Name "load" "name"
                let reply = (runEffect effect) 10 ctx
                Expect.equal reply.State 15 "10 + 5"
                Expect.equal reply.Patches [ Patch.text "#n" "5" ] "the result as a patch"

            testCase "perform: the work gets the effect context"
            <| fun () ->
                let effect =
                    Effect.perform
                        "services"
                        (fun ectx -> Task.FromResult(isNull (ectx.Services.GetService typeof<string>)))
                        (fun noService (_: bool) _ -> Reply.state noService)

                Expect.isTrue ((runEffect effect) false ctx).State "the empty provider was passed"

            testCase "perform: when the work throws, the Run task faults"
            <| fun () ->
                let effect =
                    Effect.perform "fail" (fun _ -> failwith "db down") (fun (_: int) (s: int) _ -> Reply.state s)

                Expect.equal (faultOf effect).Message "db down" "the work's exception"

            testCase "perform: when the work's task faults, the Run task faults"
            <| fun () ->
                let effect =
                    Effect.perform
                        "fail"
                        (fun _ -> Task.FromException<int>(InvalidOperationException "late"))
                        (fun _ (s: int) _ -> Reply.state s)

                Expect.equal (faultOf effect).Message "late" "the work's exception"

            testCase "attempt: failing work folds via onError"
            <| fun () ->
                let effect =
                    Effect.attempt
                        "try"
                        (fun _ -> task { return failwith "nope" })
                        (fun (n: int) (s: string) _ -> Reply.state $"{s} ok {n}")
                        (fun ex s _ -> Reply.ok $"{s} failed: {ex.Message}" [ Patch.text "#err" ex.Message ])

                let reply = (runEffect effect) "state" ctx
                Expect.equal reply.State "state failed: nope" "onError folded the exception"
                Expect.equal reply.Patches [ Patch.text "#err" "nope" ] "onError's patches"

            testCase "attempt: successful work folds via onDone"
            <| fun () ->
                let effect =
                    Effect.attempt
                        "try"
                        (fun _ -> Task.FromResult 3)
                        (fun n (s: int) _ -> Reply.state (s * n))
                        (fun _ _ _ -> failtest "onError must not run")

                Expect.equal ((runEffect effect) 7 ctx).State 21 "onDone"

            testCase "Reply.map lifts the state, patches and effects, nested effects too"
            <| fun () ->
                let nested =
                    Effect.perform "second" (fun _ -> Task.FromResult 100) (fun r (s: int) _ -> Reply.state (s + r))

                let first =
                    Effect.perform "first" (fun _ -> Task.FromResult 1) (fun r (s: int) _ ->
                        Reply.ok (s + r) [ Patch.text "#c" "first" ] |> Reply.withEffect nested)

                let inner = Reply.ok 5 [ Patch.text "#c" "5" ] |> Reply.withEffect first
                let get o = o.Count
                let set o c = { o with Count = c }
                let outer = Reply.map get set { Count = 0; Label = "keep" } inner
                Expect.equal outer.State { Count = 5; Label = "keep" } "the inner state is set into the outer one"
                Expect.equal outer.Patches [ Patch.text "#c" "5" ] "patches kept"
                Expect.equal (outer.Effects |> List.map _.Name) [ "first" ] "effects kept"

                // The effect's result arrives later, against whatever the outer state is then.
                let afterFirst = (runEffect outer.Effects.Head) { Count = 40; Label = "later" } ctx
                Expect.equal afterFirst.State { Count = 41; Label = "later" } "get reads the current outer state"
                Expect.equal afterFirst.Patches [ Patch.text "#c" "first" ] "the fold's patches"
                Expect.equal (afterFirst.Effects |> List.map _.Name) [ "second" ] "the nested effect is lifted"

                let afterSecond = (runEffect afterFirst.Effects.Head) afterFirst.State ctx

                Expect.equal
                    afterSecond.State
                    { Count = 141; Label = "later" }
                    "the nested effect folds the outer state"

            testCase "Effect.map lifts one effect"
            <| fun () ->
                let lifted = Effect.map _.Count (fun o c -> { o with Count = c }) (load 2)
                Expect.equal lifted.Name "load" "name kept"
                let reply = (runEffect lifted) { Count = 1; Label = "x" } ctx
                Expect.equal reply.State { Count = 3; Label = "x" } "folded into the outer state"
                Expect.equal reply.Patches [ Patch.text "#n" "2" ] "patches kept"

            testCase "Page.erase keeps effects working on a boxed state"
            <| fun () ->
                let page =
                    Page.create "posts" (fun _ -> 0) (fun n -> str (string n))
                    |> Page.on "load" (fun s _ -> Reply.ok s [ Patch.text "#n" "loading" ] |> Reply.withEffect (load 5))

                let erased = Page.erase page

                match Page.update erased (boxed 1) ctx with
                | Error e -> failtest e.Message
                | Ok reply ->
                    Expect.equal reply.State (boxed 1) "boxed state"
                    Expect.equal reply.Patches [ Patch.text "#n" "loading" ] "patches"
                    Expect.equal reply.Effects.Length 1 "one effect"

                    match Page.apply (runEffect reply.Effects.Head) (boxed 10) ctx with
                    | Ok folded ->
                        Expect.equal folded.State (boxed 15) "folded on the boxed state"
                        Expect.equal folded.Patches [ Patch.text "#n" "5" ] "the effect's patches"
                    | Error e -> failtest e.Message

            testCase "Page.apply turns a throwing or null fold into HandlerFailed"
            <| fun () ->
                Expect.isError (Page.apply (fun (_: int) _ -> failwith "x") 0 ctx) "throwing fold"
                Expect.isError (Page.apply (fun (_: int) _ -> Unchecked.defaultof<Reply<int>>) 0 ctx) "null fold"

            testCase "Effect.stream reports each item in turn, folded in order, and ends without a change"
            <| fun () ->
                let effect = (import { Done = 0 } ctx).Effects.Head
                let reported = Collections.Generic.List<Import -> ActionContext -> Reply<Import>>()

                let last =
                    (effect.Run effectContext (fun fold ->
                        reported.Add fold
                        Task.CompletedTask))
                        .GetAwaiter()
                        .GetResult()

                let folded, patches =
                    reported
                    |> Seq.fold
                        (fun (state, patches) fold ->
                            let reply = fold state ctx
                            reply.State, patches @ reply.Patches)
                        ({ Done = 0 }, [])

                Expect.equal folded { Done = 3 } "every row folded, in order"

                Expect.equal patches [ for n in 1..3 -> Patch.text "#progress" $"{n} rows" ] "a patch per row, in order"

                Expect.equal (last folded ctx).State folded "the end changes nothing"
                Expect.isEmpty (last folded ctx).Patches "and sends nothing"

            testCase "Reply.WithEffect and WithPatches append"
            <| fun () ->
                let reply =
                    (Reply.ok 1 [ Patch.text "#a" "1" ])
                        .WithPatches(Patch.Remove "#b", Patch.ScrollTop)
                        .WithEffect(load 1)
                        .WithEffect(load 2)

                Expect.equal reply.Patches [ Patch.text "#a" "1"; Delete "#b"; ScrollToTop ] "patches in order"
                Expect.equal reply.Effects.Length 2 "two effects"
                Expect.equal ((runEffect reply.Effects[1]) 0 ctx).State 2 "the second effect is load 2"
        ]
