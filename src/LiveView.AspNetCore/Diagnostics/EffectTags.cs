using System.Diagnostics;

namespace LiveView.AspNetCore;

/// <summary>
/// What an effect's measurements and span are tagged with, and the span it is the child of. Made only when someone
/// listens. An effect's name is a tag value: keep it constant (<c>"load_posts"</c>, not one per user or item).
/// </summary>
/// <param name="Page">The page whose state its result folds into.</param>
/// <param name="Handler">The effect's name.</param>
/// <param name="Origin">What started it: client, mount, message or timer (through effects, the root's).</param>
/// <param name="Parent">The span it is the child of; default: the current one (the action's that started it).</param>
internal readonly record struct EffectTags(string Page, string Handler, string Origin, ActivityContext Parent)
{
    /// <summary>The span's name: <c>blog effect load_posts</c>.</summary>
    public string SpanName => $"{Page} effect {Handler}";

    /// <summary>
    /// The effect <paramref name="origin"/> (<c>Origin.Effect(name, startedBy)</c>) names, started for the live page
    /// <paramref name="live"/> or the page being mounted.
    /// </summary>
    public static EffectTags Of(LiveView.Origin origin, Instance? live, ActivityContext parent)
    {
        var name = origin is LiveView.Origin.Effect effect ? effect.Name : DiagnosticTags.Other;
        var page = origin.Root switch
        {
            LiveView.Origin.Client client => client.Action.Page,
            LiveView.Origin.Mount mount => mount.Page,
            _ => live?.Page.Name ?? DiagnosticTags.Other,
        };
        return new(page, name, DiagnosticTags.OriginOf(origin), parent);
    }
}
