namespace LiveView

open System
open System.Collections.Generic
open System.Threading.Tasks

/// Effects as data: values that describe slow or impure work; the host runs them and folds their results back.
[<RequireQualifiedAccess; CompilationRepresentation(CompilationRepresentationFlags.ModuleSuffix)>]
module Effect =

    /// How a test supplies a result of type `'T` in place of the work.
    let private supplied (onDone: 'T -> 'S -> ActionContext -> Reply<'S>) =
        ValueSome
            {
                Yields = typeof<'T>
                Fold = fun result -> onDone (unbox<'T> result)
            }

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
                fun ctx _ ->
                    task {
                        let! result = work ctx
                        return onDone result
                    }
            Supply = supplied onDone
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
                fun ctx _ ->
                    task {
                        try
                            let! result = work ctx
                            return onDone result
                        with ex ->
                            return onError ex
                    }
            Supply = supplied onDone
        }

    /// Work that reports as it goes: every item `work` yields is folded in by `onItem` as it arrives (a progress bar,
    /// results streaming in); the client action that started it shows loading until the last one. The enumeration
    /// gets the effect's `Abandoned` token: it stops when nobody waits for it any more. If it throws, the items
    /// folded so far stay and the client gets an error frame.
    let stream
        (name: string)
        (work: EffectContext -> IAsyncEnumerable<'T>)
        (onItem: 'T -> 'S -> ActionContext -> Reply<'S>)
        : Effect<'S> =
        {
            Name = name
            Run =
                fun ctx report ->
                    task {
                        use items = (work ctx).GetAsyncEnumerator(ctx.Abandoned)
                        let mutable more = true

                        while more do
                            let! next = items.MoveNextAsync()
                            more <- next

                            if more then
                                do! report (onItem items.Current)

                        return fun (state: 'S) (_: ActionContext) -> Reply.state state
                    }
            Supply = ValueNone
        }

    /// The same effect over a wider state: `get` reads the inner state, `set` puts a new one back.
    let map (get: 'Outer -> 'S) (set: 'Outer -> 'S -> 'Outer) (effect: Effect<'S>) : Effect<'Outer> =
        Reply.mapEffect get set effect
