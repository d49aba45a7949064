using LiveView.CSharp;

namespace LiveView.Bench.Server.Pages;

/// <summary>One broadcast of the fan-out benchmark: its stamp tells the clients which one it is.</summary>
public sealed record Fan(string Stamp);

/// <summary>The fan-out page's state: nothing to keep, every broadcast is shown as it comes.</summary>
public sealed record FanState;

/// <summary>
/// The fan-out benchmark's page: subscribed to topic <see cref="Topic"/>, it shows each <see cref="Fan"/> broadcast
/// to it in <c>#fan</c>, a frame pushed to its client. A raw socket mounts it with <c>fan-&gt;join</c>, which is
/// answered (<c>fan-&gt;mount</c> is not: the browser client sends it for a page it already shows).
/// </summary>
public static class FanPage
{
    /// <summary>The topic every fan page listens to.</summary>
    public const string Topic = "fan";

    private static readonly FanState Empty = new();

    public static readonly Page<FanState> Page =
        LivePage.Create("fan", Empty, _ => H.P("").Id("fan"))
            .WithTitle("Fan-out")
            .On("join", (state, _) => state)
            .WithSubscriptions(_ => [Subscription.Topic(Topic)])
            .OnMessage<Fan>((state, fan, _) => (state, Patch.Html("#fan", fan.Stamp)));
}
