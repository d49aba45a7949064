namespace LiveView.Bench.Hostile;

/// <summary>What the server logged during a scenario: warnings, errors and anything it printed outside its logger.</summary>
/// <param name="Warnings">Log entries at Warning.</param>
/// <param name="Errors">Log entries at Error.</param>
/// <param name="Critical">Log entries at Critical.</param>
/// <param name="Other">Lines outside the console logger's format (an unhandled exception's stack, for one).</param>
/// <param name="First">The first distinct warnings and errors, each with how many times it came.</param>
public sealed record ServerLogSummary(int Warnings, int Errors, int Critical, int Other, IReadOnlyList<(string Entry, int Times)> First);

/// <summary>
/// Reads the Website's console output (ASP.NET Core's console logger: a line <c>warn: Category[id]</c>, then the
/// message indented) and keeps count of what went wrong. Prints the first few problems as they come.
/// </summary>
public sealed class ServerLog(TextWriter console, string name)
{
    private const int Kept = 8;
    private const int Echoed = 20;

    private readonly Lock gate = new();
    private readonly Dictionary<string, int> entries = new(StringComparer.Ordinal);
    private readonly List<string> order = [];
    private int warnings, errors, critical, other, echoed;
    private string? header; // the header of a problem entry whose message is the next line

    /// <summary>Takes one line of the server's standard output or error.</summary>
    public void Add(string line)
    {
        lock (gate)
        {
            if (header is not null && line.StartsWith("      ", StringComparison.Ordinal))
            {
                Count($"{header} {line.Trim()}");
                header = null;
                return;
            }

            if (header is not null)
            {
                Count(header);
                header = null;
            }

            if (line.StartsWith("warn: ", StringComparison.Ordinal))
            {
                warnings++;
                header = line;
            }
            else if (line.StartsWith("fail: ", StringComparison.Ordinal))
            {
                errors++;
                header = line;
            }
            else if (line.StartsWith("crit: ", StringComparison.Ordinal))
            {
                critical++;
                header = line;
            }
            else if (line.Length > 0 && !char.IsWhiteSpace(line[0]) && !line.StartsWith("info: ", StringComparison.Ordinal) &&
                     !line.StartsWith("dbug: ", StringComparison.Ordinal) && !line.StartsWith("trce: ", StringComparison.Ordinal))
            {
                other++;
                Count(line);
            }
        }
    }

    /// <summary>The counts so far.</summary>
    public ServerLogSummary Summary()
    {
        lock (gate)
        {
            return new ServerLogSummary(warnings, errors, critical, other, [.. order.Select(e => (e, entries[e]))]);
        }
    }

    private void Count(string entry)
    {
        if (entries.TryGetValue(entry, out var times))
        {
            entries[entry] = times + 1;
            return;
        }

        if (order.Count < Kept)
        {
            entries[entry] = 1;
            order.Add(entry);
        }

        if (echoed++ < Echoed)
        {
            console.WriteLine($"  [{name}] {entry}");
        }
    }
}
