using System.Collections.Immutable;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Chat.Data;

/// <summary>
/// The rooms' history, as effects' work: reads take <c>fx.Abandoned</c> (they stop when nobody waits for them), the
/// write takes <c>fx.Cancellation</c> (a message sent is stored even if its tab closes at once).
/// </summary>
public static class History
{
    /// <summary>The last <paramref name="count"/> messages of <paramref name="room"/>, oldest first.</summary>
    public static Task<ImmutableList<ChatLine>> LastAsync(EffectContext fx, string room, int count) =>
        NewestAsync(fx, message => message.Room == room, count);

    /// <summary>
    /// The messages of <paramref name="room"/> after the one with id <paramref name="newest"/>, oldest first, at most the
    /// last <paramref name="count"/>: what a page that resumes missed while its socket was away.
    /// </summary>
    public static Task<ImmutableList<ChatLine>> AfterAsync(EffectContext fx, string room, long newest, int count) =>
        NewestAsync(fx, message => message.Room == room && message.Id > newest, count);

    /// <summary>The newest <paramref name="count"/> messages <paramref name="which"/> takes, oldest first.</summary>
    private static async Task<ImmutableList<ChatLine>> NewestAsync(EffectContext fx, Expression<Func<StoredMessage, bool>> which, int count)
    {
        var newestFirst = await Db(fx).Messages.AsNoTracking()
            .Where(which)
            .OrderByDescending(message => message.Id)
            .Take(count)
            .Select(message => new ChatLine(message.Id, message.Room, message.Author, message.Text, message.Sent))
            .ToListAsync(fx.Abandoned);
        newestFirst.Reverse();
        return [.. newestFirst];
    }

    /// <summary>The names of the <paramref name="count"/> rooms with the most recent messages, most recent first.</summary>
    public static async Task<IReadOnlyList<string>> ActiveRoomsAsync(EffectContext fx, int count) =>
        await Db(fx).Messages.AsNoTracking()
            .GroupBy(message => message.Room)
            .OrderByDescending(room => room.Max(message => message.Id))
            .Take(count)
            .Select(room => room.Key)
            .ToListAsync(fx.Abandoned);

    /// <summary>Stores a message and gives it back with its id.</summary>
    public static Task<ChatLine> SaveAsync(EffectContext fx, string room, string author, string text, DateTimeOffset sent) =>
        SaveAsync(Db(fx), room, author, text, sent, fx.Cancellation);

    /// <summary>Stores a message with <paramref name="db"/> and gives it back with its id.</summary>
    public static async Task<ChatLine> SaveAsync(ChatDb db, string room, string author, string text, DateTimeOffset sent, CancellationToken cancel)
    {
        var message = new StoredMessage { Room = room, Author = author, Text = text, Sent = sent };
        db.Messages.Add(message);
        await db.SaveChangesAsync(cancel);
        return new ChatLine(message.Id, room, author, text, sent);
    }

    private static ChatDb Db(EffectContext fx) => fx.Services.GetRequiredService<ChatDb>();
}
