namespace LiveView.Bench.Load;

/// <summary>Sizes of WebSocket frames on the wire (RFC 6455 §5.2): payload plus header, plus the mask from clients.</summary>
public static class WebSocketFrames
{
    public static int HeaderBytes(int payload, bool masked) =>
        (payload < 126 ? 2 : payload <= ushort.MaxValue ? 4 : 10) + (masked ? 4 : 0);

    /// <summary>Bytes a client sends for one text message of <paramref name="payload"/> bytes.</summary>
    public static int FromClient(int payload) => payload + HeaderBytes(payload, masked: true);

    /// <summary>Bytes a server sends for one text message of <paramref name="payload"/> bytes.</summary>
    public static int FromServer(int payload) => payload + HeaderBytes(payload, masked: false);
}
