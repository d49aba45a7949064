using System.Net.WebSockets;

namespace LiveView.AspNetCore;

/// <summary>What reaches a connection's loop through its mailbox. Only the loop steps the runtime.</summary>
internal abstract record Inbound
{
    /// <summary>A decoded client action; with a mount, the snapshot of its page's state the client kept, if any.</summary>
    public sealed record Received(ClientAction Action, string? State = null) : Inbound;

    /// <summary>The live page's state has changed and its snapshot is due (<see cref="ConnectionSnapshots"/>).</summary>
    public sealed record SnapshotDue : Inbound
    {
        /// <summary>The one wake-up value.</summary>
        public static readonly SnapshotDue Instance = new();

        private SnapshotDue()
        {
        }
    }

    /// <summary>A client frame that could not be decoded.</summary>
    public sealed record Rejected(WireError Error) : Inbound;

    /// <summary>An effect's work ended.</summary>
    public sealed record EffectEnded(EffectEnd End) : Inbound;

    /// <summary>An effect's work reported a partial result (<c>Effect.stream</c>); it goes on.</summary>
    public sealed record EffectReported(long Id, Fold Fold) : Inbound;

    /// <summary>Messages wait in the connection's <see cref="PushQueue"/>.</summary>
    public sealed record Pushed : Inbound
    {
        /// <summary>The one wake-up value.</summary>
        public static readonly Pushed Instance = new();

        private Pushed()
        {
        }
    }

    /// <summary>The client is gone: it closed the socket, or the socket broke. Nothing more will be read.</summary>
    public sealed record Left : Inbound
    {
        /// <summary>The one value.</summary>
        public static readonly Left Instance = new();

        private Left()
        {
        }
    }

    /// <summary>The socket must close with this status (e.g. 1009 for an oversized message).</summary>
    public sealed record Close(WebSocketCloseStatus Status, string Description) : Inbound;
}
