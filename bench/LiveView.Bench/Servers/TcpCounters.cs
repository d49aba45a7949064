using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace LiveView.Bench.Servers;

/// <summary>
/// TCP payload bytes a server's sockets have sent and received so far (from the kernel's tcp_info through
/// <c>ss</c>): what really crossed the wire after any compression, with WebSocket framing, without TCP/IP headers.
/// </summary>
public readonly partial record struct TcpCounters(long Sent, long Received)
{
    [GeneratedRegex(@"bytes_sent:(\d+)")]
    private static partial Regex SentField();

    [GeneratedRegex(@"bytes_received:(\d+)")]
    private static partial Regex ReceivedField();

    /// <summary>Sums the counters of every established socket whose local port is <paramref name="port"/>.</summary>
    public static TcpCounters Read(int port)
    {
        var start = new ProcessStartInfo("ss", ["-tinH", "state", "established", $"( sport = :{port} )"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var ss = Process.Start(start) ?? throw new InvalidOperationException("Could not run ss (iproute2).");
        var output = ss.StandardOutput.ReadToEnd();
        ss.WaitForExit();
        return new TcpCounters(Sum(SentField(), output), Sum(ReceivedField(), output));
    }

    private static long Sum(Regex field, string text) =>
        field.Matches(text).Sum(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));

    public static TcpCounters operator -(TcpCounters after, TcpCounters before) =>
        new(after.Sent - before.Sent, after.Received - before.Received);
}
