using System.Threading.Channels;

namespace LiveView.AspNetCore;

/// <summary>Effects: run off the loop in their own scope, results back through the mailbox, counted per action.</summary>
internal sealed partial class LiveConnection
{
    private async Task HandleEffectDoneAsync(Inbound.EffectDone done)
    {
        var page = host.Pages.Get(done.Origin.Name.Page);
        var state = states[page.Name];
        var context = host.Contexts.ForAction(done.Origin, user, random);
        UseCulture(context.Culture);
        var result = Page.apply(done.Fold, state, context);
        await CommitAsync(page, done.Origin, result, Source.Effect);
    }

    /// <summary>Effects still running for the action that started them.</summary>
    private int Running(ActionName action) => working.GetValueOrDefault(action);

    /// <summary>Accounts for <paramref name="finished"/> effects of an action ending and <paramref name="started"/> starting.</summary>
    private void EffectsDone(ActionName action, int finished, int started)
    {
        var running = Running(action) - finished + started;
        if (running > 0)
        {
            working[action] = running;
        }
        else
        {
            working.Remove(action);
        }
    }

    /// <summary>Runs an effect off the loop, in its own DI scope, and posts its result back to the mailbox.</summary>
    private async Task RunEffectAsync(ClientAction origin, Effect<object> effect)
    {
        Inbound outcome;
        try
        {
            var fold = await EffectRunner.RunAsync(effect, host.ScopeFactory, lifetime.Token);
            outcome = new Inbound.EffectDone(origin, effect.Name, fold);
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            outcome = new Inbound.EffectFailed(origin, effect.Name, ex);
        }

        try
        {
            await mailbox.Writer.WriteAsync(outcome, lifetime.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            // The connection ended while the effect ran: nobody is left to see its result.
        }
    }
}
