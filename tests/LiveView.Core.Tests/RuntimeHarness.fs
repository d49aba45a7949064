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

/// A message for the instance tagged `From` (through its topic `t{From}` or its timer).
type Note = { From: int64 }

/// A message for whichever page is live.
type Hello = Hello

/// The topic of the instance tagged `tag`.
let topicOf (tag: int64) = $"t{tag}"

/// Folds a note, failing loudly if it reaches another instance than the one that subscribed, or comes through a timer
/// the state no longer asks for.
let private heard (timer: bool) (note: Note) (state: Counted) (_: ActionContext) =
    if note.From <> state.Tag then
        failwith "foreign fold"

    if timer && state.Count % 2 = 0 then
        failwith "a dropped timer ticked"

    Reply.ok { state with Last = "note" } [ Patch.text "#note" (string state.Count) ]

/// Every test page listens to its own topic, and to a timer while its count is odd.
let private subscriptions (state: Counted) =
    [
        Subscription.Topic(topicOf state.Tag)
        if state.Count % 2 = 1 then
            Subscription.Every("beat", TimeSpan.FromSeconds 1., { From = state.Tag })
    ]

/// A timer's message is boxed `Note` too; it is told apart by its origin.
let private onNote (note: Note) (state: Counted) (ctx: ActionContext) =
    match ctx.Origin with
    | Origin.Timer _ -> heard true note state ctx
    | _ -> heard false note state ctx

let private counting name =
    Page.create
        name
        (fun ctx ->
            {
                Tag = ctx.Now.Ticks
                Count = 0
                Last = ""
            })
        (fun s -> output [ _id "n" ] [ str (string s.Count) ])
    |> Page.withSubscriptions subscriptions
    |> Page.onMessage onNote
    |> Page.onMessage (fun Hello s _ -> Reply.ok { s with Last = "hello" } [ Patch.text "#hello" (string s.Count) ])
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

/// A test application of `pages` (erased), each at `/<name>`, whose layout adds " · site" to titles; `guarded`
/// pages need authorization.
let siteOf (pages: Page<obj> list) (guarded: string) =
    let byName = Map.ofList [ for page in pages -> page.Name, page ]

    { new ISite with
        member _.FindPage name =
            match Map.tryFind name byName with
            | Some page -> page
            | None -> null

        member _.Url(page, _) = Ok("/" + page)
        member _.DocumentTitle(_, _, title, _) = title + " · site"
        member _.Culture _ = CultureInfo.InvariantCulture
        member _.IsGuarded page = page = guarded
    }

/// The test application: `a`, `b` and `c` at `/a`, `/b`, `/c`; `c` guarded.
let site = siteOf [ Page.erase pageA; Page.erase pageB; Page.erase pageC ] "c"

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
    /// A message comes through the `Index`-th subscription ever started (modulo their number), stopped ones included.
    | Deliver of Index: int
    /// A message to the connection (for whichever page is live).
    | Shout

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
        /// Every subscription ever started, oldest first.
        Subscribed: (int64 * Subscription) list
        /// The subscriptions running.
        Active: Set<int64 * string>
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
        Subscribed = []
        Active = Set.empty
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
                | Output.Subscribe(owner, subscription) ->
                    let key = owner, string subscription

                    { host with
                        Subscribed = host.Subscribed @ [ owner, subscription ]
                        Active = Set.add key host.Active
                        Broken =
                            host.Broken
                            @ [
                                if host.Active.Contains key then
                                    $"started {key} twice"
                            ]
                    }
                | Output.Retrack(owner, before, after) ->
                    let key = owner, string before

                    { host with
                        Active = host.Active |> Set.remove key |> Set.add (owner, string after)
                        Broken =
                            host.Broken
                            @ [
                                if not (host.Active.Contains key) then
                                    $"updated {key}, which was not running"
                            ]
                    }
                | Output.Unsubscribe(owner, subscription) ->
                    let key = owner, string subscription

                    { host with
                        Active = Set.remove key host.Active
                        Broken =
                            host.Broken
                            @ [
                                if not (host.Active.Contains key) then
                                    $"stopped {key}, which was not running"
                            ]
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

/// What the host delivers through a test page's subscription: its origin and message.
let messageOf (subscription: Subscription) =
    match subscription with
    | Subscription.Timer(name, _, _, message) -> Origin.Timer name, message
    | Subscription.OnTopic topic ->
        Origin.Message("Note", $"topic {topic}"), nonNull (box { From = int64 (topic.Substring 1) })
    | other -> failwith $"no test page subscribes to {other}"

/// The subscription a `Deliver index` command goes through.
let subscribedAt index (host: Host) =
    match host.Subscribed with
    | [] -> None
    | subscribed -> Some subscribed[index % subscribed.Length]

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
    | Deliver index ->
        match subscribedAt index host with
        | None -> host
        | Some(owner, subscription) ->

            let origin, message = messageOf subscription
            step (Input.Message(owner, ValueSome subscription, origin, message, env host.Steps)) host
    | Shout ->
        step
            (Input.Message(0L, ValueNone, Origin.Message("Hello", "connection"), nonNull (box Hello), env host.Steps))
            host
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
