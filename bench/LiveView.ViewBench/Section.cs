namespace LiveView.ViewBench;

/// <summary>
/// The view updates' section of docs/benchmarks.md: from its heading to the next heading of its level (or the end),
/// replaced; appended when the file has none. The main benchmark keeps it when it rewrites the rest.
/// </summary>
internal static class Section
{
    public const string Heading = "## View updates";

    public static void Replace(string path, string section)
    {
        var text = File.Exists(path) ? File.ReadAllText(path) : "";
        var start = text.IndexOf(Heading, StringComparison.Ordinal);
        if (start < 0)
        {
            File.WriteAllText(path, text.TrimEnd() + "\n\n" + section);
            return;
        }

        var end = text.IndexOf("\n## ", start + Heading.Length, StringComparison.Ordinal);
        File.WriteAllText(path, text[..start] + section + (end < 0 ? "" : text[(end + 1)..]));
    }
}
