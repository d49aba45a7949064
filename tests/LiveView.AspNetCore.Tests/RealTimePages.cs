using System.Globalization;

namespace LiveView.AspNetCore.Tests;

/// <summary>Said in a room.</summary>
public sealed record Said(string Text);

/// <summary>A message whose handler throws.</summary>
public sealed record Poison;

/// <summary>A timer's tick.</summary>
public sealed record Tick;

/// <summary>
/// A room: who this tab is, how many messages it heard, whether its timer runs, how many ticks it got, and the status its
/// presence says.
/// </summary>
public sealed record RoomState(string Me, int Heard, bool Ticking, int Ticks, string Status = "here");

/// <summary>Pages for the real-time tests: a room on the topic <c>room:lobby</c>, with presence and a timer.</summary>
public static class RealTimePages
{
    public const string Topic = "room:lobby";

    /// <summary>
    /// The room: subscribes to <see cref="Topic"/>, is present in it as its connection, watches its presence, and
    /// runs a 20 ms timer while <c>Ticking</c>. Heard messages show as <c>#said</c> = <c>heard:text</c>.
    /// </summary>
    public static readonly Page<RoomState> Room =
        LivePage.Create("room", init: ctx => new RoomState(ctx.Connection, 0, false, 0), view: s => H.Output(s.Heard.ToString(CultureInfo.InvariantCulture)).Id("said"))
            .WithSubscriptions(s => s.Ticking
                ? [Subscription.Topic(Topic), Present(s), Subscription.Every("tick", TimeSpan.FromMilliseconds(20), new Tick())]
                : [Subscription.Topic(Topic), Present(s)])
            .On("whoami", (s, ctx) => (s, Patch.Html("#me", ctx.Connection)))
            .On("say", (s, ctx) => Reply.With(s).Broadcast(Audience.Topic(Topic), new Said(ctx.Form("text") ?? "")))
            .On("heard", (s, _) => (s, Patch.Html("#heard", s.Heard.ToString(CultureInfo.InvariantCulture))))
            .On("away", (s, _) => s with { Status = "away" })
            .On("tick_on", (s, _) => s with { Ticking = true })
            .On("tick_off", (s, _) => s with { Ticking = false })
            .On("progress", (s, _) => Reply.With(s).Stream("progress", _ => Steps(3), (state, step, _) => (state, Patch.Html("#progress", step))))
            .OnMessage<Said>((s, said, _) => Hear(s, said))
            .OnMessage<Poison>((_, _, _) => throw new InvalidOperationException("poisoned"))
            .OnMessage<Tick>((s, _, _) => (s with { Ticks = s.Ticks + 1 }, Patch.Html("#ticks", (s.Ticks + 1).ToString(CultureInfo.InvariantCulture))));

    private static Subscription Present(RoomState s) =>
        Subscription.Track(Topic, s.Me, new Dictionary<string, string> { ["status"] = s.Status });

    /// <summary>Set by a test on its own thread while it calls <c>ILiveHub.SendAsync</c>.</summary>
    [ThreadStatic]
    public static bool Broadcasting;

    private static int heardOnABroadcaster;
    private static int heardAnywhere;

    /// <summary>Messages folded on a thread inside <c>ILiveHub.SendAsync</c>: the broadcaster did a page's work.</summary>
    public static int HeardOnABroadcaster => Volatile.Read(ref heardOnABroadcaster);

    /// <summary>Messages folded by any room, in any test.</summary>
    public static int HeardAnywhere => Volatile.Read(ref heardAnywhere);

    private static (RoomState, Patch) Hear(RoomState s, Said said)
    {
        Interlocked.Increment(ref heardAnywhere);
        if (Broadcasting)
        {
            Interlocked.Increment(ref heardOnABroadcaster);
        }

        return (s with { Heard = s.Heard + 1 }, Patch.Html("#said", $"{s.Heard + 1}:{said.Text}"));
    }

    /// <summary>
    /// A page that only watches the room's presence: <c>#present</c> lists the keys present, in order, then how many
    /// joined, left and changed status (<c>ann,bob|+1-0~0</c>), then the statuses of those who changed.
    /// </summary>
    public static readonly Page<string> Watcher =
        LivePage.Create("watcher", initial: "", view: s => H.Output(s).Id("present"))
            .WithSubscriptions(_ => [Subscription.Presence(Topic)])
            .On("look", (s, _) => s)
            .OnMessage<PresenceChanged>((_, changed, _) =>
            {
                var present = string.Join(",", changed.Present.Select(p => p.Key));
                var updated = string.Join(",", changed.Updated.Select(p => p.Meta["status"]));
                return (present, Patch.Html("#present", $"{present}|+{changed.Joined.Count}-{changed.Left.Count}~{changed.Updated.Count}{updated}"));
            });

    private static async IAsyncEnumerable<string> Steps(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            await Task.Yield();
            yield return $"{i}/{count}";
        }
    }
}
