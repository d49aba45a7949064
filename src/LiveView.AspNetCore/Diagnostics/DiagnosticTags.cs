namespace LiveView.AspNetCore;

/// <summary>The names and values of the tags on the host's measurements and spans (docs/observability.md).</summary>
internal static class DiagnosticTags
{
    /// <summary>The page: its registered name, or <see cref="Other"/> for a name no page has.</summary>
    public const string Page = "liveview.page";

    /// <summary>
    /// What ran: a client action's handler (<c>mount</c> and <c>send_page</c> for navigation), a message's type, a timer's
    /// name, an effect's name; <see cref="Other"/> for a handler the page does not have.
    /// </summary>
    public const string Handler = "liveview.handler";

    /// <summary>Where it came from: <see cref="Client"/>, <see cref="Mount"/>, <see cref="Message"/> or <see cref="Timer"/>.</summary>
    public const string Origin = "liveview.origin";

    /// <summary>How it ended: <see cref="Ok"/>, <see cref="Error"/> or (an effect) <see cref="Cancelled"/>.</summary>
    public const string Outcome = "liveview.outcome";

    /// <summary>Whom a broadcast went to: <c>connection</c>, <c>user</c>, <c>topic</c> or <c>everyone</c>.</summary>
    public const string Audience = "liveview.audience";

    /// <summary>
    /// Why it failed, as OpenTelemetry's <c>error.type</c>: the code of the error frame (<c>handler_failed</c>...), or the
    /// type of the exception an effect's work threw.
    /// </summary>
    public const string ErrorType = "error.type";

    /// <summary>A name the client sent that no page or handler has: never the client's text (it is not bounded).</summary>
    public const string Other = "_OTHER";

    /// <summary>A client action (navigation included).</summary>
    public const string Client = "client";

    /// <summary>A page's mount: its init, mount handler and mount effects.</summary>
    public const string Mount = "mount";

    /// <summary>A message from the server (<c>ILiveHub</c>, a broadcast, presence).</summary>
    public const string Message = "message";

    /// <summary>A tick of a page's timer.</summary>
    public const string Timer = "timer";

    /// <summary>It went as it should.</summary>
    public const string Ok = "ok";

    /// <summary>It failed: the client got an error frame, or the failure was logged.</summary>
    public const string Error = "error";

    /// <summary>An effect's work stopped because nobody waited for it any more, or the server stopped.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>The <see cref="Origin"/> value of a fold's root origin (an effect's is the root's that started it).</summary>
    public static string OriginOf(LiveView.Origin origin) => origin.Root switch
    {
        LiveView.Origin.Client => Client,
        LiveView.Origin.Mount => Mount,
        LiveView.Origin.Timer => Timer,
        _ => Message,
    };

    /// <summary>The <see cref="Audience"/> value of an audience's kind.</summary>
    public static string AudienceOf(AudienceKind kind) => kind switch
    {
        AudienceKind.Connection => "connection",
        AudienceKind.User => "user",
        AudienceKind.Topic => "topic",
        _ => "everyone",
    };
}
