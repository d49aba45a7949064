namespace LiveView

open System.Security.Claims

/// The live page of a connection: one mount of one page.
type Instance =
    {
        /// Unique on its connection, increasing with each mount.
        Id: int64
        /// The page.
        Page: Page<obj>
        /// Its state.
        State: obj
        /// Its URL (empty when it was mounted by a first action and has none).
        Url: string
        /// Its title (`Page.Title`) as last shown, to tell when it changes.
        Title: string
        /// The language it was mounted in.
        Lang: string option
        /// What it listens to (`Page.Subscriptions` of its state), as last started.
        Subscriptions: Subscription list
        /// The tree of its view's last render: what the next render is compared with.
        View: ViewNode list
        /// What the client shows of it: the last render with the hand-written patches sent since followed on it
        /// (ValueNone once one went where it cannot be followed: the view is sent whole when it next changes).
        Shown: ViewNode list voption
        /// The parts of its view kept between renders (`Live.memo`).
        Memo: ViewMemo
    }

    /// Whether its state shows what was asked for (`Page.notFoundWhen`): the status code of its first paint.
    member x.Status: PageStatus = x.Page.Status x.State

/// How a navigation ends when its page is mounted.
type internal Arrival =
    /// `send_page`: the page is shown in `#main` with its URL, title and meta tags.
    | Show
    /// `mount` (the page is on screen already, painted over HTTP): nothing is sent, unless the client's view (by its
    /// fingerprint, `ViewHtml.fingerprint`, when it sent one) is not the one the page renders: then the view again.
    /// A reconnecting client's mount carries a snapshot of the page's state (`Input.Resume`): the page resumes from it
    /// or mounts afresh, and the mount is answered (the view whole and the title, unless the client shows it).
    | Silent of Shown: string option * Snapshot: Snapshot voption
    /// A first paint over HTTP: nothing is sent; what the client will be shown has the mount's patches applied.
    | Paint
    /// A first action for a page that was not mounted (a Django LiveView v1 client): mount, then fold it.
    | Implicit of ClientAction * Env

/// A page being mounted: authorizing, or waiting for its mount effects.
type internal Mounting =
    {
        Id: int64
        Page: Page<obj>
        Url: string
        Params: Map<string, string>
        Lang: string option
        Arrival: Arrival
        /// What its frames and errors answer (none for a first paint over HTTP).
        Answer: ActionName voption
        /// The state and mount patches, once authorized and initialised.
        Building: (obj * Patch list) voption
        /// Actions for the page that arrived meanwhile, newest first; folded once it is mounted.
        Waiting: (ClientAction * Env) list
        /// Mount effects started so far.
        Started: int
        /// The state it resumes from, when it resumes from a reconnecting client's snapshot (the client shows its view).
        Restored: obj voption
    }

/// An effect whose result is still wanted: running, or deferred until a slot is free.
type internal Running =
    {
        Id: int64
        Name: string
        /// The instance (or the navigation building it) whose state the result folds into.
        Owner: int64
        /// The client action it answers (0: none, a mount's or a message's).
        Ticket: int64
        /// The client action or mount that started it.
        StartedBy: Origin
        /// The language of its folds.
        Lang: string option
        /// The work, while it waits for a slot.
        Deferred: Effect<obj> voption
    }

/// A client action whose effects still run: its frames say `loading` until the last one ends.
type internal Ticket = { Answer: ActionName; Open: int }

/// What the runtime knows of one connection (or one first paint): the live page, a navigation in progress, and
/// the effects in flight. Changed only by `Runtime.step`.
type Runtime =
    internal
        {
            Connection: string
            User: ClaimsPrincipal
            MaxEffects: int
            Live: Instance voption
            Mounting: Mounting voption
            /// Effects whose results are wanted.
            Effects: Map<int64, Running>
            /// Of those, the ones waiting for a slot, oldest first by id.
            Queue: Set<int64>
            /// Started effects whose results are no longer wanted, until they end; they still hold a slot.
            Abandoned: Map<int64, Origin>
            /// Started effects that have not ended (wanted or abandoned).
            InFlight: int
            Tickets: Map<int64, Ticket>
            Next: int64
            /// The client is gone (`Runtime.close`): what is still owed settles, and nothing is sent or listened to.
            Closed: bool
        }

    /// The live page instance, or null before the first mount.
    member x.Instance: Instance | null =
        match x.Live with
        | ValueSome live -> live
        | ValueNone -> null

    /// True while a page is being mounted (authorizing, or its mount effects running).
    member x.IsMounting = x.Mounting.IsSome

    /// Effects started and not ended, wanted or not.
    member x.EffectsInFlight = x.InFlight

    /// True once the client is gone (`Runtime.close`).
    member x.IsClosed = x.Closed

    /// True while the runtime holds work a user asked for that has not begun: client actions waiting for a page
    /// being mounted (a v1 client's first action included) or effects waiting for a slot. When the socket closes,
    /// the host keeps stepping effect ends while this holds, so that a message sent just before the tab closed
    /// is still folded and its writes start (nothing is sent any more).
    member x.Owes =
        not x.Queue.IsEmpty
        || (match x.Mounting with
            | ValueSome navigation ->
                not navigation.Waiting.IsEmpty
                || (match navigation.Arrival with
                    | Implicit _ -> true
                    | _ -> false)
            | ValueNone -> false)

    /// True when the connection has as much work as it may: every effect slot taken, or as many actions waiting
    /// for a page being mounted. The host stops reading the client until this changes.
    member x.Saturated =
        x.InFlight >= x.MaxEffects
        || not x.Queue.IsEmpty
        || (match x.Mounting with
            | ValueSome navigation -> List.length navigation.Waiting >= x.MaxEffects
            | ValueNone -> false)

/// A step in progress: the runtime so far and the outputs so far (newest first).
type internal Acc =
    {
        Site: ISite
        Rt: Runtime
        Out: Output list
    }
