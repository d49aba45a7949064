namespace LiveView

open System
open System.Threading.Tasks

/// Effects as data: values that describe slow or impure work; the host runs them and folds their results back.
[<RequireQualifiedAccess; CompilationRepresentation(CompilationRepresentationFlags.ModuleSuffix)>]
module Effect =

    /// Runs `work`; when it succeeds, folds `onDone result` into the state. If the work throws, the host logs it
    /// and sends the client an error frame; the state stays as it was.
    let perform
        (name: string)
        (work: EffectContext -> Task<'T>)
        (onDone: 'T -> 'S -> ActionContext -> Reply<'S>)
        : Effect<'S> =
        {
            Name = name
            Run =
                fun ctx ->
                    task {
                        let! result = work ctx
                        return onDone result
                    }
        }

    /// Like `perform`, but a failure of the work is folded in by `onError` instead of being reported as an error.
    let attempt
        (name: string)
        (work: EffectContext -> Task<'T>)
        (onDone: 'T -> 'S -> ActionContext -> Reply<'S>)
        (onError: exn -> 'S -> ActionContext -> Reply<'S>)
        : Effect<'S> =
        {
            Name = name
            Run =
                fun ctx ->
                    task {
                        try
                            let! result = work ctx
                            return onDone result
                        with ex ->
                            return onError ex
                    }
        }

    /// The same effect over a wider state: `get` reads the inner state, `set` puts a new one back.
    let map (get: 'Outer -> 'S) (set: 'Outer -> 'S -> 'Outer) (effect: Effect<'S>) : Effect<'Outer> =
        Reply.mapEffect get set effect
