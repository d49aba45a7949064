using Chat.Data;
using Microsoft.Data.Sqlite;

namespace LiveView.Browser.Tests;

/// <summary>
/// The Chat example on a real port with a SQLite file of its own (deleted afterwards), so tests never touch the
/// example's database. Its flood window is an hour: five messages a tab, however fast the machine sends them.
/// Settings given to the constructor add to its configuration.
/// </summary>
public sealed class ChatServer : IAsyncDisposable
{
    private readonly string database = Path.Combine(Path.GetTempPath(), $"liveview-chat-{Guid.NewGuid():N}.db");
    private readonly ExampleServer<ChatDb> server;

    public ChatServer(IReadOnlyDictionary<string, string>? settings = null) =>
        server = ExampleServer<ChatDb>.Start(new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["ConnectionStrings:Chat"] = $"Data Source={database}",
            ["Chat:FloodWindow"] = "01:00:00",
        });

    public Uri Address => server.Address;

    public Uri Url(string path) => new(server.Address, path);

    /// <summary>Stops the server (its database stays), as a deploy or a lost node would.</summary>
    public Task StopAsync() => server.StopAsync();

    /// <summary>Starts the server again on the same port and database, with the same key ring.</summary>
    public void Restart() => server.Restart();

    /// <summary>The rows of the <c>Messages</c> table, read from the SQLite file itself.</summary>
    public async Task<List<(string Room, string Author, string Text)>> StoredAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Room, Author, Text FROM Messages ORDER BY Id";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { database, database + "-wal", database + "-shm" })
        {
            File.Delete(file);
        }
    }
}
