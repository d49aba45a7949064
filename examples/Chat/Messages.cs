using Chat.Rules;

namespace Chat;

/// <summary>One message of a room, as stored (<see cref="Id"/> from the database) and as shown.</summary>
public sealed record ChatLine(long Id, string Room, string Author, string Text, DateTimeOffset Sent);

/// <summary>Broadcast to a room's topic once a message is stored: every tab in the room shows it.</summary>
public sealed record Said(ChatLine Line);

/// <summary>Sent to every tab of a user mentioned with <c>@name</c>, whatever page it shows.</summary>
public sealed record Mentioned(string By, string Room, string Text)
{
    /// <summary>How long a quote of the message a toast shows.</summary>
    public const int QuoteLength = 80;

    /// <summary>The toast's text: who, which room, and the start of the message.</summary>
    public string Describe() =>
        $"{By} mentioned you in #{Room}: {(Text.Length <= QuoteLength ? Text : Text[..QuoteLength] + "…")}";
}

/// <summary>The names of the chat's topics.</summary>
public static class Topics
{
    private const string RoomPrefix = "room:";

    /// <summary>The topic of room <paramref name="room"/>: its messages and who is present.</summary>
    public static string Room(string room) => RoomPrefix + room;

    /// <summary>The room whose topic is <paramref name="topic"/>.</summary>
    public static string RoomOf(string topic) =>
        topic.StartsWith(RoomPrefix, StringComparison.Ordinal) ? topic[RoomPrefix.Length..] : throw new ArgumentException($"'{topic}' is not a room's topic.", nameof(topic));
}

/// <summary>
/// What a stored message sends, wherever it was written (the room's box or the messages endpoint): <see cref="Said"/>
/// to its room, and <see cref="Mentioned"/> to every tab of each user it mentions (its author aside).
/// </summary>
public static class Announcement
{
    /// <summary>Each audience and its message, in the order they go out.</summary>
    public static IEnumerable<(Audience To, object Message)> Of(ChatLine line)
    {
        yield return (Audience.Topic(Topics.Room(line.Room)), new Said(line));
        foreach (var user in Mentions.In(line.Text).Where(user => user != line.Author))
        {
            yield return (Audience.User(user), new Mentioned(line.Author, line.Room, line.Text));
        }
    }
}
