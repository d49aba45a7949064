namespace LiveView.AspNetCore;

/// <summary>
/// What of the client's source is sent: its code without the comments written for its readers (lines that are only a
/// comment, and <c>/* ... */</c> blocks that start a line) and without indentation. No bundler, nothing to build.
/// </summary>
internal static class ScriptText
{
    /// <summary>
    /// <paramref name="source"/> without comment lines and indentation. Indentation stays when a template literal
    /// spans lines (its text would change).
    /// </summary>
    public static string Served(string source)
    {
        var lines = source.ReplaceLineEndings("\n").Split('\n');
        var keepIndentation = lines.Any(line => line.Count(c => c == '`') % 2 == 1);
        var served = new System.Text.StringBuilder(source.Length);
        var inBlock = false;
        foreach (var line in lines)
        {
            var code = line.Trim();
            if (inBlock)
            {
                inBlock = !code.Contains("*/", StringComparison.Ordinal);
                continue;
            }

            if (code.StartsWith("/*", StringComparison.Ordinal))
            {
                inBlock = !code.Contains("*/", StringComparison.Ordinal);
                continue;
            }

            if (code.Length == 0 || code.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            served.Append(keepIndentation ? line.TrimEnd() : code).Append('\n');
        }

        return served.ToString();
    }
}
