using System.Net.WebSockets;
using Microsoft.FSharp.Core;

namespace LiveView.AspNetCore;

/// <summary>What reaches a connection's loop through its mailbox. Only the loop touches page state.</summary>
internal abstract record Inbound
{
    /// <summary>A decoded client action.</summary>
    public sealed record Received(ClientAction Action) : Inbound;

    /// <summary>A client frame that could not be decoded.</summary>
    public sealed record Rejected(WireError Error) : Inbound;

    /// <summary>An effect finished; <paramref name="Fold"/> folds its result into the page's state.</summary>
    public sealed record EffectDone(
        ClientAction Origin,
        string Effect,
        FSharpFunc<object, FSharpFunc<ActionContext, Reply<object>>> Fold) : Inbound;

    /// <summary>An effect's work threw.</summary>
    public sealed record EffectFailed(ClientAction Origin, string Effect, Exception Error) : Inbound;

    /// <summary>
    /// A page mounted off the loop for navigation number <paramref name="Sequence"/>; <paramref name="Silent"/> when
    /// it was the client's <c>page-&gt;mount</c> (the page is on screen already: keep the state, send nothing).
    /// </summary>
    public sealed record Navigated(int Sequence, Page<object> Page, ClientAction Origin, string Url, Mounted Mounted, bool Silent) : Inbound;

    /// <summary>The socket must close with this status (e.g. 1009 for an oversized message).</summary>
    public sealed record Close(WebSocketCloseStatus Status, string Description) : Inbound;
}
