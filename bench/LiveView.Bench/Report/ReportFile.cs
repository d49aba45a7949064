namespace LiveView.Bench.Report;

/// <summary>
/// Puts a part measured apart into docs/benchmarks.md without touching the rest: its section (from its heading to the
/// next heading of its level) replaced, or inserted before the targets; and its rows of the targets' table replaced.
/// </summary>
public static class ReportFile
{
    private const string Targets = "## Targets";

    /// <summary>
    /// <paramref name="text"/> with the section that starts with <paramref name="heading"/> replaced by
    /// <paramref name="section"/> (inserted before the targets, or at the end, when it has none yet), and the rows of the
    /// targets' table that start with <paramref name="targetPrefix"/> replaced by <paramref name="targetRows"/>.
    /// </summary>
    public static string Splice(string text, string heading, string section, string targetPrefix, string targetRows)
    {
        var start = text.IndexOf(heading, StringComparison.Ordinal);
        if (start >= 0)
        {
            var end = text.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
            text = text[..start] + (end < 0 ? "" : text[(end + 1)..]);
        }
        else
        {
            start = text.IndexOf(Targets, StringComparison.Ordinal);
            start = start < 0 ? text.Length : start;
        }

        text = text[..start] + section + text[start..];

        var targets = text.IndexOf(Targets, StringComparison.Ordinal);
        if (targets < 0)
        {
            return text;
        }

        // The table: the lines that start with '|' after the heading, up to the first line that does not.
        var lines = text[targets..].Split('\n').ToList();
        var first = lines.FindIndex(line => line.StartsWith('|'));
        var count = lines.Skip(first).TakeWhile(line => line.StartsWith('|')).Count();
        var kept = lines.Skip(first).Take(count).Where(line => !line.StartsWith(targetPrefix, StringComparison.Ordinal));
        var rows = targetRows.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines = [.. lines.Take(first), .. kept, .. rows, .. lines.Skip(first + count)];
        return text[..targets] + string.Join('\n', lines);
    }
}
