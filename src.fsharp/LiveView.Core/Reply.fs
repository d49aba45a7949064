namespace LiveView

open System.Threading.Tasks

/// What a handler returns: the new state, the patches to send, the effects for the host to run, and the messages to
/// broadcast.
type Reply<'S> =
    {
        /// The page's state after the handler.
        State: 'S
        /// The changes to apply in the browser, in order.
        Patches: Patch list
        /// Slow or impure work for the host to run; each result is folded back into the state.
        Effects: Effect<'S> list
        /// Messages for other pages (or this one), sent once the fold has succeeded, in order.
        Broadcasts: Broadcast list
    }

    /// The same reply with `effect` added.
    member x.WithEffect(effect: Effect<'S>) =
        { x with
            Effects = x.Effects @ [ effect ]
        }

    /// The same reply with `patches` added after its own.
    member x.WithPatches([<System.ParamArray>] patches: Patch array) =
        { x with
            Patches = x.Patches @ List.ofArray patches
        }

    /// The same reply with `message` broadcast to `audience` (C#: `.Broadcast(Audience.Topic("room:1"), said)`).
    member x.Broadcast<'M>(audience: Audience, message: 'M) =
        { x with
            Broadcasts =
                x.Broadcasts
                @ [
                    {
                        To = audience
                        Message =
                            match box message with
                            | null -> nullArg (nameof message)
                            | message -> message
                    }
                ]
        }

    /// A reply that changes the state and sends nothing (C#: `return state;`).
    static member op_Implicit(state: 'S) : Reply<'S> =
        {
            State = state
            Patches = []
            Effects = []
            Broadcasts = []
        }

    /// A reply with one patch (C#: `return (state, Patch.Html(...));`).
    static member op_Implicit(struct (state: 'S, patch: Patch)) : Reply<'S> =
        {
            State = state
            Patches = [ patch ]
            Effects = []
            Broadcasts = []
        }

    /// A reply with several patches (C#: `return (state, new[] { ... });`).
    static member op_Implicit(struct (state: 'S, patches: Patch array)) : Reply<'S> =
        {
            State = state
            Patches = List.ofArray patches
            Effects = []
            Broadcasts = []
        }

/// Work that happens outside the pure page function: the host runs `Run`, then folds the handler it yields into
/// the page's state through the connection's loop, like another action. Work that reports as it goes hands each
/// partial result to the function it is given (`report`): each is folded in as it arrives, in order.
and Effect<'S> =
    {
        /// A name for logs and tests (e.g. `load_posts`); a newer effect of the same name on the page supersedes it.
        Name: string
        /// The work: given its context and `report`, it returns the handler that folds its result into the state
        /// current when the work ends. `report` folds a partial result in at once (its task completes when the
        /// connection has taken it: a slow page slows the work down, it never queues without bound).
        Run: EffectContext -> (('S -> ActionContext -> Reply<'S>) -> Task) -> Task<'S -> ActionContext -> Reply<'S>>
        /// How a test supplies the work's result instead of running it (work that yields one result:
        /// `Effect.perform`, `Effect.attempt`); ValueNone for work that reports as it goes.
        Supply: EffectSupply<'S> voption
    }

/// A result a test may supply in place of an effect's work: its type, and the fold of a result of that type.
and EffectSupply<'S> =
    {
        /// The type of the work's result.
        Yields: System.Type
        /// The handler that folds a result (of type `Yields`) into the state.
        Fold: obj -> 'S -> ActionContext -> Reply<'S>
    }

/// Building replies in F#.
[<RequireQualifiedAccess; CompilationRepresentation(CompilationRepresentationFlags.ModuleSuffix)>]
module Reply =

    /// The new state and its patches, no effects.
    let ok (state: 'S) (patches: Patch list) : Reply<'S> =
        {
            State = state
            Patches = patches
            Effects = []
            Broadcasts = []
        }

    /// The new state alone.
    let state (state: 'S) : Reply<'S> = ok state []

    /// Adds an effect.
    let withEffect (effect: Effect<'S>) (reply: Reply<'S>) = reply.WithEffect effect

    /// Adds patches after the reply's own.
    let withPatches (patches: Patch list) (reply: Reply<'S>) =
        { reply with
            Patches = reply.Patches @ patches
        }

    /// Broadcasts `message` to `audience` once the fold succeeds (`Audience.Topic "room:1"`, `Audience.User id`...).
    let broadcast (audience: Audience) (message: 'M) (reply: Reply<'S>) = reply.Broadcast(audience, message)

    /// The same reply over a wider state: `set outer inner` puts the new inner state into the outer one, and every
    /// effect is lifted the same way (`get` reads the inner state back when an effect's result arrives).
    let rec map (get: 'Outer -> 'S) (set: 'Outer -> 'S -> 'Outer) (outer: 'Outer) (reply: Reply<'S>) : Reply<'Outer> =
        {
            State = set outer reply.State
            Patches = reply.Patches
            Effects = reply.Effects |> List.map (mapEffect get set)
            Broadcasts = reply.Broadcasts
        }

    /// Lifts an effect over a wider state; see `map`.
    and mapEffect (get: 'Outer -> 'S) (set: 'Outer -> 'S -> 'Outer) (effect: Effect<'S>) : Effect<'Outer> =
        let lift (fold: 'S -> ActionContext -> Reply<'S>) =
            fun outer actx -> map get set outer (fold (get outer) actx)

        {
            Name = effect.Name
            Run =
                fun ctx report ->
                    task {
                        let! fold = effect.Run ctx (lift >> report)
                        return lift fold
                    }
            Supply =
                effect.Supply
                |> ValueOption.map (fun supply ->
                    {
                        Yields = supply.Yields
                        Fold = supply.Fold >> lift
                    })
        }
