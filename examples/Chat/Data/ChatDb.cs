using Microsoft.EntityFrameworkCore;

namespace Chat.Data;

/// <summary>A message as a row of the <c>Messages</c> table.</summary>
public sealed class StoredMessage
{
    public long Id { get; set; }

    public required string Room { get; set; }

    public required string Author { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset Sent { get; set; }
}

/// <summary>The chat's SQLite database: the history of every room.</summary>
public sealed class ChatDb(DbContextOptions<ChatDb> options) : DbContext(options)
{
    public DbSet<StoredMessage> Messages => Set<StoredMessage>();

    /// <summary>Creates the database file and its schema if they are not there yet (first run).</summary>
    public static async Task EnsureCreatedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ChatDb>().Database.EnsureCreatedAsync();
    }

    protected override void OnModelCreating(ModelBuilder model) =>
        model.Entity<StoredMessage>().HasIndex(message => new { message.Room, message.Id });
}
