using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveView.AspNetCore.Tests;

/// <summary>
/// A page's state survives its connection: the client keeps the snapshots the server sends and a reconnecting client
/// mounts with the latest, on any host that shares the key ring. Hosts here are real Kestrel servers; "another node"
/// is a second host started on the same key ring folder.
/// </summary>
public sealed class PageStateTests : IAsyncLifetime
{
    private static readonly Action<LiveViewOptions> Quick = options =>
    {
        options.StateSnapshotDelay = TimeSpan.FromMilliseconds(50);
        options.StateSnapshotInterval = TimeSpan.FromMilliseconds(200);
    };

    private readonly DirectoryInfo keys = Directory.CreateTempSubdirectory("liveview-keys-");

    // Nodes a test started through a helper, stopped after it.
    private readonly List<TestHost> nodes = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var node in nodes)
        {
            await node.DisposeAsync();
        }

        keys.Delete(recursive: true);
    }

    /// <summary>On a first host, user <paramref name="user"/> counts twice on the tally; the snapshot the client got, then the host is gone.</summary>
    private async Task<JsonElement> CountTwiceOnALostNodeAsync(string user = "ann")
    {
        await using var node = await StatePages.StartAsync(keys, options: Quick);
        await using var socket = await node.ConnectAsync($"?protocol=2&user={user}");
        await socket.SendActionAsync("tally->send_page");
        await socket.ReceiveAsync();
        await socket.SendActionAsync("tally->add");
        await socket.ReceiveAsync();
        await socket.SendActionAsync("tally->add");
        Assert.Equal("2", (await socket.ReceiveAsync()).Shown());
        socket.ForgetSnapshots();
        return await socket.ReceiveSnapshotAsync();
    }

    /// <summary>A reconnecting client's mount of <paramref name="page"/> with <paramref name="snapshot"/> (its view's fingerprint too, unless not <paramref name="withView"/>).</summary>
    private static string Mount(string page, JsonElement snapshot, bool withView = true, string? token = null)
    {
        var message = new Dictionary<string, object?>
        {
            ["action"] = $"{page}->mount",
            ["data"] = new { lang = "en" },
            ["state"] = token ?? snapshot.GetProperty("state").GetString(),
        };
        if (withView)
        {
            message["view"] = snapshot.GetProperty("view").GetString();
        }

        return JsonSerializer.Serialize(message);
    }

    private static IEnumerable<LogEntry> Afresh(TestHost host) =>
        host.Logs.Entries.Where(entry => entry.Message.Contains("mounted afresh on a reconnect", StringComparison.Ordinal));

    /// <summary>The answer to a reconnect's mount that mounted afresh: the fresh view whole, with the count at 0.</summary>
    private static async Task ExpectAFreshMountAsync(LiveSocket socket, string page = "tally")
    {
        var answer = await socket.ReceiveAsync();
        Assert.Equal($"{page}->mount", answer.GetProperty("action").GetString());
        Assert.Contains("""<output id="count">0</output>""", answer.GetProperty("html").GetString());
    }

    [Fact]
    public async Task A_page_resumes_on_another_node_with_the_state_it_had_and_nothing_is_redrawn()
    {
        var snapshot = await CountTwiceOnALostNodeAsync();
        Assert.Equal(2, snapshot.EnumerateObject().Count()); // {"state":"...","view":"..."}

        await using var other = await StatePages.StartAsync(keys, options: Quick);
        await using var socket = await other.ConnectAsync("?protocol=2&user=ann");
        await socket.SendAsync(Mount("tally", snapshot));
        Assert.Equal("""{"action":"tally->mount"}""", await socket.ReceiveTextAsync());

        await socket.SendActionAsync("tally->add");
        var next = await socket.ReceiveAsync();
        Assert.Equal("3", next.Shown());
        Assert.Equal("Tally 3 | Test", next.GetProperty("title").GetString());
        Assert.Contains(other.Logs.Entries, entry => entry.Message.Contains("'tally' resumed", StringComparison.Ordinal));
        Assert.Empty(Afresh(other));
    }

    [Fact]
    public async Task A_client_that_cannot_vouch_for_its_view_gets_the_restored_view_whole_with_its_title()
    {
        var snapshot = await CountTwiceOnALostNodeAsync();
        await using var other = await StatePages.StartAsync(keys, options: Quick);
        await using var socket = await other.ConnectAsync("?protocol=2&user=ann");
        await socket.SendAsync(Mount("tally", snapshot, withView: false));

        var answer = await socket.ReceiveAsync();
        Assert.Equal("#main", answer.GetProperty("selector").GetString());
        Assert.Contains("""<output id="count">2</output>""", answer.GetProperty("html").GetString());
        Assert.Equal("Tally 2 | Test", answer.GetProperty("title").GetString());
    }

    /// <summary>
    /// Ann's snapshot of the tally (or <paramref name="token"/>) sent back by <paramref name="user"/> to a new node with
    /// the mount of <paramref name="page"/>: the page mounts afresh, and the node logs <paramref name="reason"/>.
    /// </summary>
    private async Task<LiveSocket> ExpectAfreshAsync(
        string reason, string page = "tally", string user = "ann", Func<string, string>? token = null, bool changed = false, Action<IServiceCollection>? services = null)
    {
        var snapshot = await CountTwiceOnALostNodeAsync();
        var node = await StatePages.StartAsync(keys, changed, Quick, services);
        nodes.Add(node);
        var socket = await node.ConnectAsync($"?protocol=2&user={user}");
        await socket.SendAsync(Mount(page, snapshot, token: token?.Invoke(snapshot.GetProperty("state").GetString()!)));
        await ExpectAFreshMountAsync(socket, page);
        var logged = Assert.Single(Afresh(node));
        Assert.Equal(LogLevel.Information, logged.Level);
        Assert.Contains(reason, logged.Message);
        Assert.DoesNotContain(snapshot.GetProperty("state").GetString()!, logged.Message);
        return socket;
    }

    [Fact]
    public async Task A_tampered_snapshot_mounts_the_page_afresh_and_says_why()
    {
        await using var socket = await ExpectAfreshAsync("not one this application's keys made", token: Tamper);
    }

    /// <summary>The token with one character changed.</summary>
    private static string Tamper(string token)
    {
        var middle = token.Length / 2;
        return token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];
    }

    [Fact]
    public async Task Another_users_snapshot_mounts_the_page_afresh()
    {
        await using var socket = await ExpectAfreshAsync("not one this application's keys made", user: "bob");
    }

    [Fact]
    public async Task Another_pages_snapshot_mounts_the_page_afresh_even_with_the_same_state_type()
    {
        await using var socket = await ExpectAfreshAsync("not one this application's keys made", page: "other");
    }

    [Fact]
    public async Task A_snapshot_made_before_a_deploy_that_changed_the_state_type_mounts_the_page_afresh()
    {
        await using var socket = await ExpectAfreshAsync("changed shape", changed: true);

        // The page works on: it counts from its fresh state.
        await socket.SendActionAsync("tally->add");
        Assert.Equal("1", (await socket.ReceiveAsync()).Shown());
    }

    [Fact]
    public async Task A_snapshot_older_than_MaxStateAge_mounts_the_page_afresh()
    {
        await using var socket = await ExpectAfreshAsync(
            "too old", services: services => services.AddSingleton<TimeProvider>(new LaterClock(TimeSpan.FromDays(2))));
    }

    [Fact]
    public async Task A_page_that_forgets_its_state_mounts_afresh_whatever_it_is_sent()
    {
        await using var socket = await ExpectAfreshAsync("does not keep its state", page: "forgetful");
    }

    [Fact]
    public async Task A_host_with_another_key_ring_cannot_read_the_snapshot_and_mounts_afresh()
    {
        var snapshot = await CountTwiceOnALostNodeAsync();
        await using var stranger = await TestHost.StartAsync(Quick, pages: live => live.AddPage(StatePages.Tally), map: app => app.MapLivePage("/tally", StatePages.Tally, TestPages.Layout));
        await using var socket = await stranger.ConnectAsync();
        await socket.SendAsync(Mount("tally", snapshot));
        await ExpectAFreshMountAsync(socket);
        Assert.Contains("not one this application's keys made", Assert.Single(Afresh(stranger)).Message);
    }

    [Fact]
    public async Task A_state_too_large_to_keep_is_not_sent_the_client_forgets_its_older_one_and_it_is_logged()
    {
        await using var node = await StatePages.StartAsync(keys, options: Quick);
        await using var socket = await node.ConnectAsync("?protocol=2&user=ann");
        await socket.SendActionAsync("tally->send_page");
        await socket.ReceiveAsync();
        await socket.SendActionAsync("tally->add");
        await socket.ReceiveAsync();
        socket.ForgetSnapshots();
        Assert.Equal(JsonValueKind.String, (await socket.ReceiveSnapshotAsync()).GetProperty("state").ValueKind);

        await socket.SendActionAsync("tally->grow");
        await socket.ReceiveAsync();
        socket.ForgetSnapshots();
        Assert.Equal("""{"state":null}""", (await socket.ReceiveSnapshotAsync()).GetRawText());
        var warning = Assert.Single(node.Logs.Entries, entry => entry.Message.Contains("over LiveView:MaxStateBytes", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("'tally'", warning.Message);
    }

    [Fact]
    public async Task A_snapshot_over_the_limit_sent_back_mounts_the_page_afresh()
    {
        await using var node = await StatePages.StartAsync(keys, options: Quick);
        await using var socket = await node.ConnectAsync("?protocol=2&user=ann");
        await socket.SendAsync(JsonSerializer.Serialize(new
        {
            action = "tally->mount",
            data = new { lang = "en" },
            view = "AAAAAAAAAAAAAAAA",
            state = new string('A', 40_000),
        }));
        await ExpectAFreshMountAsync(socket);
        Assert.Contains("too large (40000 bytes)", Assert.Single(Afresh(node)).Message);
    }

    [Theory]
    [InlineData("forgetful", "?protocol=2")] // the page opted out
    [InlineData("tally", "")] // a Django LiveView v1 client
    public async Task No_snapshot_is_sent_to_a_page_that_forgets_its_state_or_to_a_v1_client(string page, string query)
    {
        await using var node = await StatePages.StartAsync(keys, options: Quick);
        await using var socket = await node.ConnectAsync(query);
        await socket.SendActionAsync($"{page}->add");
        Assert.Contains("1", await socket.ReceiveAnyTextAsync());

        // Longer than StateSnapshotInterval: a snapshot would come before the next answer.
        await Task.Delay(600);
        await socket.SendActionAsync($"{page}->add");
        var next = await socket.ReceiveAnyTextAsync();
        Assert.DoesNotContain("\"state\"", next);
        Assert.Contains("2", next);
    }

    [Fact]
    public async Task A_state_that_keeps_changing_gets_at_most_one_snapshot_per_interval()
    {
        var clock = new ManualClock();
        await using var node = await StatePages.StartAsync(
            keys,
            options: options =>
            {
                options.StateSnapshotDelay = TimeSpan.FromMilliseconds(20);
                options.StateSnapshotInterval = TimeSpan.FromSeconds(1);
            },
            services: services => services.AddSingleton<TimeProvider>(clock));
        await using var socket = await node.ConnectAsync("?protocol=2&user=ann");
        for (var i = 0; i < 4; i++)
        {
            // Each change is quiet longer than StateSnapshotDelay, but they all come within one interval.
            await socket.SendActionAsync("tally->add");
            await socket.ReceiveTextAsync(); // the step has run
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        clock.Advance(TimeSpan.FromMilliseconds(1500));
        await socket.SendActionAsync("tally->nope"); // an error frame marks the end
        await socket.ReceiveTextAsync();

        // The first change's snapshot once it was quiet, then the last state's an interval later: not one per change.
        Assert.Equal(2, socket.SnapshotsAside);
    }

    [Fact]
    public async Task The_snapshot_due_goes_to_the_client_before_the_server_closes_the_socket_on_shutdown()
    {
        var node = await StatePages.StartAsync(keys, options: options =>
        {
            options.StateSnapshotDelay = TimeSpan.FromMinutes(1);
            options.StateSnapshotInterval = TimeSpan.FromMinutes(1);
        });
        await using (node)
        {
            await using var socket = await node.ConnectAsync("?protocol=2&user=ann");
            await socket.SendActionAsync("tally->send_page");
            await socket.ReceiveAsync();
            await socket.SendActionAsync("tally->add");
            await socket.ReceiveAsync();

            var stopping = node.App.StopAsync();
            var snapshot = await socket.ReceiveSnapshotAsync();
            Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, await socket.ReceiveCloseAsync());
            await socket.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            await stopping;

            // It resumes on a node started after the "deploy".
            await using var next = await StatePages.StartAsync(keys, options: Quick);
            await using var again = await next.ConnectAsync("?protocol=2&user=ann");
            await again.SendAsync(Mount("tally", snapshot));
            Assert.Equal("""{"action":"tally->mount"}""", await again.ReceiveTextAsync());
        }
    }

    [Fact]
    public async Task A_page_whose_state_cannot_be_snapshotted_is_named_at_startup_with_its_type_and_member()
    {
        await using var host = await TestHost.StartAsync(pages: live => live.AddPage(StatePages.UnkeepablePage));
        var warning = Assert.Single(host.Logs.Entries, entry => entry.Message.Contains("cannot keep its state", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("'unkeepable'", warning.Message);
        Assert.Contains("LiveView.AspNetCore.Tests.Unkeepable", warning.Message);
        Assert.Contains("Unkeepable.Later", warning.Message);
        Assert.Contains("is a function", warning.Message);

        // Only that one: the QuickStart's pages and the test pages keep theirs.
        Assert.DoesNotContain(host.Logs.Entries, entry => entry.Message.Contains("cannot keep its state", StringComparison.Ordinal) && entry != warning);
    }

    [Fact]
    public async Task A_page_that_asks_to_keep_a_state_that_cannot_be_snapshotted_fails_the_startup()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            TestHost.StartAsync(pages: live => live.AddPage(StatePages.UnkeepablePage.KeepState())));
        Assert.Contains("'unkeepable'", error.Message);
        Assert.Contains("Unkeepable.Later", error.Message);
    }

    /// <summary>The system clock, some time ahead.</summary>
    private sealed class LaterClock(TimeSpan ahead) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + ahead;
    }
}
