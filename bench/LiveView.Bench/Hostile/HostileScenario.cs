using System.Text;

namespace LiveView.Bench.Hostile;

/// <summary>
/// One abusive client against the Website example: a socket that sends the same action again and again, as fast as
/// it can, and either reads the replies or never does.
/// </summary>
/// <param name="Key">A short name, for the console and the report.</param>
/// <param name="Title">What the scenario is, in a few words.</param>
/// <param name="Action">The frame the flooder sends, exactly as the browser client would.</param>
/// <param name="Frames">How many frames the flooder sends at most (fewer if sending blocks or the window ends).</param>
/// <param name="Reads">Whether the flooder reads its socket. One that never reads lets the server's replies pile up.</param>
/// <param name="RepliesPerFrame">How many frames the server answers each action with, when it keeps up.</param>
/// <param name="FirstReplyMarker">
/// Text found in the first reply to each action only (<c>null</c>: every reply is a first reply). The n-th first reply
/// answers the n-th frame, since one socket's actions are answered in order: that gives the server's answer lag.
/// </param>
/// <param name="Notes">What the action does on the server, for the report.</param>
public sealed record HostileScenario(
    string Key,
    string Title,
    string Action,
    int Frames,
    bool Reads,
    int RepliesPerFrame,
    string? FirstReplyMarker,
    string Notes)
{
    /// <summary>The Website's slow search: each frame starts a one-second effect (a delay, then an EF Core query).</summary>
    public const string Search = """{"action":"home->search","data":{"lang":"en"},"form":{"q":"x"}}""";

    /// <summary>The well-behaved client's action: the about page's wave, answered with one small frame.</summary>
    public const string Wave = """{"action":"about->wave","data":{"lang":"en"}}""";

    public static readonly HostileScenario EffectFloodReading = new(
        "effect-flood-reading",
        "Effect flood, the flooder reads",
        Search,
        Frames: 40_000,
        Reads: true,
        RepliesPerFrame: 2,
        FirstReplyMarker: "Searching",
        "`home->search` answers at once (\"Searching…\", 91 B) and starts a 1 s effect (Task.Delay, then an EF Core query on SQLite) whose result comes as a second frame (267 B).");

    public static readonly HostileScenario EffectFloodNotReading = EffectFloodReading with
    {
        Key = "effect-flood-not-reading",
        Title = "Effect flood, the flooder never reads",
        Reads = false,
    };

    public static readonly HostileScenario StalledReader = new(
        "stalled-reader",
        "Stalled reader, large replies",
        """{"action":"contact->send_page","data":{"lang":"en"}}""",
        Frames: 20_000,
        Reads: false,
        RepliesPerFrame: 1,
        FirstReplyMarker: null,
        "`contact->send_page` navigates to the contact page: one 1,242 B frame with the page's HTML per action, mounted on the socket's loop (no effect).");

    public static readonly HostileScenario StalledReaderBlog = new(
        "stalled-reader-blog",
        "Stalled reader, navigation with a database mount",
        """{"action":"blog->send_page","data":{"lang":"en"}}""",
        Frames: 20_000,
        Reads: false,
        RepliesPerFrame: 1,
        FirstReplyMarker: null,
        "`blog->send_page` mounts the blog page off the loop (an EF Core query for the first posts). A navigation that a later one overtakes is answered with a 28 B acknowledgement, so under a flood nearly every reply is small; only the last carries the page (1,440 B).");

    /// <summary>The scenarios of a run, in order.</summary>
    public static readonly IReadOnlyList<HostileScenario> All =
        [EffectFloodReading, EffectFloodNotReading, StalledReader, StalledReaderBlog];

    /// <summary>The action as UTF-8 bytes, ready to send.</summary>
    public byte[] ActionBytes => Encoding.UTF8.GetBytes(Action);
}
