using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace LiveView.Bench.Hostile;

/// <summary>One end of a TCP connection as the kernel sees it (from <c>ss</c>).</summary>
/// <param name="State">ESTAB, CLOSE-WAIT, FIN-WAIT-1...</param>
/// <param name="ReceiveQueue">Bytes received that the application has not read yet.</param>
/// <param name="SendQueue">Bytes the application wrote that the peer has not acknowledged yet.</param>
/// <param name="BytesAcked">Bytes this end sent that the peer acknowledged (tcp_info), 0 when unknown.</param>
/// <param name="BytesReceived">Bytes this end received (tcp_info), 0 when unknown.</param>
public readonly record struct TcpEnd(string State, long ReceiveQueue, long SendQueue, long BytesAcked, long BytesReceived);

/// <summary>
/// Both ends of one loopback connection between a client port and a server port: is it still up, and how many bytes
/// wait in the kernel on each side. Needs nothing from the server: a client that never reads still sees whether the
/// server closed or reset its socket (the client's end leaves ESTAB).
/// </summary>
/// <param name="Server">The server's end, or null when the server no longer has the socket.</param>
/// <param name="Client">The client's end, or null when the client's socket is gone.</param>
public sealed partial record TcpConnection(TcpEnd? Server, TcpEnd? Client)
{
    [GeneratedRegex(@"bytes_acked:(\d+)")]
    private static partial Regex AckedField();

    [GeneratedRegex(@"bytes_received:(\d+)")]
    private static partial Regex ReceivedField();

    /// <summary>True while both ends are established.</summary>
    public bool Established => Server?.State == "ESTAB" && Client?.State == "ESTAB";

    /// <summary>Reads both ends of the connection between <paramref name="serverPort"/> and <paramref name="clientPort"/>.</summary>
    public static TcpConnection Read(int serverPort, int clientPort)
    {
        var filter = $"( ( sport = :{serverPort} and dport = :{clientPort} ) or ( sport = :{clientPort} and dport = :{serverPort} ) )";
        var start = new ProcessStartInfo("ss", ["-tinH", "state", "all", filter])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var ss = Process.Start(start) ?? throw new InvalidOperationException("Could not run ss (iproute2).");
        var lines = ss.StandardOutput.ReadToEnd().Split('\n');
        ss.WaitForExit();

        TcpEnd? server = null, client = null;
        for (var i = 0; i < lines.Length; i++)
        {
            // A socket is a line "State Recv-Q Send-Q Local Peer", then an indented line of tcp_info fields.
            if (lines[i].Length == 0 || char.IsWhiteSpace(lines[i][0]))
            {
                continue;
            }

            var fields = lines[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 5)
            {
                continue;
            }

            var info = i + 1 < lines.Length && lines[i + 1].Length > 0 && char.IsWhiteSpace(lines[i + 1][0]) ? lines[i + 1] : "";
            var end = new TcpEnd(
                fields[0],
                long.Parse(fields[1], CultureInfo.InvariantCulture),
                long.Parse(fields[2], CultureInfo.InvariantCulture),
                Field(AckedField(), info),
                Field(ReceivedField(), info));
            var localPort = PortOf(fields[3]);
            if (localPort == serverPort)
            {
                server = Pick(server, end);
            }
            else if (localPort == clientPort)
            {
                client = Pick(client, end);
            }
        }

        return new TcpConnection(server, client);
    }

    /// <summary>A port can show twice (an old socket in TIME-WAIT beside a live one): the established one wins.</summary>
    private static TcpEnd Pick(TcpEnd? found, TcpEnd end) => found is { State: "ESTAB" } f ? f : end;

    private static int PortOf(string address) =>
        int.Parse(address[(address.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);

    private static long Field(Regex field, string info)
    {
        var match = field.Match(info);
        return match.Success ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>One line for the console and the report.</summary>
    public string Describe()
    {
        static string End(TcpEnd? end) => end switch
        {
            null => "gone",
            { State: not "ESTAB", ReceiveQueue: 0, SendQueue: 0 } e => e.State,
            { } e => $"{e.State}, unread {Kib(e.ReceiveQueue)}, unacknowledged {Kib(e.SendQueue)}",
        };
        return $"server end: {End(Server)}; client end: {End(Client)}";
    }

    private static string Kib(long bytes) => (bytes / 1024.0).ToString("F0", CultureInfo.InvariantCulture) + " KiB";
}
