using System.Text.Json;
using Microsoft.Playwright;

namespace LiveView.Browser.Tests;

/// <summary>
/// Our client made to connect as a Django LiveView v1 client (no <c>?protocol=2</c>), so that the server speaks v1 to
/// it: what a v1 client gets for every example page, applied by a real DOM.
/// </summary>
public static class V1Client
{
    /// <summary>The fields of Django LiveView v1's frames.</summary>
    private static readonly HashSet<string> Fields = ["action", "selector", "html", "append", "scroll", "scrollTop", "url", "title", "error"];

    /// <summary>
    /// Makes the pages of <paramref name="context"/> open their sockets without asking for protocol 2, and never send
    /// <c>mount</c> (a v1 client does not: its first action mounts the page).
    /// </summary>
    public static Task SpeakV1Async(this IBrowserContext context) => context.AddInitScriptAsync("""
        (() => {
          const Socket = window.WebSocket;
          window.WebSocket = class extends Socket {
            constructor(url, protocols) { super(String(url).replace(/protocol=2/, "protocol=1"), protocols); }
            send(text) {
              if (!/^\{"action":"[^"]*->mount"/.test(text)) super.send(text);
            }
          };
        })();
        """);

    /// <summary>
    /// Opens <paramref name="url"/> in a new page of <paramref name="context"/>, made to speak v1, and waits until it is
    /// connected; returns the page and the frames it receives (<see cref="RecordFrames"/>).
    /// </summary>
    public static async Task<(IPage Page, List<string> Frames)> OpenV1Async(this IBrowserContext context, Uri url)
    {
        await context.SpeakV1Async();
        List<string> frames = [];
        var page = await context.OpenLiveAsync(url, p => frames = RecordFrames(p));
        return (page, frames);
    }

    /// <summary>Records every frame <paramref name="page"/> receives, and fails the page's test at the end if it sent a mount.</summary>
    public static List<string> RecordFrames(IPage page)
    {
        var frames = new List<string>();
        page.WebSocket += (_, socket) =>
        {
            socket.FrameReceived += (_, frame) =>
            {
                lock (frames)
                {
                    frames.Add(frame.Text ?? "");
                }
            };
            socket.FrameSent += (_, frame) =>
            {
                if ((frame.Text ?? "").Contains("->mount\"", StringComparison.Ordinal))
                {
                    lock (frames)
                    {
                        frames.Add("""{"sent a mount":true}""");
                    }
                }
            };
        };
        return frames;
    }

    /// <summary>Fails when a frame has a field a v1 client does not know.</summary>
    public static void AssertOnlyV1Fields(List<string> frames)
    {
        lock (frames)
        {
            Assert.NotEmpty(frames);
            foreach (var frame in frames)
            {
                using var json = JsonDocument.Parse(frame);
                var unknown = json.RootElement.EnumerateObject().Select(p => p.Name).Where(name => !Fields.Contains(name)).ToList();
                Assert.True(unknown.Count == 0, $"a v1 client got {string.Join(", ", unknown)} in {frame}");
            }
        }
    }
}
