using System.Collections.Immutable;
using Chat.Rules;

namespace Chat.Pages;

/// <summary>A room's page: which room, who looks at it, what it shows, and what the tab sent lately.</summary>
/// <param name="Room">The room's name, from the URL (<c>/rooms/{room}</c>) or a link's <c>data-room</c>; maybe not a valid one.</param>
/// <param name="User">The signed-in user's name.</param>
/// <param name="Lines">The messages shown: the room's last ones, oldest first.</param>
/// <param name="Present">Who is in the room now, each user once however many tabs they have, in the order they came.</param>
/// <param name="Sent">When this tab sent its recent messages (the flood rule's memory).</param>
/// <param name="Saves">How many messages this tab sent: each save effect gets a name of its own, so none replaces another.</param>
public sealed record RoomState(
    string Room,
    string User,
    ImmutableList<ChatLine> Lines,
    ImmutableList<PresentUser> Present,
    ImmutableList<DateTimeOffset> Sent,
    int Saves)
{
    /// <summary>Whether <see cref="Room"/> is a valid room name (else the page says so and does nothing else).</summary>
    public bool IsRoom => ChatName.IsValid(Room);
}
