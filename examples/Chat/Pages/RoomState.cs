using System.Collections.Immutable;
using Chat.Rules;

namespace Chat.Pages;

/// <summary>
/// A room's page: which room, who looks at it, who is here, what the tab sent lately and what its box says. The
/// messages are not here: they go to the browser as a stream (<see cref="RoomView.Lines"/>) and the server keeps no copy.
/// </summary>
/// <param name="Room">The room's name, from the URL (<c>/rooms/{room}</c>) or a link's <c>data-room</c>; maybe not a valid one.</param>
/// <param name="User">The signed-in user's name.</param>
/// <param name="Limits">The chat's limits (configuration): the rules of the box and the history's size.</param>
/// <param name="Newest">The id of the newest message shown (0: none yet).</param>
/// <param name="Present">Who is in the room now, each user once however many tabs they have, in the order they came.</param>
/// <param name="Sent">When this tab sent its recent messages (the flood rule's memory).</param>
/// <param name="Saves">How many messages this tab sent: each save effect gets a name of its own, so none replaces another.</param>
/// <param name="Draft">What the box holds, as typed: emptied when a message goes, kept when one is refused.</param>
/// <param name="Problem">Why the last message was refused, in words for the user; null when it was not.</param>
public sealed record RoomState(
    string Room,
    string User,
    ChatLimits Limits,
    long Newest,
    ImmutableList<PresentUser> Present,
    ImmutableList<DateTimeOffset> Sent,
    int Saves,
    string Draft,
    string? Problem)
{
    /// <summary>Whether <see cref="Room"/> is a valid room name (else the page says so and does nothing else).</summary>
    public bool IsRoom => ChatName.IsValid(Room);
}
