using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LiveView.Browser.Tests;

/// <summary>
/// The Chat example in Chromium, on a SQLite file of its own: signing in, two users in a room (messages, who is here,
/// leaving), a mention reaching every tab of a user, the answers to bad input, and the history after a reload.
/// </summary>
public sealed class ChatTests(Chromium chromium) : ChatTest(chromium)
{
    [Fact]
    public async Task An_anonymous_visit_to_a_room_goes_to_the_sign_in_page_and_back_to_the_room()
    {
        var page = await (await NewBrowserAsync()).NewPageAsync();
        await page.GotoAsync(Url("/rooms/lobby"));
        await Expect(page).ToHaveURLAsync(Url("/sign-in?ReturnUrl=%2Frooms%2Flobby"));

        await page.FillAsync("#name", "not a name!");
        await page.ClickAsync("#sign-in");
        await Expect(page.Locator("#name-error")).ToHaveTextAsync("“not a name!” cannot be a name: use 1 to 24 letters, digits, _ or -.");
        await page.FillAsync("#name", new string('a', 25));
        await page.ClickAsync("#sign-in");
        await Expect(page.Locator("#name-error")).ToContainTextAsync("cannot be a name");

        await page.FillAsync("#name", "ada");
        await page.ClickAsync("#sign-in");
        await Expect(page).ToHaveURLAsync(Url("/rooms/lobby"));
        await page.WaitForLiveViewAsync();
        await Expect(page.Locator("#me")).ToHaveTextAsync("ada");
        await Expect(page.Locator("#present li")).ToHaveTextAsync(["ada"]);

        await page.ClickAsync("#sign-out");
        await Expect(page).ToHaveURLAsync(Url("/sign-in"));
        await page.GotoAsync(Url("/"));
        await Expect(page).ToHaveURLAsync(Url("/sign-in?ReturnUrl=%2F"));
    }

    [Fact]
    public async Task Two_users_in_a_room_see_each_others_messages_and_each_other_until_one_leaves()
    {
        var alice = await SignInAsync("alice", "/rooms/lobby");
        var bob = await SignInAsync("bob", "/rooms/lobby");
        await Expect(alice.Locator("#present li")).ToHaveTextAsync(["alice", "bob"]);
        await Expect(bob.Locator("#present li")).ToHaveTextAsync(["alice", "bob"]);

        await SayAsync(alice, "Hello <b>bob</b>");
        await Expect(bob.Locator("#lines .text")).ToHaveTextAsync(["Hello <b>bob</b>"]); // shown as text, not markup
        await Expect(bob.Locator("#lines .author")).ToHaveTextAsync(["alice"]);
        await Expect(bob.Locator("#lines b")).ToHaveCountAsync(0);
        await SayAsync(bob, "Hi alice");
        await Expect(alice.Locator("#lines .text")).ToHaveTextAsync(["Hello <b>bob</b>", "Hi alice"]);
        await Expect(bob.Locator("#lines .text")).ToHaveTextAsync(["Hello <b>bob</b>", "Hi alice"]);

        // A second tab of bob's: bob is listed once, with two tabs.
        var bobAgain = await bob.Context.OpenLiveAsync(Server.Url("/rooms/lobby"));
        await Expect(alice.Locator("#present li[data-user=bob]")).ToHaveAttributeAsync("data-tabs", "2");
        await Expect(alice.Locator("#present li")).ToHaveTextAsync(["alice", "bob"]);
        await Expect(bobAgain.Locator("#present li")).ToHaveTextAsync(["alice", "bob"]);

        await bobAgain.CloseAsync();
        await Expect(alice.Locator("#present li[data-user=bob]")).ToHaveAttributeAsync("data-tabs", "1");
        await bob.Context.CloseAsync();
        await Expect(alice.Locator("#present li")).ToHaveTextAsync(["alice"]);
    }

    [Fact]
    public async Task A_mention_reaches_every_tab_of_the_user_whatever_page_it_shows()
    {
        var alice = await SignInAsync("alice", "/rooms/lobby");
        var bobOnTheList = await SignInAsync("bob", "/");
        var bobInAnotherRoom = await bobOnTheList.Context.OpenLiveAsync(Server.Url("/rooms/random"));
        await Expect(bobOnTheList.Locator("#here-lobby")).ToHaveTextAsync("1 person here"); // alice
        await Expect(bobOnTheList.Locator("#here-random")).ToHaveTextAsync("1 person here"); // bob's other tab

        await SayAsync(alice, "@bob have a look, and you too @carol");
        foreach (var tab in new[] { bobOnTheList, bobInAnotherRoom })
        {
            await Expect(tab.Locator("#notifications .notification"))
                .ToHaveTextAsync("alice mentioned you in #lobby: @bob have a look, and you too @carol");
        }

        await Expect(bobInAnotherRoom.Locator("#lines .line")).ToHaveCountAsync(0); // the message itself stays in #lobby
        await Expect(alice.Locator("#notifications .notification")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_script_posting_to_a_room_reaches_every_tab_in_it_and_the_users_it_mentions()
    {
        var alice = await SignInAsync("alice", "/rooms/lobby");
        var bob = await SignInAsync("bob", "/");
        var script = alice.Context.APIRequest; // alice's cookie, outside any page

        var posted = await PostAsync(script, "lobby", "deploy done, @bob");
        Assert.Equal(201, posted.Status);
        await Expect(alice.Locator("#lines .text")).ToHaveTextAsync(["deploy done, @bob"]);
        await Expect(alice.Locator("#lines .author")).ToHaveTextAsync(["alice"]);
        await Expect(bob.Locator("#notifications .notification")).ToHaveTextAsync("alice mentioned you in #lobby: deploy done, @bob");

        var empty = await PostAsync(script, "lobby", "  ");
        Assert.Equal(400, empty.Status);
        Assert.Contains("Write something first: an empty message is not sent.", await empty.TextAsync());
        Assert.Equal(404, (await PostAsync(script, "no_such_room!", "hello")).Status);
        var anonymous = await (await NewBrowserAsync()).APIRequest.PostAsync(
            Url("/rooms/lobby/messages"), new() { DataObject = new { text = "hello" }, MaxRedirects = 0 });
        Assert.Equal(401, anonymous.Status); // an API endpoint: no redirect to the sign-in page

        // Five requests per user per window: the three above, then two more; the sixth is refused.
        Assert.Equal(201, (await PostAsync(script, "lobby", "second")).Status);
        Assert.Equal(201, (await PostAsync(script, "lobby", "third")).Status);
        Assert.Equal(429, (await PostAsync(script, "lobby", "one too many")).Status);

        await Expect(alice.Locator("#lines .text")).ToHaveTextAsync(["deploy done, @bob", "second", "third"]);
        Assert.Equal(["deploy done, @bob", "second", "third"], (await Server.StoredAsync()).Select(row => row.Text));
    }

    private Task<IAPIResponse> PostAsync(IAPIRequestContext script, string room, string text) =>
        script.PostAsync(Url($"/rooms/{room}/messages"), new() { DataObject = new { text } });

    [Fact]
    public async Task Empty_too_long_and_flooding_messages_get_clear_answers_and_are_not_sent()
    {
        var page = await SignInAsync("ada", "/rooms/lobby");
        await SayAsync(page, "   ");
        await Expect(page.Locator("#send-error")).ToHaveTextAsync("Write something first: an empty message is not sent.");

        var tooLong = new string('x', 501);
        await SayAsync(page, tooLong);
        await Expect(page.Locator("#send-error")).ToHaveTextAsync("A message is at most 500 characters; this one has 501. Nothing was sent.");
        await Expect(page.Locator("#text")).ToHaveValueAsync(tooLong); // kept, to be shortened

        for (var n = 1; n <= 5; n++)
        {
            await SayAsync(page, $"message {n}");
            await Expect(page.Locator("#lines .line")).ToHaveCountAsync(n);
            await Expect(page.Locator("#send-error")).ToHaveTextAsync("");
        }

        await SayAsync(page, "one too many");
        await Expect(page.Locator("#send-error")).ToHaveTextAsync(new Regex("^Slow down: at most 5 messages in 60 minutes. Try again in [0-9]+ minutes.$"));
        await Expect(page.Locator("#lines .text")).ToHaveTextAsync(["message 1", "message 2", "message 3", "message 4", "message 5"]);
        Assert.Equal(["message 1", "message 2", "message 3", "message 4", "message 5"], (await Server.StoredAsync()).Select(row => row.Text));
    }

    [Fact]
    public async Task Enter_sends_the_message_and_empties_the_box_while_it_keeps_the_focus_and_a_refused_one_stays()
    {
        var page = await SignInAsync("ada", "/rooms/lobby");
        await page.ClickAsync("#text");
        await page.Keyboard.TypeAsync("typed, then Enter");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#lines .text")).ToHaveTextAsync(["typed, then Enter"]);
        await Expect(page.Locator("#text")).ToHaveValueAsync("");
        Assert.True(await page.EvaluateAsync<bool>("document.activeElement.id === 'text'"));

        var tooLong = new string('y', 501);
        await page.Keyboard.InsertTextAsync(tooLong);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#send-error")).ToHaveTextAsync("A message is at most 500 characters; this one has 501. Nothing was sent.");
        await Expect(page.Locator("#text")).ToHaveValueAsync(tooLong); // kept, to be shortened
        await page.Keyboard.PressAsync("Backspace");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#lines .text")).ToHaveTextAsync(["typed, then Enter", new string('y', 500)]);
        await Expect(page.Locator("#text")).ToHaveValueAsync("");
        await Expect(page.Locator("#send-error")).ToHaveTextAsync("");
    }

    [Fact]
    public async Task A_room_shows_its_last_messages_the_oldest_leaving_as_new_ones_come()
    {
        await RestartServerAsync(new Dictionary<string, string> { ["Chat:HistorySize"] = "3" });
        var page = await SignInAsync("ada", "/rooms/lobby");
        for (var n = 1; n <= 4; n++)
        {
            await SayAsync(page, $"message {n}");
            await Expect(page.Locator("#lines .text").Last).ToHaveTextAsync($"message {n}");
        }

        await Expect(page.Locator("#lines .text")).ToHaveTextAsync(["message 2", "message 3", "message 4"]);
        await page.ReloadAsync();
        await page.WaitForLiveViewAsync();
        await Expect(page.Locator("#lines .text")).ToHaveTextAsync(["message 2", "message 3", "message 4"]);
    }

    [Fact]
    public async Task The_history_is_there_after_a_reload_and_in_the_SQLite_file()
    {
        var page = await SignInAsync("ada", "/rooms/lobby");
        await SayAsync(page, "first");
        await Expect(page.Locator("#lines .text")).ToHaveTextAsync(["first"]);
        await SayAsync(page, "second <i>2</i>");
        await Expect(page.Locator("#lines .text")).ToHaveTextAsync(["first", "second <i>2</i>"]);

        await page.ReloadAsync();
        await page.WaitForLiveViewAsync();
        await Expect(page.Locator("#lines .text")).ToHaveTextAsync(["first", "second <i>2</i>"]);
        var firstPaint = await (await page.Context.APIRequest.GetAsync(Url("/rooms/lobby"))).TextAsync();
        Assert.Contains("second &lt;i&gt;2&lt;/i&gt;", firstPaint); // the history is in the server's first paint, encoded

        Assert.Equal([("lobby", "ada", "first"), ("lobby", "ada", "second <i>2</i>")], await Server.StoredAsync());
        var other = await page.Context.OpenLiveAsync(Server.Url("/rooms/random"));
        await Expect(other.Locator("h1")).ToHaveTextAsync("#random");
        await Expect(other.Locator("#lines .line")).ToHaveCountAsync(0); // each room has its own history
    }

    [Fact]
    public async Task Rooms_open_from_the_list_and_by_name_and_a_bad_name_gets_an_answer()
    {
        var page = await SignInAsync("ada", "/");
        await page.MarkDocumentAsync();
        await page.ClickAsync("#rooms >> text=#dotnet");
        await Expect(page).ToHaveURLAsync(Url("/rooms/dotnet"));
        await Expect(page.Locator("#present li")).ToHaveTextAsync(["ada"]);
        Assert.True(await page.IsSameDocumentAsync()); // over the socket

        await page.GotoAsync(Url("/"));
        await page.FillAsync("#room-name", "team-42");
        await page.ClickAsync("#open-room");
        await Expect(page).ToHaveURLAsync(Url("/rooms/team-42"));
        await page.WaitForLiveViewAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("#team-42");

        await page.GotoAsync(Url("/"));
        await page.FillAsync("#room-name", "no such <room>");
        await page.ClickAsync("#open-room");
        await Expect(page.Locator("#not-a-room")).ToHaveTextAsync("“no such <room>” is not a room name: room names are 1 to 24 letters, digits, _ or -.");
        await Expect(page.Locator("#text")).ToHaveCountAsync(0);
    }
}
