namespace LiveView.Redis.Tests;

/// <summary>The <paramref name="N"/>th message sent by <paramref name="From"/>.</summary>
public sealed record Numbered(string From, int N);

/// <summary>A message no page handles.</summary>
public sealed record Unhandled(string Text);

/// <summary>A message that cannot be written as JSON (a delegate), handled by a page all the same.</summary>
public sealed record Unwritable(Func<int> Make);

/// <summary>A page that handles the test messages; its state counts them.</summary>
public static class MessagePages
{
    public static readonly Page<int> Counter =
        LivePage.Create("counter", initial: 0, view: n => H.Output(n.ToString(System.Globalization.CultureInfo.InvariantCulture)).Id("count"))
            .OnMessage<Numbered>((n, _, _) => n + 1)
            .OnMessage<Unwritable>((n, _, _) => n + 1)

            // An F# union from the core, to show that F# types travel.
            .OnMessage<Subscription>((n, _, _) => n + 1);
}
