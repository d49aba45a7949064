using System.Diagnostics;

namespace LiveView.AspNetCore.Tests;

/// <summary>Shouted on the topic <c>traced</c>.</summary>
public sealed record Shout(string Text);

/// <summary>The ticker's state: whether its timer runs, and how many ticks it heard.</summary>
public sealed record TickerState(bool Ticking, int Ticks);

/// <summary>
/// The page the telemetry tests act on, registered by them only: its name tells their spans from other tests'. Its
/// view never changes and every handler writes one element by hand, so that each action sends exactly the frames said.
/// </summary>
public static class TracedPages
{
    public const string Topic = "traced";

    /// <summary>Where <c>hold</c>'s fold waits, on the connection's loop, until a test sets it.</summary>
    public static readonly ManualResetEventSlim Released = new(initialState: true);

    /// <summary>Set by <c>hold</c>'s fold when it starts waiting for <see cref="Released"/>.</summary>
    public static readonly ManualResetEventSlim Holding = new();

    /// <summary>
    /// <c>click</c> answers; <c>boom</c> throws; <c>fetch</c> starts the effect <c>fetch</c>, whose work shows the span
    /// current while it runs, and whose result starts <c>refetch</c> when asked; <c>explode</c> starts an effect that
    /// throws; <c>shout</c> broadcasts to <see cref="Topic"/>, which the page listens to; <c>hold</c> blocks the loop until
    /// <see cref="Released"/>; <c>span</c> shows the span current in the handler.
    /// </summary>
    public static readonly Page<int> Traced =
        LivePage.Create("traced", initial: 0, view: _ => H.Div(H.Output().Id("n"), H.P().Id("status"), H.P().Id("fetched")))
            .WithSubscriptions(_ => [Subscription.Topic(Topic)])
            .On("click", (n, _) => (n + 1, Patch.Html("#n", (n + 1).ToString())))
            .On("boom", (_, _) => throw new InvalidOperationException("kaboom"))
            .On("fetch", (n, ctx) => Reply.With(n, Patch.Html("#status", "fetching")).Perform(
                "fetch",
                async _ =>
                {
                    await Task.Yield();
                    return Activity.Current?.DisplayName ?? "none";
                },
                (s, span, _) => ctx.Data("again") is null
                    ? (s, Patch.Html("#fetched", span))
                    : Reply.With(s, Patch.Html("#fetched", span)).Perform("refetch", _ => Task.FromResult(1), (t, _, _) => (t, Patch.Html("#status", "refetched")))))
            .On("explode", (n, _) => Reply.With(n, Patch.Html("#status", "exploding")).Perform<int, int>(
                "explode", _ => throw new TimeoutException("the database is down"), (s, _, _) => s))
            .On("shout", (n, _) => Reply.With(n, Patch.Html("#status", "shouted")).Broadcast(Audience.Topic(Topic), new Shout("hi")))
            .On("hold", (n, _) => Reply.With(n).Perform(
                "hold",
                async _ =>
                {
                    // Ends on another thread than the reader's, which the fold then runs on.
                    await Task.Yield();
                    return 0;
                },
                (s, _, _) =>
                {
                    Holding.Set();
                    Released.Wait(TimeSpan.FromSeconds(10));
                    return (s, Patch.Html("#status", "held"));
                }))
            .On("span", (n, _) => (n, Patch.Html("#status", Activity.Current?.GetTagItem("liveview.handler") as string ?? "none")))
            .OnMessage<Shout>((n, shout, _) => (n + 100, Patch.Html("#n", shout.Text)));

    /// <summary>
    /// <c>ticker</c>: <c>start</c> runs its 20 ms timer <c>tick</c>, whose first tick shows the count and stops it.
    /// </summary>
    public static readonly Page<TickerState> Ticker =
        LivePage.Create("ticker", initial: new TickerState(false, 0), view: _ => H.Div(H.Output().Id("ticks")))
            .WithSubscriptions(s => s.Ticking ? [Subscription.Every("tick", TimeSpan.FromMilliseconds(20), new Tick())] : [])
            .On("start", (s, _) => (s with { Ticking = true }, Patch.Html("#ticks", "started")))
            .OnMessage<Tick>((s, _, _) => (new TickerState(false, s.Ticks + 1), Patch.Html("#ticks", (s.Ticks + 1).ToString())));

    /// <summary>
    /// <c>herald</c> (<c>/herald</c>): its mount shouts on <see cref="Topic"/> and loads something through an effect, so
    /// that the shout goes out while the page still mounts (the page before it still live).
    /// </summary>
    public static readonly Page<int> Herald =
        LivePage.Create("herald", initial: 0, view: _ => H.Div(H.P("Herald").Id("herald")))
            .OnMount((n, _) => Reply.With(n).Broadcast(Audience.Topic(Topic), new Shout("herald")).Perform(
                "load",
                async _ =>
                {
                    await Task.Yield();
                    return 1;
                },
                (s, loaded, _) => s + loaded));
}
