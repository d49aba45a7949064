using Microsoft.Extensions.DependencyInjection;
using Microsoft.FSharp.Core;

namespace LiveView.AspNetCore;

/// <summary>How an effect's work ended: the fold of its result, or the exception it threw.</summary>
/// <param name="Id">The effect, as the runtime numbered it.</param>
/// <param name="Fold">Applies the result; null when the work threw.</param>
/// <param name="Error">What the work threw; null when it succeeded.</param>
internal sealed record EffectEnd(long Id, Fold? Fold, Exception? Error)
{
    /// <summary>The runtime's input for this end, read with <paramref name="env"/>.</summary>
    public Input ToInput(Env env) =>
        Fold is not null ? Input.NewEffectDone(Id, Fold, env) : Input.NewEffectFailed(Id, Error!);
}

/// <summary>
/// How the host runs an effect's work: on the thread pool, never on a socket's loop, in a DI scope of its own, with
/// its two tokens (<c>Cancellation</c> for the server stopping, <c>Abandoned</c> for nobody waiting any more).
/// </summary>
internal sealed class EffectRunner(IServiceScopeFactory scopes, EffectDrain drain)
{
    /// <summary>
    /// Runs the work; never throws: how it ended is the result. <paramref name="report"/> takes the work's partial
    /// results (<c>Effect.stream</c>) as they come.
    /// </summary>
    public async Task<EffectEnd> RunAsync(
        long id, Effect<object> effect, Func<Fold, Task> report, CancellationToken abandoned)
    {
        drain.Enter();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var context = new EffectContext(scope.ServiceProvider, drain.Stopping, abandoned);
            var reporting = FuncConvert.FromFunc(report);
            var fold = await Task.Run(() => FSharpFunc<EffectContext, FSharpFunc<Fold, Task>>.InvokeFast(effect.Run, context, reporting), CancellationToken.None);
            return new EffectEnd(id, fold, null);
        }
        catch (Exception ex)
        {
            return new EffectEnd(id, null, ex);
        }
        finally
        {
            drain.Exit();
        }
    }
}
