using Microsoft.Extensions.Logging;

namespace LiveView.AspNetCore;

/// <summary>The host's log messages, generated at compile time.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "LiveView socket opened (protocol {Protocol}).")]
    public static partial void SocketOpened(ILogger logger, int protocol);

    [LoggerMessage(2, LogLevel.Debug, "LiveView socket closed.")]
    public static partial void SocketClosed(ILogger logger);

    // An origin or host is quoted whole up to the length of a DNS name, with its control characters escaped.
    private const int MaxHeaderQuote = 256;

    /// <summary>A refused handshake; <paramref name="origin"/> and <paramref name="host"/> are the client's headers.</summary>
    public static void OriginRefused(ILogger logger, string origin, string host) =>
        OriginRefusedMessage(logger, ClientText.Escape(origin, MaxHeaderQuote), ClientText.Escape(host, MaxHeaderQuote));

    [LoggerMessage(3, LogLevel.Warning, "LiveView socket refused: origin '{Origin}' is not allowed for host '{Host}'.")]
    private static partial void OriginRefusedMessage(ILogger logger, string origin, string host);

    // A client's error is the client's problem: Debug, so that bad frames cannot fill an Information log. Client text in
    // the message was escaped (ClientText) where the message was made.
    [LoggerMessage(4, LogLevel.Debug, "LiveView client error {Code}: {Message}")]
    public static partial void ClientError(ILogger logger, string code, string message);

    [LoggerMessage(5, LogLevel.Error, "LiveView handler '{Action}' failed; the page's state is unchanged.")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string action);

    [LoggerMessage(6, LogLevel.Error, "LiveView effect '{Effect}' of '{Action}' failed; the page's state is unchanged.")]
    public static partial void EffectFailed(ILogger logger, Exception exception, string effect, string action);

    [LoggerMessage(7, LogLevel.Warning, "LiveView message of more than {Limit} bytes refused; closing the socket with 1009.")]
    public static partial void MessageTooBig(ILogger logger, int limit);

    [LoggerMessage(8, LogLevel.Debug, "LiveView socket lost: {Reason}")]
    public static partial void SocketLost(ILogger logger, string reason);
}
