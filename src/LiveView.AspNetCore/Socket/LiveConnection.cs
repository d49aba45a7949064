using System.Net.WebSockets;
using System.Security.Claims;
using System.Threading.Channels;

namespace LiveView.AspNetCore;

/// <summary>
/// One browser tab's socket. A receive loop decodes frames into a bounded mailbox; a single owner loop reads the
/// mailbox, folds each message through the page functions and sends the patches. The owner loop is the only code
/// that touches page state or sends, so nothing needs a lock.
/// </summary>
internal sealed partial class LiveConnection
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

    /// <summary>
    /// Makes the action's culture the current one for the rest of this call (it flows with the async call, and
    /// ends with it), so that views and texts (<c>IStringLocalizer</c>, formatting) follow the client's language.
    /// </summary>
    private static void UseCulture(System.Globalization.CultureInfo culture)
    {
        System.Globalization.CultureInfo.CurrentCulture = culture;
        System.Globalization.CultureInfo.CurrentUICulture = culture;
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
