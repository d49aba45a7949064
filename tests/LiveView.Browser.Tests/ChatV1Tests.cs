using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LiveView.Browser.Tests;

/// <summary>
/// The Chat example for a Django LiveView v1 client (no protocol 2, no mount: its first action mounts the page): the
/// room's messages (a stream: v1 gets inserts appended), the box's answers, who is here, and the list of rooms.
/// </summary>
public sealed class ChatV1Tests(Chromium chromium) : ChatTest(chromium)
{
    [Fact]
    public async Task Messages_stay_in_the_list_and_the_box_answers_from_v1_frames()
    {
        var (page, frames) = await SignInV1Async("ada", "/rooms/lobby");
        await page.ClickAsync("#send"); // the first action: the form's data name the room it mounts
        await Expect(page.Locator("#send-error")).ToHaveTextAsync("Write something first: an empty message is not sent.");
        await Expect(page.Locator("#present li")).ToHaveTextAsync(["ada"]);

        await SayAsync(page, "first");
        await Expect(page.Locator("#lines .text")).ToHaveTextAsync(["first"]);
        await Expect(page.Locator("#lines .author")).ToHaveTextAsync(["ada"]);
        await Expect(page.Locator("#send-error")).ToHaveTextAsync("");
        await Expect(page.Locator("#text")).ToHaveValueAsync("");

        var tooLong = new string('x', 501);
        await SayAsync(page, tooLong);
        await Expect(page.Locator("#send-error")).ToHaveTextAsync("A message is at most 500 characters; this one has 501. Nothing was sent.");
        await Expect(page.Locator("#text")).ToHaveValueAsync(tooLong); // kept, to be shortened

        await SayAsync(page, "second <b>2</b>");
        await Expect(page.Locator("#lines .text")).ToHaveTextAsync(["first", "second <b>2</b>"]);
        await Expect(page.Locator("#lines b")).ToHaveCountAsync(0);
        await Expect(page.Locator("#send-error")).ToHaveTextAsync("");
        Assert.Equal([("lobby", "ada", "first"), ("lobby", "ada", "second <b>2</b>")], await Server.StoredAsync());
        V1Client.AssertOnlyV1Fields(frames);
    }

    [Fact]
    public async Task A_click_on_Send_is_not_lost_when_the_answer_to_typing_redraws_the_box_meanwhile()
    {
        var (page, frames) = await SignInV1Async("ada", "/rooms/lobby");
        await page.ClickAsync("#send");
        await Expect(page.Locator("#send-error")).ToHaveTextAsync("Write something first: an empty message is not sent.");

        // A v1 client cannot set the box's value: the answer to what is typed redraws the box. When it arrives while
        // Send is held down (a slow click, or a slow answer), the click must still reach the button.
        var send = await page.Locator("#send").BoundingBoxAsync() ?? throw new InvalidOperationException("no Send button");
        await page.Mouse.MoveAsync(send.X + (send.Width / 2), send.Y + (send.Height / 2));
        await page.Mouse.DownAsync();
        await page.EvaluateAsync("""
            () => {
              const box = document.getElementById("text");
              window.__box = box;
              box.value = "slow click";
              box.dispatchEvent(new Event("input", { bubbles: true }));
            }
            """);
        await page.WaitForFunctionAsync("() => document.getElementById('text') !== window.__box"); // redrawn
        await page.Mouse.UpAsync();

        await Expect(page.Locator("#lines .text")).ToHaveTextAsync(["slow click"]);
        await Expect(page.Locator("#text")).ToHaveValueAsync("");
        V1Client.AssertOnlyV1Fields(frames);
    }

    [Fact]
    public async Task A_v1_user_and_a_protocol_2_user_see_each_other_and_each_others_messages()
    {
        var alice = await SignInAsync("alice", "/rooms/lobby");
        await SayAsync(alice, "Hello, whoever comes");
        await Expect(alice.Locator("#lines .text")).ToHaveTextAsync(["Hello, whoever comes"]);

        // bob's first paint has the history; his first action mounts the room, which shows it no second time.
        var (bob, frames) = await SignInV1Async("bob", "/rooms/lobby");
        await Expect(bob.Locator("#lines .text")).ToHaveTextAsync(["Hello, whoever comes"]);
        await SayAsync(bob, "Hi alice");
        await Expect(alice.Locator("#lines .text")).ToHaveTextAsync(["Hello, whoever comes", "Hi alice"]);
        await Expect(bob.Locator("#lines .text")).ToHaveTextAsync(["Hello, whoever comes", "Hi alice"]);
        await Expect(bob.Locator("#lines .author")).ToHaveTextAsync(["alice", "bob"]);
        await Expect(alice.Locator("#present li")).ToHaveTextAsync(["alice", "bob"]);
        await Expect(bob.Locator("#present li")).ToHaveTextAsync(["alice", "bob"]);

        await SayAsync(alice, "Welcome, bob");
        await Expect(bob.Locator("#lines .text")).ToHaveTextAsync(["Hello, whoever comes", "Hi alice", "Welcome, bob"]);

        await alice.Context.CloseAsync();
        await Expect(bob.Locator("#present li")).ToHaveTextAsync(["bob"]);
        V1Client.AssertOnlyV1Fields(frames);
    }

    [Fact]
    public async Task The_rooms_list_shows_the_rooms_and_opens_one_over_the_socket_from_v1_frames()
    {
        var (page, frames) = await SignInV1Async("ada", "/");
        await Expect(page.Locator("#rooms a")).ToHaveTextAsync(["#lobby", "#dotnet", "#random"]);

        await page.MarkDocumentAsync();
        await page.ClickAsync("#rooms >> text=#dotnet");
        await Expect(page).ToHaveURLAsync(Url("/rooms/dotnet"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("#dotnet");
        await Expect(page.Locator("#present li")).ToHaveTextAsync(["ada"]); // the navigation mounted the room
        Assert.True(await page.IsSameDocumentAsync()); // over the socket

        await SayAsync(page, "in #dotnet");
        await Expect(page.Locator("#lines .text")).ToHaveTextAsync(["in #dotnet"]);
        V1Client.AssertOnlyV1Fields(frames);
    }

    /// <summary>Signs in as <paramref name="name"/> in a new browser whose client speaks v1, recording its frames.</summary>
    private async Task<(IPage Page, List<string> Frames)> SignInV1Async(string name, string path)
    {
        var browser = await NewBrowserAsync();
        await browser.SpeakV1Async();
        List<string> frames = [];
        var page = await SignInAsync(browser, name, path, p => frames = V1Client.RecordFrames(p));
        return (page, frames);
    }
}
