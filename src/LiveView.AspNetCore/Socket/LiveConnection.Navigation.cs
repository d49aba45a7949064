using System.Threading.Channels;
using Microsoft.FSharp.Collections;
using Microsoft.FSharp.Core;

namespace LiveView.AspNetCore;

/// <summary>Navigation: <c>send_page</c> and the client's <c>mount</c>, mounted on or off the loop.</summary>
internal sealed partial class LiveConnection
{
    /// <summary>
    /// <c>page-&gt;send_page</c>: mounts the page afresh at its URL (the link's data filling the route) and shows it
    /// in <c>#main</c>. <c>page-&gt;mount</c> (<paramref name="silent"/>): the same without sending anything, for a
    /// page the client already shows (its first paint came over HTTP). A page whose mount runs effects is mounted
    /// off the loop, which keeps answering meanwhile; actions for that page wait for it.
    /// </summary>
    private async Task NavigateAsync(Page<object> page, ClientAction action, bool silent)
    {
        UseCulture(host.Contexts.CultureOf(action.Lang));
        if (!host.Routes.TryGetUrl(page.Name, action.Data, out var url, out var problem))
        {
            await SendErrorAsync(new WireError(WireErrorCodes.NoRoute, problem, action.Name));
            return;
        }

        var sequence = ++navigation;
        if (PageMounter.IsSynchronous(page))
        {
            var mount = host.Contexts.ForSocket(action, url, user, random);
            var mounted = await host.Mounter.MountAsync(page, mount, user, random, lifetime.Token);
            await HandleNavigatedAsync(new Inbound.Navigated(sequence, page, action, url, mounted, silent));
            return;
        }

        mounting.TryAdd(page.Name, []);
        _ = MountInBackgroundAsync(new Inbound.Navigated(sequence, page, action, url, null!, silent));
    }

    /// <summary>Mounts off the loop and posts the result back to it.</summary>
    private async Task MountInBackgroundAsync(Inbound.Navigated request)
    {
        try
        {
            // The connection's generator belongs to the loop; this task gets its own.
            var own = new Random();
            var mount = host.Contexts.ForSocket(request.Origin, request.Url, user, own);
            var mounted = await host.Mounter.MountAsync(request.Page, mount, user, own, lifetime.Token);
            await mailbox.Writer.WriteAsync(request with { Mounted = mounted }, lifetime.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            // The connection ended while the page was mounting.
        }
    }

    /// <summary>Keeps the mounted page (unless a later navigation overtook it), shows it, replays waiting actions.</summary>
    private async Task HandleNavigatedAsync(Inbound.Navigated navigated)
    {
        var (sequence, page, action, url, mounted, silent) = navigated;
        UseCulture(host.Contexts.CultureOf(action.Lang));
        mounting.Remove(page.Name, out var waiting);
        if (sequence == navigation)
        {
            if (mounted.Error is { } error)
            {
                await ReportAsync(error);
            }
            else if (silent)
            {
                states[page.Name] = mounted.State;
            }
            else
            {
                var title = host.Routes.DocumentTitle(page, mounted.State, action.Lang?.Value ?? host.Options.DefaultLanguage);
                var patches = ListModule.Append(Navigation.patches(page, mounted.State, url, title), mounted.Patches);
                var result = FSharpResult<Reply<object>, PageError>.NewOk(
                    new Reply<object>(mounted.State, patches, FSharpList<Effect<object>>.Empty));
                await CommitAsync(page, action, result, Source.Navigation);
            }
        }
        else if (!silent)
        {
            // A later navigation overtook this one: answer it, so the client's loading indicator does not wait.
            frames.WriteAck(action.Name, stillWorking: false);
            await SendFramesAsync();
        }

        foreach (var next in waiting ?? [])
        {
            await HandleActionAsync(next);
        }
    }
}
