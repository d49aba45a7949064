using System.Collections.Immutable;

namespace Chat.Rules;

/// <summary>A user present in a room, with how many of their tabs are there.</summary>
public sealed record PresentUser(string Name, int Tabs)
{
    /// <summary>
    /// Who is present in <paramref name="change"/>'s topic: each tab is present under its user's name, so the tabs of
    /// one user are grouped into one entry, in the order the users came.
    /// </summary>
    public static ImmutableList<PresentUser> Of(PresenceChanged change) =>
        [.. change.Present.GroupBy(presence => presence.Key, StringComparer.Ordinal).Select(tabs => new PresentUser(tabs.Key, tabs.Count()))];
}
