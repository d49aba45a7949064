namespace LiveView.Testing

open System
open System.Collections.Generic
open LiveView

/// A tab of the test's world: a page under test, as the hub reaches it.
type internal ITab =
    /// Its connection id.
    abstract Connection: string
    /// Its user's id (`NameIdentifier`, else the name), if signed in.
    abstract UserId: string option
    /// What its live page listens to, by page instance.
    abstract Listening: (int64 * Subscription) list
    /// Queues a message for page instance `owner` (0: whichever is live).
    abstract Receive: owner: int64 * via: Subscription voption * origin: Origin * message: obj -> unit
    /// Steps over what is queued (and runs effects when they run at once); true when there was something to do.
    abstract Pump: unit -> bool
    /// Fires its timers due by `until`, oldest first; the time of the earliest one due, if any.
    abstract NextTimer: until: DateTimeOffset -> DateTimeOffset option
    /// Fires its timers due at `time`.
    abstract Fire: time: DateTimeOffset -> unit

/// Someone present in a topic: a page of a tab, or someone the test made join.
type private Present =
    {
        Topic: string
        Key: string
        mutable Meta: Map<string, string>
        /// The tab and page instance tracking it; None: someone the test added (another user).
        Owner: (ITab * int64) option
    }

/// The world a test's pages share, as the app's hub and pub/sub make it for the tabs of a running app: topics,
/// presence, messages to a connection, a user or everyone, and the clock. Each `LiveTest` has its own unless several
/// are given the same (`LiveTestOptions.Hub`): then a broadcast of one reaches the others, and they see each other in
/// presence lists.
[<Sealed; AllowNullLiteral>]
type LiveTestHub(now: DateTimeOffset) =
    let tabs = ResizeArray<ITab>()
    let present = ResizeArray<Present>()
    let mutable clock = now
    let mutable connections = 0

    let presenceOf (p: Present) =
        {
            Key = p.Key
            Meta = p.Meta :> IReadOnlyDictionary<string, string>
        }

    let everyoneIn topic =
        [|
            for p in present do
                if p.Topic = topic then
                    presenceOf p
        |]

    let origin topic =
        Origin.Message(nameof PresenceChanged, $"presence {topic}")

    /// Tells every page watching `topic`'s presence what changed.
    let changed (topic: string) (joined: Present list) (left: Present list) (updated: Present list) =
        let change =
            {
                Topic = topic
                Present = everyoneIn topic
                Joined = [| for p in joined -> presenceOf p |]
                Left = [| for p in left -> presenceOf p |]
                Updated = [| for p in updated -> presenceOf p |]
            }

        for tab in List.ofSeq tabs do
            for owner, subscription in tab.Listening do
                match subscription with
                | Subscription.OnPresence watched when watched = topic ->
                    tab.Receive(owner, ValueSome subscription, origin topic, change)
                | _ -> ()

    let ownedBy (tab: ITab) (owner: int64) (p: Present) =
        match p.Owner with
        | Some(t, o) -> obj.ReferenceEquals(t, tab) && o = owner
        | None -> false

    /// A hub whose clock starts at the Unix epoch.
    new() = LiveTestHub(DateTimeOffset.UnixEpoch)

    /// The clock the hub's pages read (`ctx.Now`).
    member _.Now = clock

    member internal _.NewConnection() =
        connections <- connections + 1
        $"test-{connections}"

    member internal _.Add(tab: ITab) = tabs.Add tab

    /// Steps every tab until none has anything left to do.
    member internal _.Pump() =
        let mutable busy = true

        while busy do
            busy <- false

            for tab in List.ofSeq tabs do
                if tab.Pump() then
                    busy <- true

    /// Sends `b` where the app's pub/sub would: the pages subscribed to its topic, its connection, its user's tabs,
    /// or everyone.
    member internal _.Route(b: Broadcast) =
        let origin = Origin.Message(b.Message.GetType().Name, string b.To)

        for tab in List.ofSeq tabs do
            match b.To.Kind with
            | AudienceKind.Topic ->
                for owner, subscription in tab.Listening do
                    match subscription with
                    | Subscription.OnTopic topic when topic = b.To.Name ->
                        tab.Receive(owner, ValueSome subscription, origin, b.Message)
                    | _ -> ()
            | AudienceKind.Connection when tab.Connection = b.To.Name -> tab.Receive(0L, ValueNone, origin, b.Message)
            | AudienceKind.User when tab.UserId = Some b.To.Name -> tab.Receive(0L, ValueNone, origin, b.Message)
            | AudienceKind.Everyone -> tab.Receive(0L, ValueNone, origin, b.Message)
            | _ -> ()

    /// Page instance `owner` of `tab` watches `topic`'s presence: it gets everyone present, as joined.
    member internal _.Watch(tab: ITab, owner: int64, subscription: Subscription, topic: string) =
        let everyone = everyoneIn topic

        tab.Receive(
            owner,
            ValueSome subscription,
            origin topic,
            {
                Topic = topic
                Present = everyone
                Joined = everyone
                Left = [||]
                Updated = [||]
            }
        )

    member internal _.Track(tab: ITab, owner: int64, topic: string, key: string, meta: Map<string, string>) =
        let entry =
            {
                Topic = topic
                Key = key
                Meta = meta
                Owner = Some(tab, owner)
            }

        present.Add entry
        changed topic [ entry ] [] []

    member internal _.Untrack(tab: ITab, owner: int64, topic: string, key: string) =
        match
            present
            |> Seq.tryFind (fun p -> ownedBy tab owner p && p.Topic = topic && p.Key = key)
        with
        | Some entry ->
            present.Remove entry |> ignore
            changed topic [] [ entry ] []
        | None -> ()

    member internal _.Retrack(tab: ITab, owner: int64, topic: string, key: string, meta: Map<string, string>) =
        match
            present
            |> Seq.tryFind (fun p -> ownedBy tab owner p && p.Topic = topic && p.Key = key)
        with
        | Some entry ->
            entry.Meta <- meta
            changed topic [] [] [ entry ]
        | None -> ()

    /// Someone else (another user's tab, not a page of the test) becomes present in `topic` under `key` with `meta`.
    member this.Join(topic: string, key: string, meta: IReadOnlyDictionary<string, string> | null) =
        let entry =
            {
                Topic = topic
                Key = key
                Meta =
                    match meta with
                    | null -> Map.empty
                    | meta -> Map.ofSeq [ for pair in meta -> pair.Key, pair.Value ]
                Owner = None
            }

        present.Add entry
        changed topic [ entry ] [] []
        this.Pump()

    /// Someone else added with `Join` (all their entries under `key`) leaves `topic`.
    member this.Leave(topic: string, key: string) =
        let leaving =
            present
            |> Seq.filter (fun p -> p.Owner.IsNone && p.Topic = topic && p.Key = key)
            |> List.ofSeq

        for entry in leaving do
            present.Remove entry |> ignore

        if not leaving.IsEmpty then
            changed topic [] leaving []

        this.Pump()

    /// Broadcasts `message` to `audience`, as the app's `ILiveHub` would from outside the pages.
    member this.Send(audience: Audience, message: obj) =
        this.Route { To = audience; Message = message }
        this.Pump()

    /// Who is present in `topic` now, in the order they joined.
    member _.Present(topic: string) : IReadOnlyList<Presence> = everyoneIn topic

    /// Moves the clock on by `time`: every tab's timers fire as they fall due, in order of time.
    member this.Advance(time: TimeSpan) =
        let until = clock + time
        let mutable due = true

        while due do
            match tabs |> Seq.choose (fun tab -> tab.NextTimer until) |> Seq.sort |> Seq.tryHead with
            | None -> due <- false
            | Some time ->
                clock <- time

                for tab in List.ofSeq tabs do
                    tab.Fire time

                this.Pump()

        clock <- until
