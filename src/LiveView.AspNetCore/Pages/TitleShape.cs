namespace LiveView.AspNetCore;

/// <summary>
/// What a layout puts around a page's title in its <c>&lt;title&gt;</c> (<c>"{title} · My site"</c>: no prefix, the
/// suffix <c>" · My site"</c>), so that the document title of a new page title is a concatenation.
/// </summary>
/// <param name="Prefix">The text before the page's title.</param>
/// <param name="Suffix">The text after it.</param>
internal sealed record TitleShape(string Prefix, string Suffix)
{
    private const string Probe = "\u0001title\u0001";
    private const string Check = "\u0002check\u0002";

    /// <summary>The document title for <paramref name="title"/>.</summary>
    public string Around(string title) => Prefix + title + Suffix;

    /// <summary>
    /// The shape of the layout that <paramref name="render"/> runs (page title in, document title out), or null when
    /// the layout does more than put text around the title (it changes it, repeats it, or has no title): a second
    /// title is rendered to check that the shape predicts it. (A layout whose title depends on the page title's
    /// content in other ways, say its length, is not told apart: keep a layout's title to text around the page's.)
    /// </summary>
    public static TitleShape? Learn(Func<string, string?> render)
    {
        var probed = render(Probe);
        var at = probed?.IndexOf(Probe, StringComparison.Ordinal) ?? -1;
        if (probed is null || at < 0 || probed.IndexOf(Probe, at + 1, StringComparison.Ordinal) >= 0)
        {
            return null;
        }

        var shape = new TitleShape(probed[..at], probed[(at + Probe.Length)..]);
        return render(Check) == shape.Around(Check) ? shape : null;
    }
}
