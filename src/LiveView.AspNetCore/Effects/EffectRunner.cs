using Microsoft.Extensions.DependencyInjection;
using Microsoft.FSharp.Core;

namespace LiveView.AspNetCore;

/// <summary>How the host runs an effect's work: on the thread pool, never on a socket's loop, in a DI scope of its own.</summary>
internal static class EffectRunner
{
    /// <summary>
    /// Runs <paramref name="effect"/>'s work and returns the fold it yields; the scope (and a DbContext taken from
    /// it) is disposed when the work ends. Exceptions of the work come out of the returned task.
    /// </summary>
    public static async Task<FSharpFunc<object, FSharpFunc<ActionContext, Reply<object>>>> RunAsync(
        Effect<object> effect, IServiceScopeFactory scopes, CancellationToken cancel)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = new EffectContext(scope.ServiceProvider, cancel);
        return await Task.Run(() => effect.Run.Invoke(context), cancel);
    }
}
