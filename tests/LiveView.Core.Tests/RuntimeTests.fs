module LiveView.Core.Tests.RuntimeTests

open System
open System.Globalization
open System.Security.Claims
open Expecto
open FsCheck
open FsCheck.FSharp
open LiveView
open LiveView.Core.Tests.Support
open LiveView.Core.Tests.RuntimeHarness

let private config =
    { FsCheckConfig.defaultConfig with
        maxTest = 300
    }

let private genIndex = Gen.choose (0, 20)

/// Commands over every test page, and pages that do not exist.
let private genCommand =
    Gen.frequency
        [
            6,
            Gen.map2
                (fun page handler -> Send(page, handler))
                (Gen.elements [ "a"; "a"; "b"; "c"; "x" ])
                (Gen.elements [ "inc"; "inc"; "boom"; "load"; "load"; "pair"; "send_page"; "mount"; "nope" ])
            3, Gen.map End genIndex
            1, Gen.map Throw genIndex
            1, Gen.map Answer (Gen.frequency [ 3, Gen.constant true; 1, Gen.constant false ])
            3, Gen.map Deliver genIndex
            1, Gen.constant Shout
        ]

/// Commands on the page `a` alone (already mounted): its handlers and its effects' ends.
let private genOnA =
    Gen.frequency
        [
            5,
            Gen.elements [ "inc"; "boom"; "load"; "pair"; "nope" ]
            |> Gen.map (fun h -> Send("a", h))
            3, Gen.map End genIndex
            1, Gen.map Throw genIndex
            3, Gen.map Deliver genIndex
            1, Gen.constant Shout
        ]

let private commands gen = Arb.fromGen (Gen.listOf gen)

let private caps = Gen.choose (1, 6)

let private runAll host commands = List.fold run host commands

/// The client actions sent whose wait the client counts (all but `mount`, which our client does not count).
let private counted (host: Host) =
    host.Sent
    |> List.filter (fun action -> action.Name.Handler <> Protocol.MountHandler)

let private outputsSince (before: Host) (after: Host) =
    after.Outputs |> List.skip before.Outputs.Length

let private patchesOf outputs =
    outputs
    |> List.collect (function
        | Output.Frames(_, patches, _) -> patches
        | _ -> [])

/// Folds that reached an instance they were not for, or came through a timer the state had dropped.
let private foreignFolds host =
    host.Outputs
    |> List.filter (function
        | Output.Fail(Fault.Page(HandlerFailed(_, error)), _, _)
        | Output.Log(Fault.Page(HandlerFailed(_, error))) ->
            error.Message = "foreign fold" || error.Message = "a dropped timer ticked"
        | _ -> false)

/// The subscriptions the host runs are exactly the live page's.
let private subscriptionsFollowTheLivePage host =
    let expected =
        match Runtime.live host.Runtime with
        | Some live -> set [ for s in live.Subscriptions -> live.Id, string s ]
        | None -> Set.empty

    Expect.equal host.Active expected "the host runs the live page's subscriptions, and no other"

/// The context the runtime gives a handler at step `n`.
let private handlerContext n (action: ClientAction) =
    {
        Origin = Origin.Client action.Name
        Action = action
        Culture = CultureInfo.InvariantCulture
        User = ClaimsPrincipal(ClaimsIdentity())
        Connection = Context.Connection
        Random = Random n
        Now = (env n).Now
    }

/// Steps `command` through the runtime and through a model that folds page `a`'s handlers by hand; fails on any
/// difference of state or patches.
let private lockstep (host: Host, model: Counted) command =
    match command with
    | Send(_, handler) ->
        let action = actionFor "a" handler |> ClientAction.withData "n" (string host.Steps)

        let expected =
            match pageA.Handlers.TryFind handler with
            | Some fold ->
                match Page.apply fold model (handlerContext host.Steps action) with
                | Ok reply -> reply.State, reply.Patches
                | Error _ -> model, []
            | None -> model, []

        let after = run host command
        Expect.equal (liveState after) (Some(fst expected)) $"the state after {handler}"
        Expect.equal (patchesOf (outputsSince host after)) (snd expected) $"the patches of {handler}"
        after, fst expected
    | End index
    | Throw index when not host.InFlight.IsEmpty ->
        let id, work = host.InFlight[index % host.InFlight.Length]

        let expected =
            match command with
            | End _ when not (host.Cancelled.Contains id) ->
                let fold = (startWork work).Result

                match Page.apply fold (box model |> nonNull) (handlerContext host.Steps (actionFor "a" "x")) with
                | Ok reply -> unbox<Counted> reply.State
                | Error error -> failtest error.Message
            | _ -> model

        let after = run host command
        Expect.equal (liveState after) (Some expected) $"the state after the end of effect {id}"
        after, expected
    | Deliver _
    | Shout ->
        let live = (Runtime.live host.Runtime).Value

        let wanted, origin, message =
            match command with
            | Deliver index ->
                match subscribedAt index host with
                | Some(owner, subscription) ->
                    let origin, message = messageOf subscription
                    owner = live.Id && List.contains subscription live.Subscriptions, origin, message
                | None -> false, Origin.Timer "none", nonNull (box Hello)
            | _ -> true, Origin.Message("Hello", "connection"), nonNull (box Hello)

        let expected =
            if wanted then
                let handler = pageA.Messages |> List.find (fun h -> h.Type.IsInstanceOfType message)

                let ctx =
                    { handlerContext host.Steps (actionFor "a" "x") with
                        Origin = origin
                        Action = null
                    }

                match Page.apply (handler.Fold message) model ctx with
                | Ok reply -> reply.State
                | Error error -> failtest error.Message
            else
                model

        let after = run host command
        Expect.equal (liveState after) (Some expected) $"the state after {command}"
        after, expected
    | _ -> run host command, model

[<Tests>]
let tests =
    testList
        "Runtime"
        [
            testPropertyWithConfig
                config
                "the step agrees with folding the page's handlers and effects' results by hand"
            <| Prop.forAll (commands genOnA) (fun commands ->
                let host = run (start 64) (Send("a", "mount"))
                let model = (liveState host).Value
                commands |> List.fold lockstep (host, model) |> ignore)

            testPropertyWithConfig
                config
                "over any interleaving: the cap holds, no result folds into another page, every action is answered once"
            <| Prop.forAll (Arb.fromGen (Gen.zip caps (Gen.listOf genCommand))) (fun (cap, commands) ->
                let host = runAll (start cap) commands

                Expect.isEmpty host.Broken "no rule broken while stepping"
                Expect.isEmpty (foreignFolds host) "no effect result, message or tick reached another instance"
                subscriptionsFollowTheLivePage host

                // Before draining, no action is answered more often than it was sent.
                for action in counted host |> List.distinctBy _.Name do
                    let sent =
                        counted host |> List.filter (fun a -> a.Name = action.Name) |> List.length

                    let settled = host.Outputs |> List.filter (settles action.Name) |> List.length
                    Expect.isLessThanOrEqual settled sent $"{action.Name} answered at most as often as sent"

                // Once every effect has ended and every mount is authorized, each action is answered exactly once.
                let drained = drain host
                Expect.isEmpty drained.Broken "no rule broken while draining"
                subscriptionsFollowTheLivePage drained
                Expect.equal drained.Runtime.EffectsInFlight 0 "nothing in flight"
                Expect.isFalse drained.Runtime.Saturated "not saturated"

                for action in counted drained |> List.distinctBy _.Name do
                    let sent =
                        counted drained |> List.filter (fun a -> a.Name = action.Name) |> List.length

                    let settled = drained.Outputs |> List.filter (settles action.Name) |> List.length
                    Expect.equal settled sent $"{action.Name} answered exactly once per send")

            testPropertyWithConfig config "of several effects of one name, only the latest one's result folds"
            <| Prop.forAll (Arb.fromGen (Gen.zip (Gen.choose (2, 6)) (Gen.listOf genIndex))) (fun (loads, ends) ->
                let host = run (start 64) (Send("a", "mount"))
                let host = List.replicate loads (Send("a", "load")) |> runAll host
                let lastLoad = string (host.Steps - 1)
                let host = ends |> List.map End |> runAll host |> drain
                let state = (liveState host).Value
                Expect.equal state.Count 10 "one load's result folded"
                Expect.equal state.Last lastLoad "the latest load's"
                Expect.equal (host.Cancelled.Count) (loads - 1) "the others were cancelled")

            testPropertyWithConfig config "the later navigation wins, whatever order the mounts' effects end in"
            <| Prop.forAll
                (Arb.fromGen (
                    Gen.listOf (
                        Gen.oneof
                            [
                                Gen.map (fun p -> Send(p, "send_page")) (Gen.elements [ "a"; "b" ])
                                Gen.map End genIndex
                            ]
                    )
                ))
                (fun commands ->
                    let host = runAll (start 4) commands |> drain

                    let navigations =
                        host.Sent |> List.filter (fun a -> a.Name.Handler = Protocol.SendPageHandler)

                    match List.tryLast navigations with
                    | None -> Expect.isNone (livePage host) "no page"
                    | Some last ->
                        Expect.equal (livePage host) (Some last.Name.Page) "the last navigation's page is live"

                        let shown =
                            host.Outputs
                            |> List.choose (function
                                | Output.Frames(answer, patches, _) when
                                    patches
                                    |> List.exists (function
                                        | PushUrl _ -> true
                                        | _ -> false)
                                    ->
                                    Some answer.Page
                                | _ -> None)

                        Expect.equal (List.tryLast shown) (Some last.Name.Page) "the last page shown is the live one"
                        Expect.isEmpty (foreignFolds host) "no effect result reached another instance")

            testPropertyWithConfig config "a refused page is never mounted and its handlers are never reached"
            <| Prop.forAll (commands genCommand) (fun commands ->
                let refuseAll =
                    commands
                    |> List.map (function
                        | Answer _ -> Answer false
                        | command -> command)

                let rec refuse host =
                    match host.Authorizations, host.InFlight with
                    | [], [] -> host
                    | _ :: _, _ -> refuse (run host (Answer false))
                    | [], _ -> refuse (run host (End 0))

                let host = runAll (start 3) refuseAll |> refuse
                Expect.notEqual (livePage host) (Some "c") "c is never live"

                for output in host.Outputs do
                    match output with
                    | Output.Frames(answer, patches, _) when answer.Page = "c" ->
                        Expect.isEmpty patches "nothing of c is ever sent"
                    | Output.Start(_, _, origin) ->
                        Expect.notEqual origin.Root (Origin.Mount "c") "c's mount never runs"
                    | _ -> ())

            testCase "a first action for a page not mounted mounts it, mount effects included, then folds it"
            <| fun () ->
                let host = run (start 4) (Send("b", "inc"))
                Expect.isTrue host.Runtime.IsMounting "mounting: its effect runs"
                Expect.equal (outputsSince (start 4) host |> List.length) 1 "only the mount effect's start"
                let host = run host (End 0)
                Expect.equal (liveState host |> Option.map _.Count) (Some 1001) "mounted (1000), then inc"

                Expect.equal
                    (host.Outputs
                     |> List.filter (settles { Page = "b"; Handler = "inc" })
                     |> List.length)
                    1
                    "answered once"

            testCase
                "the runtime owes an action sent while its page mounts, and an effect waiting for a slot, until each begins"
            <| fun () ->
                let host = runAll (start 4) [ Send("b", "send_page"); Send("b", "inc") ]
                Expect.isTrue host.Runtime.Owes "inc waits for b's mount"
                let host = run host (End 0)
                Expect.isFalse host.Runtime.Owes "mounted, inc folded"
                Expect.equal (liveState host |> Option.map _.Count) (Some 1001) "mounted (1000), then inc"

                let host = runAll (start 4) [ Send("b", "inc") ]
                Expect.isTrue host.Runtime.Owes "a v1 client's first action waits for the mount it implies"
                Expect.isFalse (run host (End 0)).Runtime.Owes "folded"

                let host =
                    runAll (start 1) [ Send("a", "mount"); Send("a", "load"); Send("a", "load") ]

                Expect.isTrue host.Runtime.Owes "the second load waits for a slot"
                let host = run host (End 0)
                Expect.isFalse host.Runtime.Owes "started when the first ended"
                Expect.isFalse (run host (End 0)).Runtime.Owes "nothing owed once every effect ended"

            testPropertyWithConfig
                config
                "once the client is gone, steps fold and start effects but send nothing and start no subscription"
            <| Prop.forAll (Arb.fromGen (Gen.zip caps (Gen.listOf genCommand))) (fun (cap, commands) ->
                let host = runAll (start cap) commands

                let closed =
                    { host with
                        Runtime = Runtime.close host.Runtime
                    }

                let drained = drain closed

                for output in outputsSince closed drained do
                    match output with
                    | Output.Frames _
                    | Output.Push _
                    | Output.Fail _
                    | Output.Subscribe _
                    | Output.Retrack _ -> failtestf "after the close: %A" output
                    | _ -> ()

                Expect.isFalse drained.Runtime.Owes "everything owed began")

            testCase "an action sent while its page mounts is folded after the client is gone, with nothing sent"
            <| fun () ->
                let host = runAll (start 4) [ Send("b", "send_page"); Send("b", "inc") ]

                let closed =
                    { host with
                        Runtime = Runtime.close host.Runtime
                    }

                let mounted = run closed (End 0)
                Expect.equal (liveState mounted |> Option.map _.Count) (Some 1001) "mounted, then inc"
                Expect.isEmpty (outputsSince closed mounted) "no frame, no subscription"

            testCase "the page's title is followed after every action, as its layout renders it"
            <| fun () ->
                let host = runAll (start 4) [ Send("b", "send_page"); End 0 ]
                let before = host
                let host = run host (Send("b", "inc"))

                Expect.equal
                    (patchesOf (outputsSince before host))
                    [ Patch.text "#n" "1001"; SetTitle "b 1001 · site" ]
                    "the title changed with the state"

                let before = host
                let host = run host (Send("a", "inc")) // another page: no title patch from b

                Expect.isFalse
                    (patchesOf (outputsSince before host)
                     |> List.exists (function
                         | SetTitle _ -> true
                         | _ -> false))
                    "a's title never changes"

            testCase "a page whose title fails for the new state rolls the fold back"
            <| fun () ->
                let host =
                    runAll
                        (start 4)
                        [
                            Send("b", "send_page")
                            End 0
                            Send("b", "inc")
                            Send("b", "inc")
                            Send("b", "inc")
                        ]

                let host = run host (Send("b", "inc")) // 1003 -> 1004: the title fails at 1004 % 7 = 3
                Expect.equal (liveState host |> Option.map _.Count) (Some 1003) "the state is the one before"

                match List.last host.Outputs with
                | Output.Fail(Fault.Page(HandlerFailed(Origin.Client name, _)), ValueSome answer, false) ->
                    Expect.equal
                        (name, answer)
                        ({ Page = "b"; Handler = "inc" }, { Page = "b"; Handler = "inc" })
                        "b->inc"
                | other -> failtestf "expected a failure, got %A" other

            testCase "navigating away cancels the old page's effects; their late results are dropped"
            <| fun () ->
                let host =
                    runAll (start 4) [ Send("a", "mount"); Send("a", "load"); Send("b", "send_page") ]

                let load = fst host.InFlight.Head
                let host = run host (End 1) // b's mount effect
                Expect.equal (livePage host) (Some "b") "b is live"
                Expect.contains host.Cancelled load "a's load was cancelled"
                let before = host
                let host = run host (End 0) // a's load, late
                Expect.isEmpty (outputsSince before host) "its result is dropped, silently"
                Expect.equal (liveState host |> Option.map _.Count) (Some 1000) "b is as mounted"

            testCase "at the cap, effects wait for a slot, start in order, and the runtime says it is saturated"
            <| fun () ->
                let host =
                    runAll (start 2) [ Send("a", "mount"); Send("a", "pair"); Send("a", "load") ]

                Expect.equal host.InFlight.Length 2 "two started"
                Expect.isTrue host.Runtime.Saturated "saturated"
                let host = run host (End 0)
                Expect.equal host.InFlight.Length 2 "the waiting one started when a slot freed"
                Expect.isTrue host.Runtime.Saturated "still saturated: both slots taken"
                let host = run host (End 0)
                Expect.isFalse host.Runtime.Saturated "not saturated: a slot is free"

                let started =
                    host.Outputs
                    |> List.choose (function
                        | Output.Start(_, work, _) -> Some work.Name
                        | _ -> None)

                Expect.equal started [ "x"; "y"; "load" ] "in the order they were asked for"

            testPropertyWithConfig
                config
                "the runtime is a function of its inputs: the same commands give the same frames"
            <| Prop.forAll (commands genCommand) (fun commands ->
                let frames host =
                    host.Outputs
                    |> List.map (function
                        | Output.Frames(answer, patches, loading) -> sprintf "%O %A %b" answer patches loading
                        | Output.Fail(fault, answer, loading) -> sprintf "%s %A %b" fault.Message answer loading
                        | other -> other.GetType().Name)

                Expect.equal (frames (runAll (start 3) commands)) (frames (runAll (start 3) commands)) "same frames")

            testCase "each fold's random numbers come from its input's generator"
            <| fun () ->
                let dice =
                    Page.create "dice" (fun ctx -> ctx.Random.Next()) (fun n ->
                        Giraffe.ViewEngine.HtmlElements.str (string n))
                    |> Page.on "roll" (fun _ ctx -> Reply.state (ctx.Random.Next()))
                    |> Page.erase

                let site =
                    { new ISite with
                        member _.FindPage _ = dice
                        member _.Url(_, _) = Ok "/"
                        member _.DocumentTitle(_, _, title, _) = title
                        member _.Culture _ = CultureInfo.InvariantCulture
                        member _.IsGuarded _ = false
                    }

                let roll seed runtime =
                    Runtime.step
                        site
                        (Input.Action(actionFor "dice" "roll", { env 0 with Random = Random seed }))
                        runtime
                    |> fst

                let state runtime =
                    Runtime.live runtime |> Option.map (fun live -> unbox<int> live.State)

                // The first input mounts the page (init draws once), then rolls (draws again), from one generator.
                let seven = Random 7
                let initDraw, rollDraw = seven.Next(), seven.Next()
                let runtime = Runtime.start Context.Connection (ClaimsPrincipal()) 1 |> roll 7
                Expect.notEqual initDraw rollDraw "two draws"
                Expect.equal (state runtime) (Some rollDraw) "init, then the roll, drew from Random(7) in turn"
                let runtime = roll 42 runtime
                Expect.equal (state runtime) (Some(Random(42).Next())) "the next input's roll drew from its Random(42)"
        ]
