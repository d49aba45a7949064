using Microsoft.AspNetCore.SignalR;

namespace LiveView.Bench.SignalR;

/// <summary>The hub every benchmark client connects to: it joins group <see cref="Group"/> as it connects.</summary>
public sealed class FanHub : Hub
{
    /// <summary>The one group of the fan-out: every connected client is in it.</summary>
    public const string Group = "fan";

    /// <summary>The client method a broadcast invokes, with the broadcast's stamp as its one argument.</summary>
    public const string Method = "fan";

    public override Task OnConnectedAsync() => Groups.AddToGroupAsync(Context.ConnectionId, Group);
}
