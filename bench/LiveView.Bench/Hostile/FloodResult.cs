using LiveView.Bench.Report;

namespace LiveView.Bench.Hostile;

/// <summary>What the flooding socket did and what it got back.</summary>
/// <param name="Planned">Frames it was to send.</param>
/// <param name="Sent">Frames whose send completed.</param>
/// <param name="SendingSeconds">From the first frame until sending ended.</param>
/// <param name="SendingEnded">Why sending ended: all sent, a send blocked, the window ended, a send failed.</param>
/// <param name="Replies">Frames received (a flooder that never reads receives none).</param>
/// <param name="ReplyBytes">Their payload.</param>
/// <param name="FirstReplies">Replies that were the first answer to an action (see <see cref="HostileScenario.FirstReplyMarker"/>).</param>
/// <param name="ErrorReplies">Replies that were protocol errors (<c>"error":</c>).</param>
/// <param name="FirstError">The first error reply, as received.</param>
/// <param name="AnswerLag">The n-th first reply's arrival minus the n-th frame's send, in ms.</param>
/// <param name="ResultLag">The n-th later reply (an effect's result) minus the n-th frame's send, in ms: approximate, as effects may finish out of order.</param>
/// <param name="LastReplyAt">Seconds from the flood's start to the last reply, if any.</param>
/// <param name="ServerClosed">How the server ended the connection, if it did before the flooder closed it.</param>
/// <param name="ServerClosedAt">Seconds from the flood's start until that was seen.</param>
/// <param name="FloodEnded">Why the flood ended.</param>
/// <param name="FloodSeconds">How long the flood lasted, first frame to the start of the flooder's close.</param>
/// <param name="Close">How closing went (the closing handshake, or an abort).</param>
/// <param name="TcpAtEnd">The connection as the kernel saw it when the flood ended.</param>
/// <param name="PeakUnreadByClient">Most bytes seen waiting unread in the flooder's receive queue.</param>
/// <param name="PeakUnsentByServer">Most bytes seen waiting in the server's send queue for the flooder.</param>
/// <param name="ServerBytesAcked">Bytes the server had sent to the flooder that the flooder's kernel acknowledged, at the last reading.</param>
public sealed record FloodResult(
    int Planned,
    int Sent,
    double SendingSeconds,
    string SendingEnded,
    long Replies,
    long ReplyBytes,
    long FirstReplies,
    long ErrorReplies,
    string? FirstError,
    Percentiles AnswerLag,
    Percentiles ResultLag,
    double? LastReplyAt,
    string? ServerClosed,
    double? ServerClosedAt,
    string FloodEnded,
    double FloodSeconds,
    string Close,
    TcpConnection? TcpAtEnd,
    long PeakUnreadByClient,
    long PeakUnsentByServer,
    long ServerBytesAcked);
