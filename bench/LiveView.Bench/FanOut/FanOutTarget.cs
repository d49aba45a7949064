using System.Text;

namespace LiveView.Bench.FanOut;

/// <summary>
/// How the fan-out client speaks to one server: where its sockets connect, the first message each sends to join
/// the broadcast's audience, and how the answer to it must look. Broadcasts are triggered on
/// <see cref="Servers.BenchEndpoints.FanPath"/> of either server.
/// </summary>
/// <param name="Name">The server's name in the report.</param>
/// <param name="SocketPath">Path and query of the WebSocket endpoint.</param>
/// <param name="Join">The text message that joins: after its answer, the socket is in the audience (or soon is).</param>
/// <param name="Joined">True when the first message received answers <paramref name="Join"/> without an error.</param>
public sealed record FanOutTarget(string Name, string SocketPath, string Join, Func<string, bool> Joined)
{
    /// <summary>
    /// LiveView: a protocol-2 socket's first action for the fan page (<c>fan-&gt;join</c>) mounts it, and its
    /// subscription to the topic starts with the mount; the action is answered once the page is live.
    /// </summary>
    public static readonly FanOutTarget LiveView = new(
        "LiveView",
        "/ws/liveview/?protocol=2",
        """{"action":"fan->join","data":{}}""",
        answer => answer == """{"action":"fan->join"}""");

    /// <summary>
    /// SignalR: the JSON hub protocol's handshake on a WebSocket opened without negotiation (the hub adds the
    /// connection to its group as it connects). Records end with the ASCII record separator.
    /// </summary>
    public static readonly FanOutTarget SignalR = new(
        "SignalR",
        "/hub",
        "{\"protocol\":\"json\",\"version\":1}\u001e",
        answer => answer == "{}\u001e");

    /// <summary>The join message as it goes on the wire.</summary>
    public byte[] JoinBytes => Encoding.UTF8.GetBytes(Join);
}
