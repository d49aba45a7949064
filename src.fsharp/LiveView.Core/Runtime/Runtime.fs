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
    }

/// How a navigation ends when its page is mounted.
type internal Arrival =
    /// `send_page`: the page is shown in `#main` with its URL, title and meta tags.
    | Show
    /// `mount` (the page is on screen already) or a first paint over HTTP: nothing is sent.
    | Silent
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
    }

/// An effect whose result is still wanted: running, or deferred until a slot is free.
type internal Running =
    {
        Id: int64
        Name: string
        /// The instance (or the navigation building it) whose state the result folds into.
        Owner: int64
        /// The client action it answers (0: a mount's).
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
        }

    /// The live page, or null before the first mount.
    member x.Page: Page<obj> | null =
        match x.Live with
        | ValueSome live -> live.Page
        | ValueNone -> null

    /// The live page instance, or null before the first mount.
    member x.Instance: Instance | null =
        match x.Live with
        | ValueSome live -> live
        | ValueNone -> null

    /// True while a page is being mounted (authorizing, or its mount effects running).
    member x.IsMounting = x.Mounting.IsSome

    /// Effects started and not ended, wanted or not.
    member x.EffectsInFlight = x.InFlight

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

/// The runtime's effect bookkeeping: slots, deferral, abandonment and tickets.
module internal Effects =

    let emit output acc = { acc with Out = output :: acc.Out }

    let private ticket id acc = Map.tryFind id acc.Rt.Tickets

    /// How many effects of the ticket's action are still wanted.
    let openOf id acc =
        match Map.tryFind id acc.Rt.Tickets with
        | Some t -> t.Open
        | None -> 0

    let private adjust id delta acc =
        match ticket id acc with
        | Some t ->
            { acc with
                Rt =
                    { acc.Rt with
                        Tickets = Map.add id { t with Open = t.Open + delta } acc.Rt.Tickets
                    }
            }
        | None -> acc

    /// Opens a ticket for a client action's fold.
    let openTicket answer acc =
        let id = acc.Rt.Next

        id,
        { acc with
            Rt =
                { acc.Rt with
                    Next = id + 1L
                    Tickets = Map.add id { Answer = answer; Open = 0 } acc.Rt.Tickets
                }
        }

    /// Forgets a ticket whose effects have all ended.
    let closeIfDone id acc =
        if openOf id acc = 0 then
            { acc with
                Rt =
                    { acc.Rt with
                        Tickets = Map.remove id acc.Rt.Tickets
                    }
            }
        else
            acc

    /// One effect of the ticket ended without a fold: when it was the last, the action is answered as done.
    let private settle id acc =
        match ticket id acc with
        | Some t when t.Open = 1 ->
            acc
            |> adjust id -1
            |> emit (Output.Frames(t.Answer, [], false))
            |> closeIfDone id
        | Some _ -> adjust id -1 acc
        | None -> acc

    /// The effect's result is no longer wanted: a deferred one is dropped, a started one cancelled (it keeps its
    /// slot until it ends).
    let abandon id acc =
        match Map.tryFind id acc.Rt.Effects with
        | None -> acc
        | Some running ->
            let rt =
                { acc.Rt with
                    Effects = Map.remove id acc.Rt.Effects
                }

            let acc =
                if running.Deferred.IsSome then
                    { acc with
                        Rt =
                            { rt with
                                Queue = Set.remove id rt.Queue
                            }
                    }
                else
                    { acc with
                        Rt =
                            { rt with
                                Abandoned = Map.add id (Origin.Effect(running.Name, running.StartedBy)) rt.Abandoned
                            }
                    }
                    |> emit (Output.Cancel id)

            if running.Ticket = 0L then
                acc
            else
                settle running.Ticket acc

    /// Abandons every effect whose result would fold into `owner`.
    let abandonOwnedBy owner acc =
        acc.Rt.Effects
        |> Seq.filter (fun pair -> pair.Value.Owner = owner)
        |> Seq.map _.Key
        |> List.ofSeq
        |> List.fold (fun acc id -> abandon id acc) acc

    /// True while an effect whose result folds into `owner` is wanted.
    let pendingFor owner acc =
        acc.Rt.Effects |> Map.exists (fun _ running -> running.Owner = owner)

    /// Starts `effect` for `owner` (answering `ticketId`, 0 for none) or defers it when every slot is taken. A wanted
    /// effect of the same owner and name is superseded: the newer one wins and the older one's result is dropped.
    let startEffect owner ticketId (startedBy: Origin) lang (effect: Effect<obj>) acc =
        let superseded =
            acc.Rt.Effects
            |> Map.tryFindKey (fun _ running -> running.Owner = owner && running.Name = effect.Name)

        let id = acc.Rt.Next
        let deferred = acc.Rt.InFlight >= acc.Rt.MaxEffects

        let running =
            {
                Id = id
                Name = effect.Name
                Owner = owner
                Ticket = ticketId
                StartedBy = startedBy.Root
                Lang = lang
                Deferred = if deferred then ValueSome effect else ValueNone
            }

        let acc =
            { acc with
                Rt =
                    { acc.Rt with
                        Next = id + 1L
                        Effects = Map.add id running acc.Rt.Effects
                        Queue = if deferred then Set.add id acc.Rt.Queue else acc.Rt.Queue
                        InFlight = if deferred then acc.Rt.InFlight else acc.Rt.InFlight + 1
                    }
            }
            |> adjust ticketId 1

        let acc =
            if deferred then
                acc
            else
                emit (Output.Start(id, effect, Origin.Effect(effect.Name, running.StartedBy))) acc

        // The newer effect is counted first, so that superseding within one action does not answer it early.
        match superseded with
        | Some old -> abandon old acc
        | None -> acc

    /// Starts deferred effects, oldest first, while slots are free.
    let rec startDeferred acc =
        if acc.Rt.InFlight >= acc.Rt.MaxEffects || acc.Rt.Queue.IsEmpty then
            acc
        else
            let id = acc.Rt.Queue.MinimumElement
            let running = acc.Rt.Effects[id]
            let work = running.Deferred.Value

            { acc with
                Rt =
                    { acc.Rt with
                        Queue = Set.remove id acc.Rt.Queue
                        InFlight = acc.Rt.InFlight + 1
                        Effects = Map.add id { running with Deferred = ValueNone } acc.Rt.Effects
                    }
            }
            |> emit (Output.Start(id, work, Origin.Effect(running.Name, running.StartedBy)))
            |> startDeferred

    /// How an effect's end is taken.
    type Ended =
        /// Its result is wanted.
        | Wanted of Running
        /// It was abandoned; this was its origin.
        | Dropped of Origin
        /// Not an effect in flight (a duplicate, or not started).
        | Unknown

    /// An effect ended: its slot is free.
    let finish id acc =
        match Map.tryFind id acc.Rt.Abandoned with
        | Some origin ->
            Dropped origin,
            { acc with
                Rt =
                    { acc.Rt with
                        Abandoned = Map.remove id acc.Rt.Abandoned
                        InFlight = acc.Rt.InFlight - 1
                    }
            }
        | None ->
            match Map.tryFind id acc.Rt.Effects with
            | Some running when running.Deferred.IsNone ->
                let acc =
                    { acc with
                        Rt =
                            { acc.Rt with
                                Effects = Map.remove id acc.Rt.Effects
                                InFlight = acc.Rt.InFlight - 1
                            }
                    }
                    |> adjust running.Ticket -1

                Wanted running, acc
            | _ -> Unknown, acc
