using System.Diagnostics;
using System.Net.WebSockets;
using System.Threading.Channels;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.FSharp.Collections;
using Microsoft.FSharp.Core;

namespace LiveView.AspNetCore;

/// <summary>
/// One browser tab's socket. A reader decodes frames into a bounded mailbox; this loop takes each message, steps the
/// core's runtime over it and does what the runtime says: send frames, start and cancel effects, authorize a mount.
/// The loop is the only code that touches the runtime or sends, so nothing needs a lock.
/// </summary>
internal sealed class LiveConnection
{
    private readonly WebSocket socket;
    private readonly HttpContext http;
    private readonly SocketEndpoint host;
    private readonly Channel<Inbound> mailbox;
    private readonly FrameWriter frames;
    private readonly ReadGate gate = new();
    private readonly CancellationTokenSource lifetime = new();

    // Stops the reader when the loop ends, before the page's work has settled (lifetime).
    private readonly CancellationTokenSource reading = new();
    private readonly ConnectionEffects effects;
    private readonly PushQueue pushes;
    private readonly ConnectionSubscriptions subscriptions;
    private readonly List<IDisposable> audiences = [];

    // Snapshots of the live page's state for the client to keep (our client only).
    private readonly ConnectionSnapshots? snapshots;

    // The state the step in progress restored from a reconnecting client's snapshot, if any.
    private object? restored;

    // The folds' random numbers; one generator per connection, used by the loop only.
    private readonly Random random = new();

    private Runtime runtime;

    // The socket's request span (default: none): each action's span, a root of its own, links to it.
    private ActivityContext socketSpan;

    // The action in progress and its measurements (default: none, or nobody listens).
    private ActionTrace action;

    // While an effect's end is stepped, its span: the effects its result starts are its children.
    private ActivityContext endingEffect;

    public LiveConnection(WebSocket socket, HttpContext http, bool extendedProtocol, SocketEndpoint host)
    {
        this.socket = socket;
        this.http = http;
        this.host = host;
        frames = new FrameWriter(extendedProtocol);
        Id = ConnectionId.New();
        runtime = RuntimeModule.start(Id, http.User, host.Options.MaxEffectsPerConnection);
        mailbox = Channel.CreateBounded<Inbound>(new BoundedChannelOptions(host.Options.MailboxCapacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
            // The loop continues right on the writer's thread (the reader, or an effect that just ended) instead of
            // being queued to the thread pool: one hop less per event.
            AllowSynchronousContinuations = true,
        });
        effects = new ConnectionEffects(host.Effects, mailbox.Writer, lifetime.Token, host.Logger);
        pushes = new PushQueue(host.Options.MaxQueuedMessages, mailbox.Writer, lifetime.Token);
        subscriptions = new ConnectionSubscriptions(host.PubSub, host.Presence, host.Time, pushes);
        if (extendedProtocol)
        {
            snapshots = new ConnectionSnapshots(host, host.Options.UserId(http.User) ?? string.Empty, mailbox.Writer);
        }
    }

    /// <summary>The connection's id: <c>Audience.Connection(id)</c> reaches it.</summary>
    public string Id { get; }

    /// <summary>Messages waiting for the loop: in the mailbox, and queued from the server.</summary>
    public int Waiting => mailbox.Reader.Count + pushes.Count;

    /// <summary>Runs the connection until the client leaves or <paramref name="stopping"/> fires.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        // The request's span lasts as long as the socket, hours maybe: what the loop does is not its child.
        socketSpan = Activity.Current?.Context ?? default;
        Activity.Current = null;
        host.Connections.Add(this);
        var receiving = new SocketReader(socket, mailbox.Writer, gate, host.Options, host.Metrics, host.Logger).RunAsync(reading.Token);
        ListenToAudiences();
        using var expiry = CloseWhenAuthenticationExpires();
        var closeStatus = WebSocketCloseStatus.NormalClosure;
        var closeDescription = string.Empty;
        try
        {
            await foreach (var message in mailbox.Reader.ReadAllAsync(stopping))
            {
                switch (message)
                {
                    case Inbound.Received { State: { } token } received when snapshots is not null && received.Action.Name.Handler == LiveView.Protocol.MountHandler:
                        await ResumeAsync(received.Action, token);
                        break;
                    case Inbound.Received received:
                        await StepAsync(Input.NewAction(received.Action, Env()));
                        break;
                    case Inbound.SnapshotDue:
                        if (snapshots!.Write(runtime, frames))
                        {
                            await SendFramesAsync();
                        }

                        break;
                    case Inbound.EffectEnded or Inbound.EffectReported:
                        await TakeEffectAsync(message);
                        break;
                    case Inbound.Pushed when pushes.Overflowed:
                        Log.ClientFellBehind(host.Logger, host.Options.MaxQueuedMessages);
                        (closeStatus, closeDescription) = (FellBehind, "The client fell behind: too many messages were queued.");
                        return;
                    case Inbound.Pushed:
                        await TakePushesAsync();
                        break;
                    case Inbound.Rejected rejected:
                        Log.ClientError(host.Logger, rejected.Error.Code, rejected.Error.Message);
                        host.Metrics.Failed(rejected.Error.Code);
                        frames.WriteError(rejected.Error);
                        await SendFramesAsync();
                        break;
                    case Inbound.Close close:
                        (closeStatus, closeDescription) = (close.Status, close.Description);
                        return;
                    case Inbound.Left:
                        return;
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            (closeStatus, closeDescription) = (WebSocketCloseStatus.EndpointUnavailable, "The server is shutting down.");
            await SendLastSnapshotAsync();
        }
        catch (WebSocketException ex)
        {
            Log.SocketLost(host.Logger, ex.Message);
        }
        finally
        {
            await reading.CancelAsync();
            gate.Release();
            StopListening();
            await CloseAsync(closeStatus, closeDescription, receiving);
            await SettleAsync(stopping);

            // The page is gone: nobody waits for its effects' results any more (their work may still finish).
            await lifetime.CancelAsync();
            effects.Forget();
            snapshots?.Dispose();
            host.Connections.Remove(this);

            Log.SocketClosed(host.Logger);
        }
    }

    /// <summary>
    /// The socket is closing: while the runtime owes work a user asked for (an action waiting for its page's mount, an
    /// effect waiting for a slot), effect ends are still stepped so that it begins; nothing is sent any more. Bounded
    /// by <see cref="LiveViewOptions.CloseTimeout"/> and by the server's shutdown.
    /// </summary>
    private async Task SettleAsync(CancellationToken stopping)
    {
        if (!runtime.Owes || stopping.IsCancellationRequested)
        {
            return;
        }

        runtime = RuntimeModule.close(runtime);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        deadline.CancelAfter(host.Options.CloseTimeout);
        try
        {
            while (runtime.Owes && await mailbox.Reader.WaitToReadAsync(deadline.Token))
            {
                while (runtime.Owes && mailbox.Reader.TryRead(out var message))
                {
                    await TakeEffectAsync(message);
                }
            }
        }
        catch (OperationCanceledException)
        {
            Log.OwedWorkDropped(host.Logger, host.Options.CloseTimeout.TotalSeconds);
        }
    }

    /// <summary>Steps over an effect's end or partial result; any other message is left alone.</summary>
    private async Task TakeEffectAsync(Inbound message)
    {
        switch (message)
        {
            case Inbound.EffectEnded ended:
                effects.Ended(ended.End.Id);
                endingEffect = ended.End.Span;
                await StepAsync(ended.End.ToInput(Env()));
                endingEffect = default;
                break;
            case Inbound.EffectReported reported:
                await StepAsync(Input.NewEffectItem(reported.Id, reported.Fold, Env()));
                break;
        }
    }

    /// <summary>
    /// A reconnecting client's mount with the snapshot of its page's state it kept: the snapshot is read (keys, page,
    /// user, age, the state type's shape, the JSON) and the runtime resumes the page from it or mounts it afresh.
    /// </summary>
    private async Task ResumeAsync(ClientAction mount, string token)
    {
        var page = mount.Name.Page;
        var snapshot = host.Snapshots.Read(page, host.States.Of(page), host.Options.UserId(http.User) ?? string.Empty, token);
        restored = snapshot is Snapshot.Decoded decoded ? decoded.State : null;
        try
        {
            await StepAsync(Input.NewResume(mount, snapshot, Env()));
        }
        finally
        {
            restored = null;
        }
    }

    /// <summary>
    /// The server is shutting down: the snapshot due, if the state changed since the last one, goes before the close,
    /// so that the client resumes on another node where it was. Bounded by <see cref="LiveViewOptions.CloseTimeout"/>.
    /// </summary>
    private async Task SendLastSnapshotAsync()
    {
        if (snapshots is null || socket.State != WebSocketState.Open || !snapshots.Write(runtime, frames))
        {
            return;
        }

        using var timeout = new CancellationTokenSource(host.Options.CloseTimeout);
        try
        {
            for (var i = 0; i < frames.Count; i++)
            {
                await socket.SendAsync(frames.Frame(i), WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
                host.Metrics.Sent(frames.Frame(i).Length);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            Log.SocketLost(host.Logger, ex.Message);
        }
        finally
        {
            frames.Release();
        }
    }

    /// <summary>The close status of a connection whose queue of messages overflowed: 1013, try again later.</summary>
    public const WebSocketCloseStatus FellBehind = (WebSocketCloseStatus)1013;

    private Env Env() => new(host.Time.GetUtcNow(), random);

    /// <summary>Messages to this connection, to its user and to everyone reach whichever page is live.</summary>
    private void ListenToAudiences()
    {
        audiences.Add(host.PubSub.Subscribe(Audience.Connection(Id), new Delivery(pushes, 0, "connection")));
        audiences.Add(host.PubSub.Subscribe(Audience.Everyone, new Delivery(pushes, 0, "everyone")));
        if (host.Options.UserId(http.User) is { Length: > 0 } user)
        {
            audiences.Add(host.PubSub.Subscribe(Audience.User(user), new Delivery(pushes, 0, $"user {user}")));
        }
    }

    private void StopListening()
    {
        foreach (var audience in audiences)
        {
            audience.Dispose();
        }

        audiences.Clear();
        subscriptions.StopAll();
    }

    /// <summary>Steps over a batch of queued messages, then lets the queue wake the loop again.</summary>
    private async Task TakePushesAsync()
    {
        try
        {
            for (var i = 0; i < PushQueue.Batch && pushes.TryTake(out var pushed); i++)
            {
                pushed.Timer?.Taken();
                var origin = pushed.Timer is { } timer
                    ? Origin.NewTimer(timer.Name)
                    : Origin.NewMessage(pushed.Message.GetType().Name, pushed.Source);
                var via = pushed.Via is { } subscription ? FSharpValueOption<Subscription>.NewValueSome(subscription) : FSharpValueOption<Subscription>.ValueNone;
                await StepAsync(Input.NewMessage(pushed.Owner, via, origin, pushed.Message, Env()));
            }
        }
        finally
        {
            pushes.Drained();
        }
    }

    /// <summary>
    /// Steps the runtime over <paramref name="input"/> and does what it says; an authorization is answered at once. A
    /// client action, a message or a timer's tick is an action: measured and traced when someone listens.
    /// </summary>
    private async Task StepAsync(Input input)
    {
        action = ActionTrace.Start(input, host.Site, runtime.Instance, host.Metrics, host.Activities, socketSpan);
        try
        {
            for (Input? next = input; next is not null;)
            {
                (runtime, var outputs) = RuntimeModule.step(host.Site, next, runtime);
                var authorize = Follow(outputs);
                await SendFramesAsync();
                next = authorize is null ? null : Input.NewAuthorized(authorize.Navigation, await AuthorizeAsync(authorize.Page), Env());
            }

            gate.Set(runtime.Saturated);
            snapshots?.Follow(runtime, restored);
        }
        finally
        {
            action.End();
            action = default;
        }
    }

    /// <summary>
    /// Does what a step's outputs say, but for sending the frames they write and answering the authorization they ask
    /// for (returned, if any).
    /// </summary>
    private Output.Authorize? Follow(FSharpList<Output> outputs)
    {
        Output.Authorize? authorize = null;
        foreach (var output in outputs)
        {
            switch (output)
            {
                case Output.Frames reply when reply.Patches.IsEmpty:
                    frames.WriteAck(reply.Answer, reply.Loading);
                    break;
                case Output.Frames reply:
                    frames.WritePatches(reply.Answer, reply.Patches, reply.Loading);
                    break;
                case Output.Push push:
                    frames.WritePatches(null, push.Patches);
                    host.Metrics.Pushed(LivePage);
                    break;
                case Output.Subscribe subscribe:
                    subscriptions.Start(subscribe.Owner, subscribe.Subscription);
                    break;
                case Output.Retrack retrack:
                    subscriptions.Retrack(retrack.Owner, retrack.Before, retrack.After);
                    break;
                case Output.Unsubscribe unsubscribe:
                    subscriptions.Stop(unsubscribe.Owner, unsubscribe.Subscription);
                    break;
                case Output.Broadcast broadcast:
                    Publish(broadcast.Broadcast);
                    host.Metrics.Broadcast(broadcast.Broadcast.To.Kind, broadcast.Page);
                    break;
                case Output.Fail fail:
                    Report(fail.Fault);
                    frames.WriteError(ToWire(fail));
                    break;
                case Output.Log log when log.Fault.Exception is null:
                    Log.Dropped(host.Logger, log.Fault.Message);
                    Count(log.Fault);
                    break;
                case Output.Log log:
                    Log.FaultOnly(host.Logger, log.Fault.Exception, log.Fault.Message);
                    Count(log.Fault);
                    break;
                case Output.Start start:
                    effects.Start(start.Effect, start.Work, effects.TagsFor(start.Origin, runtime.Instance, endingEffect));
                    break;
                case Output.Cancel cancel:
                    effects.Cancel(cancel.Effect);
                    break;
                case Output.Authorize request:
                    authorize = request;
                    break;
                case Output.Reconnected { Outcome.IsOk: true } resumed:
                    Log.Resumed(host.Logger, resumed.Page);
                    break;
                case Output.Reconnected fresh:
                    var why = fresh.Outcome.ErrorValue;
                    Log.ResumeRefused(host.Logger, (why as SnapshotRejection.Unusable)?.Error, fresh.Page, why.Message);
                    break;
            }
        }

        return authorize;
    }

    /// <summary>Sends a page's broadcast; a backplane's failure is logged, never waited for.</summary>
    private void Publish(Broadcast broadcast)
    {
        try
        {
            var publishing = host.PubSub.PublishAsync(broadcast.To, broadcast.Message, CancellationToken.None);
            if (!publishing.IsCompletedSuccessfully)
            {
                _ = ObserveAsync(publishing, broadcast.To);
            }
        }
        catch (Exception ex)
        {
            Log.BroadcastFailed(host.Logger, ex, broadcast.To.ToString());
        }
    }

    private async Task ObserveAsync(ValueTask publishing, Audience audience)
    {
        try
        {
            await publishing;
        }
        catch (Exception ex)
        {
            Log.BroadcastFailed(host.Logger, ex, audience.ToString());
        }
    }

    /// <summary>May the socket's user mount the page? A failing authorization refuses (and is logged).</summary>
    private async Task<Verdict> AuthorizeAsync(string page)
    {
        try
        {
            return await host.Access.AuthorizeAsync(page, http);
        }
        catch (Exception ex)
        {
            Log.AuthorizationFailed(host.Logger, ex, page);
            return Verdict.Forbidden;
        }
    }

    private void Report(Fault fault)
    {
        if (fault.Exception is { } error)
        {
            Log.PageFailed(host.Logger, error, fault.Message);
        }
        else
        {
            Log.ClientError(host.Logger, fault.Code, fault.Message);
        }

        Count(fault);
    }

    /// <summary>A failure, in <c>liveview.errors</c> and in the outcome of the action in progress.</summary>
    private void Count(Fault fault)
    {
        var code = fault.Code;
        host.Metrics.Failed(code);
        action.Failed(code);
    }

    /// <summary>The live page's name, for measurements.</summary>
    private string LivePage => runtime.Instance?.Page.Name ?? DiagnosticTags.Other;

    private WireError ToWire(Output.Fail fail) => new(
        fail.Fault.Code,
        fail.Fault.MessageFor(host.Development),
        fail.Answer.IsSome ? fail.Answer.Value : null,
        fail.Loading,
        fail.Fault is Fault.Refused refused ? refused.Redirect : null);

    /// <summary>Sends the frames just written, then gives their memory back; a client that stops reading is dropped.</summary>
    private async Task SendFramesAsync()
    {
        try
        {
            var sent = 0L;
            for (var i = 0; i < frames.Count; i++)
            {
                var frame = frames.Frame(i);
                var send = socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, lifetime.Token);
                if (!send.IsCompletedSuccessfully)
                {
                    await WithinSendTimeoutAsync(send);
                }

                sent += frame.Length;
            }

            if (sent > 0)
            {
                host.Metrics.Sent(sent);
            }
        }
        finally
        {
            frames.Release();
        }
    }

    private async Task WithinSendTimeoutAsync(ValueTask send)
    {
        try
        {
            await send.AsTask().WaitAsync(host.Options.SendTimeout);
        }
        catch (TimeoutException)
        {
            Log.ClientStalled(host.Logger, host.Options.SendTimeout.TotalSeconds);
            socket.Abort();
            throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely, "The client stopped reading.");
        }
    }

    /// <summary>With <see cref="LiveViewOptions.CloseOnAuthenticationExpiration"/>, closes the socket when its ticket expires.</summary>
    private IDisposable? CloseWhenAuthenticationExpires()
    {
        var expires = http.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Properties?.ExpiresUtc;
        if (!host.Options.CloseOnAuthenticationExpiration || expires is not { } at)
        {
            return null;
        }

        var due = at - host.Time.GetUtcNow();
        return host.Time.CreateTimer(
            _ => mailbox.Writer.TryWrite(new Inbound.Close(WebSocketCloseStatus.PolicyViolation, "The authentication expired.")),
            null,
            due > TimeSpan.Zero ? due : TimeSpan.Zero,
            Timeout.InfiniteTimeSpan);
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
