using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.FSharp.Core;

namespace LiveView.AspNetCore;

/// <summary>How an effect's work ended: the fold of its result, or the exception it threw.</summary>
/// <param name="Id">The effect, as the runtime numbered it.</param>
/// <param name="Fold">Applies the result; null when the work threw.</param>
/// <param name="Error">What the work threw; null when it succeeded.</param>
/// <param name="Span">The effect's span (default: nobody wanted one): what its result starts is its child.</param>
internal sealed record EffectEnd(long Id, Fold? Fold, Exception? Error, ActivityContext Span = default)
{
    /// <summary>The runtime's input for this end, read with <paramref name="env"/>.</summary>
    public Input ToInput(Env env) =>
        Fold is not null ? Input.NewEffectDone(Id, Fold, env) : Input.NewEffectFailed(Id, Error!);
}

/// <summary>
/// How the host runs an effect's work: on the thread pool, never on a socket's loop, in a DI scope of its own, with
/// its two tokens (<c>Cancellation</c> for the server stopping, <c>Abandoned</c> for nobody waiting any more), measured
/// and traced (<see cref="EffectTrace"/>) when someone listens.
/// </summary>
internal sealed class EffectRunner(IServiceScopeFactory scopes, EffectDrain drain, LiveViewMetrics metrics, LiveViewActivitySource activities)
{
    /// <summary>
    /// The tags of the effect <paramref name="origin"/> names, started for the live page <paramref name="live"/> or the
    /// page being mounted, the child of <paramref name="parent"/> (default: of the current span); none while nobody
    /// listens.
    /// </summary>
    public EffectTags? TagsFor(LiveView.Origin origin, Instance? live, ActivityContext parent) =>
        EffectTrace.TagsFor(metrics, activities, origin, live, parent);

    /// <summary>
    /// Runs the work; never throws: how it ended is the result. <paramref name="report"/> takes the work's partial
    /// results (<c>Effect.stream</c>) as they come; <paramref name="tags"/> tag its measurement and span (none: nobody
    /// listens).
    /// </summary>
    public async Task<EffectEnd> RunAsync(
        long id, Effect<object> effect, Func<Fold, Task> report, EffectTags? tags, CancellationToken abandoned)
    {
        drain.Enter();

        // Its span is current from here: the work's own spans are its children.
        var trace = EffectTrace.Start(metrics, activities, tags);
        var span = trace.Activity?.Context ?? default;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var context = new EffectContext(scope.ServiceProvider, drain.Stopping, abandoned);
            var reporting = FuncConvert.FromFunc(report);
            var fold = await Task.Run(() => FSharpFunc<EffectContext, FSharpFunc<Fold, Task>>.InvokeFast(effect.Run, context, reporting), CancellationToken.None);
            trace.End(null);
            return new EffectEnd(id, fold, null, span);
        }
        catch (Exception ex)
        {
            trace.End(ex);
            return new EffectEnd(id, null, ex, span);
        }
        finally
        {
            drain.Exit();
        }
    }
}
