/// A fake host for the runtime: it steps inputs, keeps the effects started and the authorizations asked for, and
/// ends them when a test says. Test pages whose effects check they fold into the instance that started them.
module LiveView.Core.Tests.RuntimeHarness

open System
open System.Globalization
open System.Security.Claims
open Giraffe.ViewEngine
open LiveView
open LiveView.Core.Tests.Support

/// The state of every test page: a tag unique to its mount, and a count.
type Counted =
    { Tag: int64; Count: int; Last: string }

/// What an effect of a test page yields: the tag of the instance that started it, and what to add.
type Result =
    { From: int64; Add: int; Label: string }

/// Folds an effect's result, failing loudly if it reaches another instance than the one that started it.
let private fold (result: Result) (state: Counted) (_: ActionContext) =
    if result.From <> state.Tag then
        failwith "foreign fold"

    Reply.ok
        { state with
            Count = state.Count + result.Add
            Last = result.Label
        }
        [ Patch.text "#n" (string (state.Count + result.Add)) ]

/// An effect named `name` that yields `add` (and `label`) for the instance of `state`.
let private effect name add label (state: Counted) =
    Effect.perform
        name
        (fun _ ->
            System.Threading.Tasks.Task.FromResult
                {
                    From = state.Tag
                    Add = add
                    Label = label
                })
        fold

let private counting name =
    Page.create
        name
        (fun ctx ->
            {
                Tag = ctx.Now.Ticks
                Count = 0
                Last = ""
            })
        (fun s -> str (string s.Count))
    |> Page.on "inc" (fun s _ -> Reply.ok { s with Count = s.Count + 1 } [ Patch.text "#n" (string (s.Count + 1)) ])
    |> Page.on "boom" (fun _ _ -> failwith "boom")
    |> Page.on "load" (fun s ctx ->
        Reply.state s
        |> Reply.withEffect (effect "load" 10 (ctx.Data "n" |> Option.ofObj |> Option.defaultValue "") s))
    |> Page.on "pair" (fun s _ ->
        Reply.state s
        |> Reply.withEffect (effect "x" 100 "x" s)
        |> Reply.withEffect (effect "y" 1000 "y" s))

/// `a`: a counter with effects. `b`: the same, whose mount loads through an effect (+1000) and whose title fails
/// for counts of 3 modulo 7 (a fold that reaches one fails).
/// `c`: the same, behind authorization.
let pageA = counting "a"

let pageB =
    counting "b"
    |> Page.onMount (fun s _ -> Reply.state s |> Reply.withEffect (effect "init" 1000 "init" s))
    |> Page.withTitle (fun s -> if s.Count % 7 = 3 then failwith "title" else $"b {s.Count}")

let pageC = counting "c"

let private pages =
    Map.ofList [ for page in [ pageA; pageB; pageC ] -> page.Name, Page.erase page ]

/// The test application: `a`, `b` and `c` at `/a`, `/b`, `/c`; `c` guarded.
let site =
    { new ISite with
        member _.FindPage name =
            match Map.tryFind name pages with
            | Some page -> page
            | None -> null

        member _.Url(page, _) = Ok("/" + page)
        member _.DocumentTitle(_, _, title, _) = title + " · site"
        member _.Culture _ = CultureInfo.InvariantCulture
        member _.IsGuarded page = page = "c"
    }

/// What a test does next.
type Command =
    /// A client action `page->handler` (with `data-n` = the command's position).
    | Send of Page: string * Handler: string
    /// The work of the `Index`-th effect in flight (modulo their number) ends with its result.
    | End of Index: int
    /// The work of the `Index`-th effect in flight throws.
    | Throw of Index: int
    /// The oldest authorization asked for is answered.
    | Answer of Allowed: bool

/// The fake host's state.
type Host =
    {
        Runtime: Runtime
        /// The cap on effects in flight.
        Max: int
        /// Started and not ended, oldest first.
        InFlight: (int64 * Effect<obj>) list
        /// Ids the runtime asked to cancel.
        Cancelled: Set<int64>
        /// Navigations waiting for an answer.
        Authorizations: int64 list
        /// Every output, oldest first.
        Outputs: Output list
        /// Every client action sent, oldest first.
        Sent: ClientAction list
        Steps: int
        /// Rules the runtime broke, as sentences.
        Broken: string list
    }

let start (maxEffects: int) =
    {
        Runtime = Runtime.start Context.Connection (ClaimsPrincipal(ClaimsIdentity())) maxEffects
        Max = maxEffects
        InFlight = []
        Cancelled = Set.empty
        Authorizations = []
        Outputs = []
        Sent = []
        Steps = 0
        Broken = []
    }

/// The environment of step `n`: a clock reading and a generator seeded with `n`, unique to it.
let env n : Env =
    {
        Now = DateTimeOffset.UnixEpoch.AddTicks(int64 n + 1L)
        Random = Random n
    }

/// Steps the runtime over `input` and takes in its outputs.
let step input (host: Host) =
    let runtime, outputs = Runtime.step site input host.Runtime

    let host =
        outputs
        |> List.fold
            (fun (host: Host) output ->
                match output with
                | Output.Start(id, work, _) ->
                    { host with
                        InFlight = host.InFlight @ [ id, work ]
                    }
                | Output.Cancel id ->
                    let broken =
                        if host.InFlight |> List.exists (fst >> (=) id) then
                            host.Broken
                        else
                            host.Broken @ [ $"cancelled effect {id}, which is not in flight" ]

                    { host with
                        Cancelled = Set.add id host.Cancelled
                        Broken = broken
                    }
                | Output.Authorize(navigation, _) ->
                    { host with
                        Authorizations = host.Authorizations @ [ navigation ]
                    }
                | _ -> host)
            { host with
                Runtime = runtime
                Outputs = host.Outputs @ outputs
                Steps = host.Steps + 1
            }

    let inFlight = List.length host.InFlight

    let broken =
        [
            if inFlight > host.Max then
                $"{inFlight} effects in flight, more than the cap of {host.Max}"
            if runtime.EffectsInFlight <> inFlight then
                $"the runtime counts {runtime.EffectsInFlight} effects in flight, the host {inFlight}"
        ]

    { host with
        Broken = host.Broken @ broken
    }

/// Ends the effect at `index` among those in flight: its work runs now and its end is stepped.
let private endEffect index fails (host: Host) =
    match host.InFlight with
    | [] -> host
    | inFlight ->
        let id, work = inFlight[index % inFlight.Length]

        let host =
            { host with
                InFlight = inFlight |> List.filter (fst >> (<>) id)
            }

        let input =
            if fails then
                Input.EffectFailed(id, TimeoutException "the work failed")
            else
                Input.EffectDone(id, (startWork work).Result, env host.Steps)

        step input host

/// Does what `command` says.
let run (host: Host) command =
    match command with
    | Send(page, handler) ->
        let action = actionFor page handler |> ClientAction.withData "n" (string host.Steps)

        step
            (Input.Action(action, env host.Steps))
            { host with
                Sent = host.Sent @ [ action ]
            }
    | End index -> endEffect index false host
    | Throw index -> endEffect index true host
    | Answer allowed ->
        match host.Authorizations with
        | [] -> host
        | navigation :: rest ->
            let verdict = if allowed then Verdict.Allowed else Verdict.Forbidden

            step (Input.Authorized(navigation, verdict, env host.Steps)) { host with Authorizations = rest }

/// Answers every authorization (allowing) and ends every effect in flight, until nothing is left.
let rec drain (host: Host) =
    match host.Authorizations, host.InFlight with
    | [], [] -> host
    | _ :: _, _ -> drain (run host (Answer true))
    | [], _ -> drain (run host (End 0))

/// The live page's state, if a page is live.
let liveState host =
    Runtime.live host.Runtime |> Option.map (fun live -> unbox<Counted> live.State)

/// The name of the live page, if a page is live.
let livePage host =
    Runtime.live host.Runtime |> Option.map _.Page.Name

/// True when `output` ends the client's wait for an action of `name`: a frame without `loading`, or an error.
let settles (name: ActionName) output =
    match output with
    | Output.Frames(answer, _, false) -> answer = name
    | Output.Fail(_, ValueSome answer, false) -> answer = name
    | _ -> false
