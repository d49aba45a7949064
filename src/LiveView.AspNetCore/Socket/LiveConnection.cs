using System.Buffers;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.FSharp.Collections;
using Microsoft.FSharp.Core;

namespace LiveView.AspNetCore;

/// <summary>
/// One browser tab's socket. A receive loop decodes frames into a bounded mailbox; a single owner loop reads the
/// mailbox, folds each message through the page functions and sends the patches. The owner loop is the only code
/// that touches page state or sends, so nothing needs a lock.
/// </summary>
internal sealed class LiveConnection
{
    private const int InitialReceiveBuffer = 4 * 1024;

    private readonly WebSocket socket;
    private readonly ClaimsPrincipal user;
    private readonly SocketEndpoint host;
    private readonly Channel<Inbound> mailbox;
    private readonly FrameWriter frames;
    private readonly CancellationTokenSource lifetime = new();
    private readonly Dictionary<string, object> states = new(StringComparer.Ordinal);

    // One generator per connection: handlers draw from it through their context.
    private readonly Random random = new();

    // Numbers navigations, so that a slow one finishing after a later one is dropped.
    private int navigation;

    // Effects still running, by the action that started them: while any runs, that action's frames say "loading".
    private readonly Dictionary<ActionName, int> working = [];

    // Pages being mounted off the loop, with the actions for them that arrived meanwhile (replayed once mounted).
    private readonly Dictionary<string, List<ClientAction>> mounting = new(StringComparer.Ordinal);

    public LiveConnection(WebSocket socket, ClaimsPrincipal user, bool extendedProtocol, SocketEndpoint host)
    {
        this.socket = socket;
        this.user = user;
        this.host = host;
        frames = new FrameWriter(extendedProtocol);
        mailbox = Channel.CreateBounded<Inbound>(new BoundedChannelOptions(host.Options.MailboxCapacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
            // The owner loop continues right on the writer's thread (the receive loop, or an effect that just
            // finished) instead of being queued to the thread pool: one hop less per event.
            AllowSynchronousContinuations = true,
        });
    }

    /// <summary>Runs the connection until the client leaves or <paramref name="stopping"/> fires.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        var receiving = ReceiveLoopAsync();
        var closeStatus = WebSocketCloseStatus.NormalClosure;
        var closeDescription = string.Empty;
        try
        {
            await foreach (var message in mailbox.Reader.ReadAllAsync(stopping))
            {
                if (message is Inbound.Close close)
                {
                    (closeStatus, closeDescription) = (close.Status, close.Description);
                    break;
                }

                await HandleAsync(message);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            (closeStatus, closeDescription) = (WebSocketCloseStatus.EndpointUnavailable, "The server is shutting down.");
        }
        catch (WebSocketException ex)
        {
            Log.SocketLost(host.Logger, ex.Message);
        }
        finally
        {
            await lifetime.CancelAsync();
            await CloseAsync(closeStatus, closeDescription, receiving);
            Log.SocketClosed(host.Logger);
        }
    }

    private async Task HandleAsync(Inbound message)
    {
        switch (message)
        {
            case Inbound.Received received:
                await HandleActionAsync(received.Action);
                break;
            case Inbound.Rejected rejected:
                await SendErrorAsync(rejected.Error);
                break;
            case Inbound.EffectDone done:
                await HandleEffectDoneAsync(done);
                break;
            case Inbound.Navigated navigated:
                await HandleNavigatedAsync(navigated);
                break;
            case Inbound.EffectFailed failed:
                EffectsDone(failed.Origin.Name, 1, 0);
                Log.EffectFailed(host.Logger, failed.Error, failed.Effect, failed.Origin.Name.ToString());
                await SendErrorAsync(new WireError(
                    WireErrorCodes.EffectFailed,
                    $"Effect '{failed.Effect}' failed; the page's state is unchanged.",
                    failed.Origin.Name));
                break;
        }
    }

    private async Task HandleActionAsync(ClientAction action)
    {
        var name = action.Name;
        if (!host.Pages.TryGet(name.Page, out var page))
        {
            await SendErrorAsync(new WireError(
                WireErrorCodes.UnknownPage, $"There is no page named '{name.Page}'.", name));
            return;
        }

        var navigates = name.Handler is LiveView.Protocol.SendPageHandler or LiveView.Protocol.MountHandler;
        if (navigates && !page.Handlers.ContainsKey(name.Handler))
        {
            await NavigateAsync(page, action, silent: name.Handler == LiveView.Protocol.MountHandler);
            return;
        }

        if (mounting.TryGetValue(page.Name, out var waiting))
        {
            waiting.Add(action);
            return;
        }

        var (mounted, state) = await StateOfAsync(page, action);
        if (!mounted)
        {
            return;
        }

        var context = host.Contexts.ForAction(action, user, random);
        UseCulture(context.Culture);
        var result = Page.update(page, state, context);
        await CommitAsync(page, action, result, Source.Client);
    }

    private async Task HandleEffectDoneAsync(Inbound.EffectDone done)
    {
        var page = host.Pages.Get(done.Origin.Name.Page);
        var state = states[page.Name];
        var context = host.Contexts.ForAction(done.Origin, user, random);
        UseCulture(context.Culture);
        var result = Page.apply(done.Fold, state, context);
        await CommitAsync(page, done.Origin, result, Source.Effect);
    }

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

    /// <summary>The page's current state, mounting the page the first time an action reaches it.</summary>
    private async ValueTask<(bool Mounted, object State)> StateOfAsync(Page<object> page, ClientAction action)
    {
        if (states.TryGetValue(page.Name, out var state))
        {
            return (true, state);
        }

        try
        {
            state = page.Init.Invoke(host.Contexts.ForSocket(action, string.Empty, user, random));
        }
        catch (Exception ex)
        {
            Log.HandlerFailed(host.Logger, ex, $"{page.Name}->mount");
            await SendErrorAsync(new WireError(
                WireErrorCodes.HandlerFailed, $"Page '{page.Name}' failed to mount.", action.Name));
            return (false, null!);
        }

        states[page.Name] = state;
        return (true, state);
    }

    /// <summary>Encodes the reply, and only then keeps its state: a reply that cannot be sent changes nothing.</summary>
    private async Task CommitAsync(
        Page<object> page, ClientAction action, FSharpResult<Reply<object>, PageError> result, Source source)
    {
        var name = action.Name;
        if (result.IsError)
        {
            EffectsDone(name, source == Source.Effect ? 1 : 0, 0);
            await ReportAsync(result.ErrorValue);
            return;
        }

        var reply = result.ResultValue;
        var running = Running(name) - (source == Source.Effect ? 1 : 0) + reply.Effects.Length;
        try
        {
            frames.WritePatches(name, reply.Patches, stillWorking: running > 0);
            if (frames.Count == 0 && (source == Source.Client || running == 0))
            {
                // Nothing changed on screen: still tell the client the action is answered (or still working).
                frames.WriteAck(name, stillWorking: running > 0);
            }
        }
        catch (Exception ex)
        {
            frames.Release();
            EffectsDone(name, source == Source.Effect ? 1 : 0, 0);
            await ReportAsync(PageError.NewHandlerFailed(name, ex));
            return;
        }

        states[page.Name] = reply.State;
        EffectsDone(name, source == Source.Effect ? 1 : 0, reply.Effects.Length);
        await SendFramesAsync();

        foreach (var effect in reply.Effects)
        {
            _ = RunEffectAsync(action, effect);
        }
    }

    /// <summary>
    /// Makes the action's culture the current one for the rest of this call (it flows with the async call, and
    /// ends with it), so that views and texts (<c>IStringLocalizer</c>, formatting) follow the client's language.
    /// </summary>
    private static void UseCulture(System.Globalization.CultureInfo culture)
    {
        System.Globalization.CultureInfo.CurrentCulture = culture;
        System.Globalization.CultureInfo.CurrentUICulture = culture;
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

    /// <summary>Where a fold comes from: it decides how the loading indicator is kept.</summary>
    private enum Source
    {
        Client,
        Effect,
        Navigation,
    }

    private Task ReportAsync(PageError error)
    {
        var code = WireErrorCodes.UnknownHandler;
        if (error is PageError.HandlerFailed failed)
        {
            Log.HandlerFailed(host.Logger, failed.Error, failed.Name.ToString());
            code = WireErrorCodes.HandlerFailed;
        }

        return SendErrorAsync(new WireError(code, error.Message, error.Action));
    }

    private async Task SendErrorAsync(WireError error)
    {
        Log.ClientError(host.Logger, error.Code, error.Message);
        frames.WriteError(error);
        await SendFramesAsync();
    }

    /// <summary>Sends the frames just written, then gives their memory back.</summary>
    private async Task SendFramesAsync()
    {
        try
        {
            for (var i = 0; i < frames.Count; i++)
            {
                await socket.SendAsync(frames.Frame(i), WebSocketMessageType.Text, endOfMessage: true, lifetime.Token);
            }
        }
        finally
        {
            frames.Release();
        }
    }

    /// <summary>Runs an effect off the loop, in its own DI scope, and posts its result back to the mailbox.</summary>
    private async Task RunEffectAsync(ClientAction origin, Effect<object> effect)
    {
        Inbound outcome;
        await using (var scope = host.ScopeFactory.CreateAsyncScope())
        {
            try
            {
                var context = new EffectContext(scope.ServiceProvider, lifetime.Token);
                var fold = await Task.Run(() => effect.Run.Invoke(context), lifetime.Token);
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

    /// <summary>Reads frames, decodes them and posts them to the mailbox, until the client closes.</summary>
    private async Task ReceiveLoopAsync()
    {
        var limit = host.Options.MaxMessageBytes;
        try
        {
            while (true)
            {
                // A zero-byte read waits for data without holding a buffer: an idle socket costs no buffer at all.
                var ready = await socket.ReceiveAsync(Memory<byte>.Empty, CancellationToken.None);
                if (ready.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                if (ready.EndOfMessage)
                {
                    // The whole message was empty.
                    await mailbox.Writer.WriteAsync(Decode([], ready.MessageType), lifetime.Token);
                    continue;
                }

                var buffer = ArrayPool<byte>.Shared.Rent(InitialReceiveBuffer);
                try
                {
                    var count = 0;
                    ValueWebSocketReceiveResult result;
                    do
                    {
                        if (count == buffer.Length)
                        {
                            buffer = Grow(buffer, count, limit + 1);
                        }

                        result = await socket.ReceiveAsync(buffer.AsMemory(count), CancellationToken.None);
                        count += result.Count;
                        if (count > limit)
                        {
                            Log.MessageTooBig(host.Logger, limit);
                            await mailbox.Writer.WriteAsync(
                                new Inbound.Close(WebSocketCloseStatus.MessageTooBig, $"Messages are limited to {limit} bytes."),
                                lifetime.Token);
                            await DiscardUntilCloseAsync(buffer);
                            return;
                        }
                    }
                    while (!result.EndOfMessage);

                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    await mailbox.Writer.WriteAsync(Decode(buffer.AsSpan(0, count), result.MessageType), lifetime.Token);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ChannelClosedException)
        {
            Log.SocketLost(host.Logger, ex.Message);
        }
        finally
        {
            mailbox.Writer.TryComplete();
        }
    }

    /// <summary>After a refused message, reads and drops frames until the client answers the close.</summary>
    private async Task DiscardUntilCloseAsync(byte[] buffer)
    {
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
        }
        while (result.MessageType != WebSocketMessageType.Close);
    }

    private static Inbound Decode(ReadOnlySpan<byte> frame, WebSocketMessageType type)
    {
        if (type == WebSocketMessageType.Binary)
        {
            return new Inbound.Rejected(new WireError(
                WireErrorCodes.BinaryFrame, "Binary frames are not supported; send JSON text frames."));
        }

        return ActionDecoder.TryDecode(frame, out var action, out var error)
            ? new Inbound.Received(action!)
            : new Inbound.Rejected(error!);
    }

    private static byte[] Grow(byte[] buffer, int count, int max)
    {
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, max));
        buffer.AsSpan(0, count).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(buffer);
        return bigger;
    }

    /// <summary>Sends the close frame, gives the client the close timeout to answer, then cuts the socket.</summary>
    private async Task CloseAsync(WebSocketCloseStatus status, string description, Task receiving)
    {
        using var timeout = new CancellationTokenSource(host.Options.CloseTimeout);
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(status, description, timeout.Token);
            }

            await receiving.WaitAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or TimeoutException)
        {
            Log.SocketLost(host.Logger, ex.Message);
        }
        finally
        {
            if (socket.State != WebSocketState.Closed)
            {
                socket.Abort();
            }

            await receiving;
        }
    }
}
