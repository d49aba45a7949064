using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.FSharp.Collections;
using Microsoft.FSharp.Core;

namespace LiveView.AspNetCore;

/// <summary>A mounted page: its state, the patches its mount produced, or the failure.</summary>
internal sealed record Mounted(object State, FSharpList<Patch> Patches, PageError? Error);

/// <summary>
/// Mounts a page: <c>Init</c>, then <c>AfterMount</c>, then every effect those start, each in its own DI scope,
/// folded in order until none is left. Used for the first paint over HTTP and for navigation over the socket; the
/// state it builds is its own until it is handed over, so it runs off the connection's loop.
/// </summary>
internal sealed class PageMounter(ContextFactory contexts, IServiceScopeFactory scopes, ILogger<PageMounter> logger)
{
    /// <summary>Mount effects may start further effects; past this many, mounting stops with an error.</summary>
    private const int MaxEffects = 64;

    /// <summary>True when mounting needs no effects: the caller may mount synchronously.</summary>
    public static bool IsSynchronous(Page<object> page) => page.AfterMount is null;

    public async Task<Mounted> MountAsync(Page<object> page, MountContext mount, ClaimsPrincipal user, Random random, CancellationToken cancel)
    {
        var origin = MountAction(page, mount);
        object state;
        try
        {
            state = page.Init.Invoke(mount);
        }
        catch (Exception ex)
        {
            return new Mounted(null!, FSharpList<Patch>.Empty, PageError.NewHandlerFailed(origin.Name, ex));
        }

        if (page.AfterMount is not { } afterMount)
        {
            return new Mounted(state, FSharpList<Patch>.Empty, null);
        }

        var first = Page.apply(afterMount.Value, state, contexts.ForAction(origin, user, random));
        if (first.IsError)
        {
            return new Mounted(state, FSharpList<Patch>.Empty, first.ErrorValue);
        }

        state = first.ResultValue.State;
        var patches = new List<Patch>(first.ResultValue.Patches);
        var pending = new Queue<Effect<object>>(first.ResultValue.Effects);
        var run = 0;
        while (pending.TryDequeue(out var effect))
        {
            if (++run > MaxEffects)
            {
                return new Mounted(state, FSharpList<Patch>.Empty, PageError.NewHandlerFailed(
                    origin.Name, new InvalidOperationException($"Mounting started more than {MaxEffects} effects.")));
            }

            FSharpFunc<object, FSharpFunc<ActionContext, Reply<object>>> fold;
            try
            {
                fold = await EffectRunner.RunAsync(effect, scopes, cancel);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancel.IsCancellationRequested)
            {
                Log.EffectFailed(logger, ex, effect.Name, origin.Name.ToString());
                return new Mounted(state, FSharpList<Patch>.Empty, PageError.NewHandlerFailed(origin.Name, ex));
            }

            var folded = Page.apply(fold, state, contexts.ForAction(origin, user, random));
            if (folded.IsError)
            {
                return new Mounted(state, FSharpList<Patch>.Empty, folded.ErrorValue);
            }

            state = folded.ResultValue.State;
            patches.AddRange(folded.ResultValue.Patches);
            foreach (var next in folded.ResultValue.Effects)
            {
                pending.Enqueue(next);
            }
        }

        return new Mounted(state, ListModule.OfSeq(patches), null);
    }

    /// <summary><c>page-&gt;mount</c>, with the page's parameters as its data and the mount's language.</summary>
    private static ClientAction MountAction(Page<object> page, MountContext mount) =>
        new(new ActionName(page.Name, LiveView.Protocol.MountHandler), mount.Params, MapModule.Empty<string, FSharpList<string>>(), mount.Lang);
}
