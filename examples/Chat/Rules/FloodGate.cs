using System.Collections.Immutable;

namespace Chat.Rules;

/// <summary>What <see cref="FloodGate.Admit"/> decided.</summary>
/// <param name="Admitted">Whether the message may go.</param>
/// <param name="Sent">The send times to keep in the state from now on (the new one added when admitted).</param>
/// <param name="Problem">Why not, in words for the user; null when admitted.</param>
public sealed record FloodVerdict(bool Admitted, ImmutableList<DateTimeOffset> Sent, string? Problem);

/// <summary>
/// At most <paramref name="Messages"/> messages in any <paramref name="Window"/>, per tab. A pure rule over the times
/// of the messages the tab sent, which the page keeps in its state; the time comes from the fold's <c>ctx.Now</c>.
/// </summary>
public sealed record FloodGate(int Messages, TimeSpan Window)
{
    /// <summary>Whether one more message may go at <paramref name="now"/>, given the times of those sent before.</summary>
    public FloodVerdict Admit(ImmutableList<DateTimeOffset> sent, DateTimeOffset now)
    {
        var recent = sent.RemoveAll(time => now - time >= Window);
        if (recent.Count < Messages)
        {
            return new FloodVerdict(true, recent.Add(now), null);
        }

        var wait = recent.Min() + Window - now;
        return new FloodVerdict(false, recent,
            $"Slow down: at most {Messages} messages in {Duration(Window)}. Try again in {Duration(wait)}.");
    }

    /// <summary><c>1 second</c>, <c>5 seconds</c>, <c>3 minutes</c>: rounded up, never zero.</summary>
    private static string Duration(TimeSpan span)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(span.TotalSeconds));
        return seconds switch
        {
            1 => "1 second",
            < 120 => $"{seconds} seconds",
            _ => $"{(seconds + 59) / 60} minutes",
        };
    }
}
