using System.Net.WebSockets;

namespace LiveView.AspNetCore;

/// <summary>What reaches a connection's loop through its mailbox. Only the loop steps the runtime.</summary>
internal abstract record Inbound
{
    /// <summary>A decoded client action.</summary>
    public sealed record Received(ClientAction Action) : Inbound;

    /// <summary>A client frame that could not be decoded.</summary>
    public sealed record Rejected(WireError Error) : Inbound;

    /// <summary>An effect's work ended.</summary>
    public sealed record EffectEnded(EffectEnd End) : Inbound;

    /// <summary>The socket must close with this status (e.g. 1009 for an oversized message).</summary>
    public sealed record Close(WebSocketCloseStatus Status, string Description) : Inbound;
}
