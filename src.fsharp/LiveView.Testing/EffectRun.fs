namespace LiveView.Testing

open System
open System.Threading
open System.Threading.Tasks
open LiveView

/// How a test runs an effect's work, at the first paint and after it alike: in a DI scope of its own (as the host
/// runs it), on the thread pool, to its end or to the time limit.
[<RequireQualifiedAccess>]
module internal EffectRun =

    /// Runs `effect`, handing each partial result to `report` as it comes: Ok with its last result, Error with what
    /// it threw. An effect that has not ended within `options.EffectTimeout` fails the test, the message naming `step`.
    let run
        (options: LiveTestOptions)
        (abandoned: CancellationToken)
        (step: string)
        (effect: Effect<obj>)
        (report: (obj -> ActionContext -> Reply<obj>) -> unit)
        : Result<obj -> ActionContext -> Reply<obj>, exn> =
        let reported fold : Task =
            report fold
            Task.CompletedTask

        try
            options.InScope(
                abandoned,
                fun context ->
                    let work =
                        Task.Run<obj -> ActionContext -> Reply<obj>>(
                            Func<Task<obj -> ActionContext -> Reply<obj>> | null>(fun () -> effect.Run context reported)
                        )

                    if not (work.Wait options.EffectTimeout) then
                        raise (
                            LiveTestException
                                $"{step}: the effect '{effect.Name}' did not end within {options.EffectTimeout.TotalSeconds} s (LiveTestOptions.EffectTimeout)"
                        )

                    Ok work.Result
            )
        with
        | :? LiveTestException -> reraise ()
        | :? AggregateException as ex -> Error(ex.GetBaseException())
        | ex -> Error ex
