namespace LiveView

open System.Threading.Tasks

/// What a handler returns: the new state, the patches to send, and the effects for the host to run.
type Reply<'S> =
    {
        /// The page's state after the handler.
        State: 'S
        /// The changes to apply in the browser, in order.
        Patches: Patch list
        /// Slow or impure work for the host to run; each result is folded back into the state.
        Effects: Effect<'S> list
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

    /// A reply that changes the state and sends nothing (C#: `return state;`).
    static member op_Implicit(state: 'S) : Reply<'S> =
        {
            State = state
            Patches = []
            Effects = []
        }

    /// A reply with one patch (C#: `return (state, Patch.Html(...));`).
    static member op_Implicit(struct (state: 'S, patch: Patch)) : Reply<'S> =
        {
            State = state
            Patches = [ patch ]
            Effects = []
        }

    /// A reply with several patches (C#: `return (state, new[] { ... });`).
    static member op_Implicit(struct (state: 'S, patches: Patch array)) : Reply<'S> =
        {
            State = state
            Patches = List.ofArray patches
            Effects = []
        }

/// Work that happens outside the pure page function: the host runs `Run`, then folds the handler it yields into
/// the page's state through the connection's loop, like another action.
and Effect<'S> =
    {
        /// A name for logs and tests (e.g. `load_posts`).
        Name: string
        /// The work. Its result is a handler that the host applies to the state current when the work ends.
        Run: EffectContext -> Task<'S -> ActionContext -> Reply<'S>>
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

    /// The same reply over a wider state: `set outer inner` puts the new inner state into the outer one, and every
    /// effect is lifted the same way (`get` reads the inner state back when an effect's result arrives).
    let rec map (get: 'Outer -> 'S) (set: 'Outer -> 'S -> 'Outer) (outer: 'Outer) (reply: Reply<'S>) : Reply<'Outer> =
        {
            State = set outer reply.State
            Patches = reply.Patches
            Effects = reply.Effects |> List.map (mapEffect get set)
        }

    /// Lifts an effect over a wider state; see `map`.
    and mapEffect (get: 'Outer -> 'S) (set: 'Outer -> 'S -> 'Outer) (effect: Effect<'S>) : Effect<'Outer> =
        {
            Name = effect.Name
            Run =
                fun ctx ->
                    task {
                        let! fold = effect.Run ctx
                        return fun outer actx -> map get set outer (fold (get outer) actx)
                    }
        }
