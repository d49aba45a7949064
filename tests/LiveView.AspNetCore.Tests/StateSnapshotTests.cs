using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Chat.Pages;
using Chat.Rules;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Microsoft.FSharp.Collections;
using Microsoft.FSharp.Core;
using Xunit.Abstractions;

namespace LiveView.AspNetCore.Tests;

/// <summary>
/// Snapshots of the examples' states, written and read back as the host does (JSON, compression, Data Protection),
/// their cost in bytes, and the startup check of every example page's state type.
/// </summary>
public sealed class StateSnapshotTests(ITestOutputHelper output)
{
    private static readonly StateSnapshots Snapshots =
        new(new EphemeralDataProtectionProvider(), TimeProvider.System, Options.Create(new LiveViewOptions()));

    private static KeptPage Kept<T>(string name) => new(name, typeof(T), StateShape.Of(typeof(T)).Fingerprint);

    /// <summary>Writes <paramref name="state"/> as a snapshot of page <paramref name="name"/> and reads it back.</summary>
    private (T State, int Bytes) RoundTrip<T>(string name, T state)
        where T : notnull
    {
        var page = Kept<T>(name);
        var written = Snapshots.Write(page, "ann", state);
        Assert.Null(written.Error);
        var read = Assert.IsType<Snapshot.Decoded>(Snapshots.Read(name, page, "ann", Assert.IsType<string>(written.Token)));

        // What goes on the wire: {"state":"...","view":"<16 characters>"}.
        var frame = $$"""{"state":"{{written.Token}}","view":"AAAAAAAAAAAAAAAA"}""".Length;
        output.WriteLine($"{name}: {JsonSerializer.SerializeToUtf8Bytes(state, StateJson.Options).Length} bytes of JSON, a frame of {frame} bytes");
        return ((T)read.State, frame);
    }

    private static string Json<T>(T state) => JsonSerializer.Serialize(state, StateJson.Options);

    private static MountContext Mount() => new(
        "/", MapModule.Empty<string, string>(), FSharpOption<string>.None, CultureInfo.InvariantCulture,
        new ClaimsPrincipal(new ClaimsIdentity()), "connection", new Random(7), DateTimeOffset.UnixEpoch);

    [Fact]
    public void A_Snake_game_in_progress_round_trips()
    {
        var page = Snake.GamePage.create(Snake.SettingsModule.standard);
        var state = page.Init.Invoke(Mount());
        var game = state.Game;
        for (var i = 0; i < 5; i++)
        {
            game = Snake.GameModule.step(new Random(i), Snake.GameModule.turn(i % 2 == 0 ? Snake.Direction.Down : Snake.Direction.Right, game));
        }

        var lobby = ListModule.OfArray([new Snake.Lobby.Entry("abcdefgh", 3, false), new Snake.Lobby.Entry("zyxwvuts", 1, true)]);
        var playing = new Snake.GamePage.State(state.Id, game, true, FSharpOption<FSharpList<Snake.Lobby.Entry>>.Some(lobby), 2);

        var (back, bytes) = RoundTrip(Snake.GamePage.Name, playing);
        Assert.Equal(playing, back); // F# structural equality: every cell, turn, option and union case
        Assert.True(bytes < 1024, $"a Snake snapshot is {bytes} bytes");
    }

    [Fact]
    public void A_chat_rooms_state_with_a_half_typed_message_round_trips()
    {
        var state = new Chat.Pages.RoomState(
            "lobby", "ann", new ChatLimits(), 42, [new PresentUser("ann", 2), new PresentUser("bob", 1)],
            [DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddSeconds(3)], 2, "Hello, half-ty", null);

        var (back, bytes) = RoundTrip(RoomPage.Name, state);
        Assert.Equal(Json(state), Json(back));
        Assert.Equal("Hello, half-ty", back.Draft);
        Assert.Equal(["ann", "bob"], back.Present.Select(p => p.Name));
        Assert.True(bytes < 1024, $"a chat room's snapshot is {bytes} bytes");
    }

    [Fact]
    public void The_FSharp_counters_snapshot_costs_under_200_bytes()
    {
        var (back, bytes) = RoundTrip("counter", new QuickStart.Counter.CounterPage.State(42));
        Assert.Equal(42, back.Count);
        Assert.True(bytes < 200, $"the counter's snapshot is {bytes} bytes");
    }

    [Fact]
    public void A_large_repetitive_state_is_compressed()
    {
        var todo = new QuickStart.Pages.TodoState([.. Enumerable.Range(0, 200).Select(i => new QuickStart.Pages.TodoItem(i, $"Buy {i % 3} apples", i % 2 == 0))], 200, false);
        var (back, bytes) = RoundTrip("todo", todo);
        Assert.Equal(todo.Items, back.Items);
        Assert.True(bytes < Json(todo).Length, $"{bytes} bytes for {Json(todo).Length} of JSON");
    }

    [Fact]
    public void A_snapshot_reads_only_for_its_page_and_its_user()
    {
        var page = Kept<Tally>("tally");
        var token = Snapshots.Write(page, "ann", new Tally(2, "")).Token!;
        Assert.IsType<Snapshot.Decoded>(Snapshots.Read("tally", page, "ann", token));
        Assert.Equal(Snapshot.NewRejected(SnapshotRejection.Unreadable), Snapshots.Read("tally", page, "bob", token));
        Assert.Equal(Snapshot.NewRejected(SnapshotRejection.Unreadable), Snapshots.Read("other", Kept<Tally>("other"), "ann", token));
        Assert.Equal(Snapshot.NewRejected(SnapshotRejection.ShapeChanged), Snapshots.Read("tally", Kept<TallyV2>("tally"), "ann", token));
        Assert.Equal(Snapshot.NewRejected(SnapshotRejection.Unreadable), Snapshots.Read("tally", page, "ann", "not base64url!"));
    }

    public static TheoryData<Type> ExampleStates() =>
    [
        typeof(QuickStart.Pages.HomeState),
        typeof(QuickStart.Pages.TodoState),
        typeof(QuickStart.Counter.CounterPage.State),
        typeof(Chat.Pages.RoomState),
        typeof(RoomsState),
        typeof(Snake.GamePage.State),
        typeof(Snake.WatchPage.State),
        typeof(Website.Pages.HomeState),
        typeof(Website.Pages.BlogState),
        typeof(Website.Pages.PostState),
        typeof(Website.Pages.ContactState),
        typeof(Website.About.AboutPage.State),
    ];

    [Theory]
    [MemberData(nameof(ExampleStates))]
    public void Every_example_pages_state_can_be_snapshotted(Type state) => Assert.Null(StateShape.Of(state).Problem);

    [Theory]
    [InlineData(typeof(Unkeepable), "Unkeepable.Later", "is a function")]
    [InlineData(typeof(WithObject), "WithObject.Anything", "typed object")]
    [InlineData(typeof(WithTask), "WithTask.Pending", "a task")]
    [InlineData(typeof(WithStream), "WithStream.Body", "resource")]
    [InlineData(typeof(WithServices), "WithServices.Services", "the running process")]
    [InlineData(typeof(WithInterface), "WithInterface.Shape", "an interface")]
    [InlineData(typeof(WithHiddenField), "WithHiddenField.Secret", "would be lost")]
    [InlineData(typeof(FSharpFunc<int, int>), "FSharpFunc", "is a function")]
    public void A_state_that_cannot_be_snapshotted_is_named_with_its_member(Type state, string member, string reason)
    {
        var problem = StateShape.Of(state).Problem;
        Assert.NotNull(problem);
        Assert.Contains(member, problem);
        Assert.Contains(reason, problem);
    }

    [Fact]
    public void A_changed_shape_has_another_fingerprint_and_an_unchanged_one_the_same()
    {
        Assert.NotEqual(StateShape.Of(typeof(Tally)).Fingerprint, StateShape.Of(typeof(TallyV2)).Fingerprint);
        Assert.Equal(StateShape.Of(typeof(Snake.GamePage.State)).Fingerprint, StateShape.Of(typeof(Snake.GamePage.State)).Fingerprint);
    }

    public sealed record WithObject(object Anything);

    public sealed record WithTask(Task<int> Pending);

    public sealed record WithStream(Stream Body);

    public sealed record WithServices(IServiceProvider Services);

    public sealed record WithInterface(IComparable Shape);

    public sealed class WithHiddenField(int secret)
    {
        public int Secret { get; } = secret;

        public int Other { get; set; }

        public WithHiddenField()
            : this(0)
        {
        }
    }
}
