using Microsoft.Extensions.Logging;

namespace LiveView.Redis;

/// <summary>The backplane's log messages, generated at compile time.</summary>
internal static partial class Log
{
    [LoggerMessage(101, LogLevel.Information, "LiveView's Redis backplane is connected; this node is {Node}.")]
    public static partial void BackplaneConnected(ILogger logger, string node);

    [LoggerMessage(
        102,
        LogLevel.Error,
        "LiveView's Redis backplane cannot reach Redis ({Reason}). This node goes on serving its own pages; messages to and "
        + "from other nodes are dropped, and other nodes' presences leave its lists after {Timeout} s, until Redis is back.")]
    public static partial void BackplaneDown(ILogger logger, Exception? exception, string reason, double timeout);

    [LoggerMessage(
        103,
        LogLevel.Information,
        "LiveView's Redis backplane reaches Redis again after {Seconds:0.0} s; {NotSent} messages were not sent to other nodes meanwhile.")]
    public static partial void BackplaneUp(ILogger logger, double seconds, long notSent);

    [LoggerMessage(104, LogLevel.Error, "LiveView's Redis backplane could not be set up; this node works alone.")]
    public static partial void CannotConnect(ILogger logger, Exception exception);

    [LoggerMessage(105, LogLevel.Debug, "LiveView's Redis backplane could not send a message.")]
    public static partial void SendFailed(ILogger logger, Exception exception);

    [LoggerMessage(106, LogLevel.Debug, "LiveView's Redis backplane could not subscribe to {Channel}; it tries again when Redis is back.")]
    public static partial void SubscribeFailed(ILogger logger, Exception exception, string channel);

    [LoggerMessage(
        107,
        LogLevel.Warning,
        "LiveView could not write a message of type {Type} for other nodes; it reached this node's pages only.")]
    public static partial void NotSerializable(ILogger logger, Exception exception, string type);

    [LoggerMessage(
        108,
        LogLevel.Warning,
        "LiveView dropped a message of type {Type} from another node: no registered page handles that type, and only "
        + "those are read from Redis.")]
    public static partial void Refused(ILogger logger, string type);

    [LoggerMessage(111, LogLevel.Debug, "LiveView dropped another message of type {Type} from another node: no registered page handles it.")]
    public static partial void RefusedAgain(ILogger logger, string type);

    [LoggerMessage(109, LogLevel.Warning, "LiveView dropped an unreadable message from Redis channel {Channel}.")]
    public static partial void Unreadable(ILogger logger, Exception exception, string channel);

    [LoggerMessage(110, LogLevel.Information, "LiveView node {Node} {Why}: its {Count} presences left the lists.")]
    public static partial void NodeLeft(ILogger logger, string node, string why, int count);
}
