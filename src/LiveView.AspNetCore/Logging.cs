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

    /// <summary>
    /// A client's mistake (bad frame, unknown page, refused mount...) is the client's business: Debug, so that bad
    /// frames cannot fill an Information log. Client text in the message was escaped (ClientText) where it was made.
    /// </summary>
    [LoggerMessage(4, LogLevel.Debug, "LiveView client error {Code}: {Message}")]
    public static partial void ClientError(ILogger logger, string code, string message);

    [LoggerMessage(5, LogLevel.Error, "LiveView: {Message}")]
    public static partial void PageFailed(ILogger logger, Exception exception, string message);

    /// <summary>A failure no client action waits for: a message's fold, a timer's, an effect whose page is gone.</summary>
    [LoggerMessage(6, LogLevel.Error, "LiveView, no action to answer: {Message}")]
    public static partial void FaultOnly(ILogger logger, Exception? exception, string message);

    [LoggerMessage(7, LogLevel.Warning, "LiveView message of more than {Limit} bytes refused; closing the socket with 1009.")]
    public static partial void MessageTooBig(ILogger logger, int limit);

    [LoggerMessage(8, LogLevel.Debug, "LiveView socket lost: {Reason}")]
    public static partial void SocketLost(ILogger logger, string reason);

    [LoggerMessage(9, LogLevel.Warning, "LiveView message incomplete after {Seconds} s; closing the socket with 1008.")]
    public static partial void MessageTimedOut(ILogger logger, double seconds);

    [LoggerMessage(10, LogLevel.Warning, "LiveView client stopped reading: a send took more than {Seconds} s; the socket is dropped.")]
    public static partial void ClientStalled(ILogger logger, double seconds);

    [LoggerMessage(12, LogLevel.Debug, "LiveView: {Message}")]
    public static partial void Dropped(ILogger logger, string message);

    [LoggerMessage(13, LogLevel.Warning, "LiveView client fell behind: more than {Limit} messages queued; closing the socket with 1013.")]
    public static partial void ClientFellBehind(ILogger logger, int limit);

    [LoggerMessage(14, LogLevel.Error, "LiveView could not broadcast to {Audience}.")]
    public static partial void BroadcastFailed(ILogger logger, Exception exception, string audience);

    [LoggerMessage(15, LogLevel.Warning, "LiveView socket closed with actions still waiting for its page's mount after {Seconds} s; they are dropped.")]
    public static partial void OwedWorkDropped(ILogger logger, double seconds);

    [LoggerMessage(11, LogLevel.Error, "LiveView could not authorize a mount of page '{Page}'; the mount is refused.")]
    public static partial void AuthorizationFailed(ILogger logger, Exception exception, string page);

    [LoggerMessage(16, LogLevel.Debug, "LiveView page '{Page}' resumed from its client's snapshot.")]
    public static partial void Resumed(ILogger logger, string page);

    /// <summary>A reconnect whose snapshot could not be used: why (never the state's content).</summary>
    [LoggerMessage(17, LogLevel.Information, "LiveView page '{Page}' mounted afresh on a reconnect: {Reason}.")]
    public static partial void ResumeRefused(ILogger logger, Exception? exception, string page, string reason);

    [LoggerMessage(
        18,
        LogLevel.Warning,
        "LiveView page '{Page}' cannot keep its state across reconnects: its state type {StateType} cannot be snapshotted: {Problem}. " +
        "A reconnect mounts it afresh. Make the member serializable with System.Text.Json (or give it a [JsonConverter]), or say so with Page.forgetState / .ForgetState().")]
    public static partial void StateNotKept(ILogger logger, string page, string stateType, string problem);

    [LoggerMessage(
        19,
        LogLevel.Warning,
        "LiveView page '{Page}': its state makes a snapshot of {Bytes} bytes, over LiveView:MaxStateBytes ({Limit}); it is not kept while it is that large, and a reconnect mounts the page afresh.")]
    public static partial void StateTooLarge(ILogger logger, string page, int bytes, int limit);

    [LoggerMessage(20, LogLevel.Warning, "LiveView page '{Page}': its state could not be snapshotted ({Error}); a reconnect mounts the page afresh.")]
    public static partial void StateUnwritable(ILogger logger, string page, string error);
}
