using LiveView.CSharp;

namespace LiveView.Bench.Server.Pages;

/// <summary>The present page's state: the connection it is mounted on, which is also its presence key.</summary>
public sealed record PresentState(string Connection);

/// <summary>
/// The idle-memory variant of a live page: subscribed to one topic and present in it (tracked under its
/// connection's id), as a chat room's page is, but with nothing broadcast to it while it idles. A raw socket mounts
/// it with <c>present-&gt;join</c>, which is answered.
/// </summary>
public static class PresentPage
{
    /// <summary>The topic every present page listens to and is present in.</summary>
    public const string Topic = "lobby";

    public static readonly Page<PresentState> Page =
        LivePage.Create("present", ctx => new PresentState(ctx.Connection), _ => H.P("").Id("present"))
            .WithTitle("Present")
            .On("join", (state, _) => state)
            .WithSubscriptions(state => [Subscription.Topic(Topic), Subscription.Track(Topic, state.Connection)]);
}
