using Chat.Pages;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Chat.Tests;

/// <summary>A room: its messages, who is here, the box and its rules, mentions, the room list.</summary>
public sealed class RoomTests : IDisposable
{
    private readonly ChatWorld world = new();

    public void Dispose() => world.Dispose();

    private static IEnumerable<string> Lines(LiveTest tab) =>
        tab.All("#lines li").Select(line => line.QuerySelector(".author")!.TextContent + ": " + line.QuerySelector(".text")!.TextContent);

    [Fact]
    public void A_signed_in_user_opens_a_room_and_is_here()
    {
        var ada = world.InRoom("ada");
        Assert.Equal("#lobby", ada.Title);
        Assert.Equal("#lobby", ada.Text("h1"));
        Assert.Equal("ada", ada.Text("#present"));
        Assert.Empty(Lines(ada));
    }

    [Fact]
    public void What_one_says_the_others_hear_and_the_history_keeps()
    {
        var ada = world.InRoom("ada");
        var bob = world.InRoom("bob");
        Assert.Equal(["ada", "bob"], ada.All("#present li").Select(li => li.TextContent));

        ada.Fill("#text", "hi bob").Submit("#composer");

        Assert.Equal(["ada: hi bob"], Lines(bob));
        Assert.Equal(["ada: hi bob"], Lines(ada));
        Assert.Equal("", ada.Value("#text"));
        Assert.Equal(["ada: hi bob"], world.Stored("lobby"));

        // A tab opened later gets the history on mount.
        Assert.Equal(["ada: hi bob"], Lines(world.InRoom("cy")));
    }

    [Fact]
    public void An_empty_or_too_long_message_is_refused_next_to_the_box_and_keeps_what_was_typed()
    {
        var ada = world.InRoom("ada").Submit("#composer");
        Assert.NotEqual("", ada.Text("#send-error"));

        var tooLong = new string('x', world.Limits.MaxMessageLength + 1);
        ada.Fill("#text", tooLong).Submit("#composer");
        Assert.Contains(world.Limits.MaxMessageLength.ToString(System.Globalization.CultureInfo.InvariantCulture), ada.Text("#send-error"));
        Assert.Equal(tooLong, ada.Value("#text"));
        Assert.Empty(world.Stored("lobby"));
    }

    [Fact]
    public void More_than_five_messages_in_five_seconds_are_refused_until_the_window_passes()
    {
        var ada = world.InRoom("ada");
        for (var i = 1; i <= world.Limits.FloodMessages; i++)
        {
            ada.Fill("#text", $"m{i}").Submit("#composer");
        }

        ada.Fill("#text", "one too many").Submit("#composer");
        Assert.NotEqual("", ada.Text("#send-error"));
        Assert.Equal(world.Limits.FloodMessages, world.Stored("lobby").Count);

        ada.Advance(world.Limits.FloodWindow).Submit("#composer");
        Assert.Equal("", ada.Text("#send-error"));
        Assert.Equal("ada: one too many", world.Stored("lobby")[^1]);
    }

    [Fact]
    public void A_mention_reaches_every_tab_of_the_user_mentioned_with_a_toast()
    {
        var ada = world.InRoom("ada");
        var bobInRoom = world.InRoom("bob", "dotnet");
        var bobOnList = world.OnRooms("bob");

        ada.Fill("#text", "@bob look").Submit("#composer");

        Assert.Contains(bobInRoom.Toasts, toast => toast.Text.Contains("ada", StringComparison.Ordinal));
        Assert.Contains(bobOnList.Toasts, toast => toast.Text.Contains("ada", StringComparison.Ordinal));
        Assert.Empty(ada.Toasts);
    }

    [Fact]
    public void The_room_list_counts_who_is_in_each_room_live()
    {
        var list = world.OnRooms("cy");
        Assert.Equal(["#lobby", "#dotnet", "#random"], list.All("#rooms li a").Select(a => a.TextContent));

        var ada = world.InRoom("ada");
        Assert.Equal("1 person here", list.Text("#here-lobby"));
        world.InRoom("bob");
        Assert.Equal("2 people here", list.Text("#here-lobby"));
        ada.Visit("/");
        Assert.Equal("1 person here", list.Text("#here-lobby"));
    }

    [Fact]
    public void A_name_that_is_not_a_room_says_so_and_listens_to_nothing()
    {
        var tab = world.InRoom("ada", "not%20a%20room!");
        Assert.Equal("Not a room", tab.Title);
        Assert.True(tab.Has("#not-a-room"));
        Assert.Empty(tab.Subscriptions);
    }

    [Fact]
    public void Nobody_signed_in_cannot_open_a_room()
    {
        var error = Assert.Throws<LiveTestException>(() => LiveTest.Mount(world.Room, world.Options(null, "/rooms/lobby", RoomPage.Route)));
        Assert.Contains("could not be mounted", error.Message);
    }

    [Property(MaxTest = 40)]
    public Property Whatever_a_user_does_the_room_shows_what_the_history_holds() =>
        Prop.ForAll(Journey.Arbitrary(12), journey =>
        {
            using var fresh = new ChatWorld();
            var tab = journey.Run(fresh.InRoom("ada"));
            return Lines(tab).SequenceEqual(fresh.Stored("lobby"));
        });

    [Fact]
    public void Every_binding_names_a_handler_of_the_room_and_the_list()
    {
        Wiring.Check(() => world.InRoom("ada"), 20, 10);
        Wiring.Check(() => world.OnRooms("ada"), 20, 10);
    }
}
