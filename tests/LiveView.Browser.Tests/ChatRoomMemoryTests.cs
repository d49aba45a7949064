using Chat;
using Chat.Account;
using Chat.Pages;
using Chat.Rules;
using Microsoft.FSharp.Collections;
using Microsoft.FSharp.Core;

namespace LiveView.Browser.Tests;

/// <summary>
/// A room's page on the runtime the host uses, stepped here: its messages go to the browser as a stream and the server
/// keeps none of them, neither in the page's state nor in its copy of what the browser shows.
/// </summary>
public sealed class ChatRoomMemoryTests
{
    [Fact]
    public void A_room_page_after_1000_messages_holds_none_of_them()
    {
        var limits = new ChatLimits(); // the history's size: 50
        var site = Page.alone(Page.erase(RoomPage.Create(limits)));
        var now = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        Env Env() => new(now, new Random(1));

        var runtime = RuntimeModule.start("tab", ChatUser.Principal("ada"), 4);
        var mount = new MountRequest(RoomPage.Name, "/rooms/lobby", new FSharpMap<string, string>([Tuple.Create("room", "lobby")]), FSharpOption<string>.None);
        (runtime, var outputs) = RuntimeModule.step(site, Input.NewMount(mount, Env()), runtime);
        // The history's load does not run here: the room starts empty.
        var load = Assert.Single(outputs.OfType<Output.Start>());
        (runtime, outputs) = RuntimeModule.step(site, Input.NewEffectSkipped(load.Effect), runtime);
        var owner = runtime.Instance!.Id;
        var topic = Subscription.Topic(Topics.Room("lobby"));

        var inserts = new List<StreamOp.Insert>();
        for (var id = 1; id <= 1000; id++)
        {
            var said = new Said(new ChatLine(id, "lobby", "bob", $"message number {id}", now));
            (runtime, outputs) = RuntimeModule.step(
                site,
                Input.NewMessage(owner, FSharpValueOption<Subscription>.NewValueSome(topic), Origin.NewMessage(nameof(Said), "test"), said, Env()),
                runtime);
            inserts.AddRange(outputs.OfType<Output.Push>().SelectMany(push => push.Patches)
                .OfType<Patch.Stream>().Where(stream => stream.Stream == RoomView.Lines).Select(stream => stream.Op).OfType<StreamOp.Insert>());
        }

        // Every message went to the browser once, into a stream that keeps the last 50.
        Assert.Equal(Enumerable.Range(1, 1000).Select(id => $"line-{id}"), inserts.Select(insert => insert.Key));
        Assert.All(inserts, insert => Assert.Equal(-limits.HistorySize, insert.Limit));

        // The page holds none: its state names the newest message only, and its copies of the view have an empty list.
        var page = runtime.Instance!;
        var state = Assert.IsType<RoomState>(page.State);
        Assert.Equal(1000, state.Newest);
        Assert.DoesNotContain("message number", state.ToString());
        Assert.DoesNotContain("message number", ViewHtml.ofNodes(page.View));
        Assert.DoesNotContain("message number", ViewHtml.ofNodes(page.Shown.Value));
        Assert.Contains("""<ol id="lines" class="lines" data-liveview-stream="" data-newest="1000"></ol>""", ViewHtml.ofNodes(page.Shown.Value));
    }
}
