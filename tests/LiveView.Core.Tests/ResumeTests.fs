/// The rules for a reconnecting client's mount that carries a snapshot of its page's state: the page resumes from the
/// state (no init, no mount handler; its resume handler if it has one) or mounts afresh, and the mount is answered.
module LiveView.Core.Tests.ResumeTests

open System
open System.Security.Claims
open System.Threading.Tasks
open Expecto
open FsCheck
open FsCheck.FSharp
open Giraffe.ViewEngine
open LiveView
open LiveView.Core.Tests.Support

/// The state of the test pages: a count, whether the mount handler ran, how often the resume handler ran.
type Kept =
    {
        Count: int
        Mounted: bool
        Resumes: int
    }

/// Counts below this make the view throw.
let private broken = -1000

let private view (s: Kept) =
    if s.Count < broken then
        failwith "view"

    div
        []
        [
            output [ _id "n" ] [ str (string s.Count) ]
            p [] [ str (if s.Mounted then "mounted" else "") ]
        ]

let private keeping name =
    Page.create
        name
        (fun _ ->
            {
                Count = 0
                Mounted = false
                Resumes = 0
            })
        view
    |> Page.withTitle (fun s -> $"{name} {s.Count}")
    |> Page.withSubscriptions (fun s -> [ Subscription.Topic $"n{s.Count}" ])
    |> Page.onMount (fun s _ -> Reply.state { s with Mounted = true })
    |> Page.on "inc" (fun s _ -> Reply.state { s with Count = s.Count + 1 })

/// `k` keeps its state; `f` forgets it; `g` keeps it behind authorization; `r` has a resume handler that counts and
/// catches up through an effect (+100).
let private pageK = keeping "k"

let private pageF = keeping "f" |> Page.forgetState
let private pageG = keeping "g"

let private catchUp =
    Effect.perform "catch_up" (fun _ -> Task.FromResult 100) (fun add (s: Kept) _ ->
        Reply.state { s with Count = s.Count + add })

let private pageR =
    keeping "r"
    |> Page.onResume (fun s _ -> Reply.state { s with Resumes = s.Resumes + 1 } |> Reply.withEffect catchUp)

let private site =
    RuntimeHarness.siteOf [ for page in [ pageK; pageF; pageG; pageR ] -> Page.erase page ] "g"

let private env: Env =
    {
        Now = DateTimeOffset.UnixEpoch
        Random = Random 1
    }

/// Steps `input`, runs the effects it starts to their end and answers authorizations with `allowed`; every output.
let rec private drive allowed (runtime, outputs) input =
    let runtime, produced = Runtime.step site input runtime

    produced
    |> List.fold
        (fun (runtime, outputs) output ->
            match output with
            | Output.Start(id, work, _) -> drive allowed (runtime, outputs) (Input.EffectDone(id, runEffect work, env))
            | Output.Authorize(id, _) ->
                let verdict = if allowed then Verdict.Allowed else Verdict.Forbidden
                drive allowed (runtime, outputs) (Input.Authorized(id, verdict, env))
            | _ -> runtime, outputs)
        (runtime, outputs @ produced)

let private fresh () =
    Runtime.start Context.Connection (ClaimsPrincipal(ClaimsIdentity())) 4

/// A reconnecting client's mount of `page` showing the view of fingerprint `view`, with `snapshot`.
let private reconnect allowed page view snapshot =
    let mount =
        { actionFor page Protocol.MountHandler with
            View = view
        }

    drive allowed (fresh (), []) (Input.Resume(mount, snapshot, env))

/// The same page mounted by a first paint's mount (no snapshot).
let private mountPlain page =
    drive true (fresh (), []) (Input.Action(actionFor page Protocol.MountHandler, env))

/// A value as the host gives a decoded state: boxed, never null.
let private boxed (value: 'T) : obj = Unchecked.nonNull (box value)

let private liveState (runtime: Runtime) =
    Runtime.live runtime |> Option.map (fun live -> unbox<Kept> live.State)

let private fingerprintOf (state: Kept) =
    let struct (_, tree) = ViewTree.render (ViewMemo()) (fun () -> view state)
    ViewHtml.fingerprint tree

/// A reconnecting client of `page` that shows the view of `state` and sends its snapshot, decoded.
let private resumeShowing allowed page state =
    reconnect allowed page (Some(fingerprintOf state)) (Snapshot.Decoded(boxed state))

let private reconnected outputs =
    outputs
    |> List.choose (function
        | Output.Reconnected(_, outcome) -> Some outcome
        | _ -> None)

/// The frames answering the mount.
let private answers page outputs =
    outputs
    |> List.choose (function
        | Output.Frames(answer, patches, _) when answer.Page = page && answer.Handler = Protocol.MountHandler ->
            Some patches
        | _ -> None)

let private started outputs =
    outputs
    |> List.filter (function
        | Output.Start _ -> true
        | _ -> false)

/// The page mounted afresh because the restored state could not be resumed.
let private expectUnusable outputs =
    match reconnected outputs with
    | [ Error(SnapshotRejection.Unusable _) ] -> ()
    | other -> failtest $"reported {other}"

let private subscribed outputs =
    outputs
    |> List.choose (function
        | Output.Subscribe(_, s) -> Some s
        | _ -> None)

let private genState =
    gen {
        let! count = Gen.choose (0, 500)
        let! mounted = Gen.elements [ true; false ]
        let! resumes = Gen.choose (0, 3)

        return
            {
                Count = count
                Mounted = mounted
                Resumes = resumes
            }
    }

let private genRejection =
    Gen.oneof
        [
            Gen.constant SnapshotRejection.Unreadable
            Gen.choose (1, 10000)
            |> Gen.map (fun m -> SnapshotRejection.Expired(TimeSpan.FromMinutes(float m)))
            Gen.constant SnapshotRejection.ShapeChanged
            Gen.elements [ "$.Count"; "JsonException" ] |> Gen.map SnapshotRejection.Unfit
            Gen.choose (1, 1_000_000) |> Gen.map SnapshotRejection.TooLarge
            Gen.constant SnapshotRejection.NotKept
        ]

let private genSnapshot =
    Gen.oneof
        [
            genState |> Gen.map (fun s -> Snapshot.Decoded(boxed s))
            genRejection |> Gen.map Snapshot.Rejected
        ]

let private genKeeping =
    Gen.elements [ StateKeeping.IfPossible; StateKeeping.Required; StateKeeping.Forgotten ]

let private config =
    { FsCheckConfig.defaultConfig with
        maxTest = 200
    }

let private property name (gen: Gen<'T>) (check: 'T -> unit) =
    testPropertyWithConfig config name (Prop.forAll (Arb.fromGen gen) check)

[<Tests>]
let tests =
    testList
        "Resume"
        [
            property
                "decide: a page that forgets its state never resumes; a rejected snapshot never does; a decoded one does"
                (Gen.zip genKeeping genSnapshot)
                (fun (keeping, snapshot) ->
                    let expected =
                        match keeping, snapshot with
                        | StateKeeping.Forgotten, _ -> Error SnapshotRejection.NotKept
                        | _, Snapshot.Rejected why -> Error why
                        | _, Snapshot.Decoded state -> Ok state

                    Expect.equal (Resume.decide keeping snapshot) expected "the decision")

            testCase "decide: a snapshot that decodes to nothing does not resume"
            <| fun () ->
                match Resume.decide StateKeeping.IfPossible (Snapshot.Decoded(Unchecked.defaultof<obj>)) with
                | Error(SnapshotRejection.Unfit _) -> ()
                | other -> failtest $"resumed from nothing: {other}"

            property
                "a decoded snapshot resumes the page with its state, runs neither init nor the mount handler, starts no effect, and follows the state's subscriptions"
                genState
                (fun state ->
                    let runtime, outputs = resumeShowing true "k" state

                    Expect.equal (liveState runtime) (Some state) "the state is the snapshot's, untouched"
                    Expect.equal (reconnected outputs) [ Ok() ] "reported as resumed"
                    Expect.isEmpty (started outputs) "no effect starts"

                    Expect.equal
                        (subscribed outputs)
                        [ Subscription.Topic $"n{state.Count}" ]
                        "the state's subscriptions")

            property
                "when the client shows the restored state's view, the mount is answered with nothing: no jump"
                genState
                (fun state ->
                    let _, outputs = resumeShowing true "k" state

                    Expect.equal (answers "k" outputs) [ [] ] "one answer, with no patches")

            property
                "when the client shows another view (or cannot vouch for it), the restored state's view goes whole, with its title"
                (Gen.zip genState (Gen.elements [ None; Some "AAAAAAAAAAAAAAAA" ]))
                (fun (state, shown) ->
                    let _, outputs = reconnect true "k" shown (Snapshot.Decoded(boxed state))

                    match answers "k" outputs with
                    | [ [ Swap(selector, _, false); SetTitle title ] ] ->
                        Expect.equal selector Protocol.MainSelector "the view goes whole into #main"
                        Expect.equal title $"k {state.Count} · site" "the restored state's document title"
                    | other -> failtest $"unexpected answer {other}")

            property
                "a rejected snapshot mounts the page afresh (init and mount handler), as a plain mount would, and says why"
                (Gen.zip genRejection (Gen.elements [ "k"; "r" ]))
                (fun (why, page) ->
                    let runtime, outputs =
                        reconnect
                            true
                            page
                            (Some(
                                fingerprintOf
                                    {
                                        Count = 7
                                        Mounted = true
                                        Resumes = 0
                                    }
                            ))
                            (Snapshot.Rejected why)

                    let plain, _ = mountPlain page
                    Expect.equal (liveState runtime) (liveState plain) "the state of a fresh mount"
                    Expect.equal (liveState runtime |> Option.map _.Mounted) (Some true) "the mount handler ran"
                    Expect.equal (reconnected outputs) [ Error why ] "reported with its reason"
                    // The client showed another state: it gets the fresh one whole, answering its mount.
                    Expect.equal (answers page outputs |> List.map List.length) [ 2 ] "the view whole and the title")

            property "a page that forgets its state mounts afresh whatever snapshot it is sent" genState (fun state ->
                let runtime, outputs = resumeShowing true "f" state

                Expect.equal (liveState runtime |> Option.map _.Count) (Some 0) "init's state"
                Expect.equal (reconnected outputs) [ Error SnapshotRejection.NotKept ] "reported as not kept")

            testCase "a fresh mount whose view is the one the client shows is answered with nothing"
            <| fun () ->
                let shown =
                    fingerprintOf
                        {
                            Count = 0
                            Mounted = true
                            Resumes = 0
                        }

                let _, outputs =
                    reconnect true "k" (Some shown) (Snapshot.Rejected SnapshotRejection.ShapeChanged)

                Expect.equal (answers "k" outputs) [ [] ] "one answer, with no patches"

            property
                "a restored state the page cannot show (its view throws) mounts the page afresh"
                (Gen.choose (Int32.MinValue, broken - 1))
                (fun count ->
                    let state =
                        {
                            Count = count
                            Mounted = false
                            Resumes = 0
                        }

                    let runtime, outputs = reconnect true "k" None (Snapshot.Decoded(boxed state))
                    Expect.equal (liveState runtime |> Option.map _.Count) (Some 0) "init's state"
                    expectUnusable outputs)

            property
                "a decoded snapshot of another type never throws: the page mounts afresh"
                (Gen.oneof
                    [
                        Gen.constant (boxed "text")
                        Gen.constant (boxed 42)
                        Gen.constant (boxed [ 1; 2 ])
                    ])
                (fun wrong ->
                    let runtime, outputs = reconnect true "k" None (Snapshot.Decoded wrong)
                    Expect.equal (liveState runtime |> Option.map _.Mounted) (Some true) "a fresh mount"
                    expectUnusable outputs)

            property
                "the resume handler runs instead of the mount handler, its effects fold in first, and what it changed goes as changes"
                genState
                (fun state ->
                    let runtime, outputs = resumeShowing true "r" state

                    Expect.equal
                        (liveState runtime)
                        (Some
                            { state with
                                Count = state.Count + 100
                                Resumes = state.Resumes + 1
                            })
                        "resumed, counted, caught up"

                    match answers "r" outputs with
                    | [ [ Changes _; SetTitle title ] ] ->
                        Expect.equal title $"r {state.Count + 100} · site" "the new title"
                    | other -> failtest $"unexpected answer {other}")

            property
                "a resume is authorized like any mount: refused, the page is not resumed"
                (Gen.zip genState (Gen.elements [ true; false ]))
                (fun (state, allowed) ->
                    let runtime, outputs = resumeShowing allowed "g" state

                    if allowed then
                        Expect.equal (liveState runtime) (Some state) "resumed once allowed"
                    else
                        Expect.equal (liveState runtime) None "nothing is live"
                        Expect.isEmpty (reconnected outputs) "nothing resumed"

                        Expect.exists
                            outputs
                            (function
                            | Output.Fail(Fault.Refused _, _, _) -> true
                            | _ -> false)
                            "refused")

            property
                "a snapshot with anything but a mount is ignored: the action goes as it is"
                genSnapshot
                (fun snapshot ->
                    let runtime, _ = mountPlain "k"

                    let runtime, outputs =
                        drive true (runtime, []) (Input.Resume(actionFor "k" "inc", snapshot, env))

                    Expect.equal (liveState runtime |> Option.map _.Count) (Some 1) "the action folded"
                    Expect.isEmpty (reconnected outputs) "no resume")
        ]
