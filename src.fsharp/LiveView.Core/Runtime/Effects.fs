namespace LiveView

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
