using System.Net.WebSockets;
using Microsoft.FSharp.Core;

namespace LiveView.AspNetCore;

/// <summary>Replies: keeping a fold's state, encoding its patches, sending frames and errors.</summary>
internal sealed partial class LiveConnection
{
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
}
