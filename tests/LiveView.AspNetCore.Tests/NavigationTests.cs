using System.Text.Json;

namespace LiveView.AspNetCore.Tests;

/// <summary>Moving between pages over the socket: send_page, the client's mount, routes, titles, meta tags.</summary>
public sealed class NavigationTests : HostedTests
{
    [Fact]
    public async Task Send_page_shows_the_page_in_main_with_its_URL_and_the_layouts_title()
    {
        await using var socket = await Host.ConnectAsync();
        await socket.SendActionAsync("counter->send_page");
        var frame = await socket.ReceiveAsync();

        Assert.Equal("counter->send_page", frame.GetProperty("action").GetString());
        Assert.Equal("#main", frame.GetProperty("selector").GetString());
        Assert.Contains("<output id=\"count\">0</output>", frame.GetProperty("html").GetString());
        Assert.Equal("/counter", frame.GetProperty("url").GetString());
        Assert.Equal("Counter: 0 · LiveView QuickStart", frame.GetProperty("title").GetString());
        Assert.False(frame.TryGetProperty("meta", out _)); // the counter has none
    }

    [Fact]
    public async Task The_links_data_fills_the_route_and_mount_effects_complete_before_the_page_is_sent()
    {
        await using var socket = await Host.ConnectAsync();
        await socket.SendAsync("""{"action":"article->send_page","data":{"slug":"hello world","lang":"en"}}""");
        var frame = await socket.ReceiveAsync();

        Assert.Equal("/articles/hello%20world", frame.GetProperty("url").GetString());
        Assert.Equal("Article hello world | Test", frame.GetProperty("title").GetString());
        Assert.Equal("<p id=\"loaded\">Loaded: Hello, hello world!</p>", frame.GetProperty("html").GetString());
        Assert.Equal("About hello world", frame.GetProperty("meta").GetProperty("description").GetString());
    }

    [Fact]
    public async Task A_v1_client_gets_the_v1_fields_in_one_frame_and_no_meta()
    {
        await using var socket = await Host.ConnectAsync(query: "");
        await socket.SendAsync("""{"action":"article->send_page","data":{"slug":"x"}}""");
        var frame = await socket.ReceiveAsync();
        Assert.Equal(["action", "selector", "html", "url", "title"], frame.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task A_page_without_a_route_cannot_be_navigated_to_and_says_why()
    {
        await using var socket = await Host.ConnectAsync();
        await socket.SendActionAsync("patches->send_page");
        var error = (await socket.ReceiveAsync()).GetProperty("error");
        Assert.Equal(WireErrorCodes.NoRoute, error.GetProperty("code").GetString());
        Assert.Contains("'patches'", error.GetProperty("message").GetString());

        await socket.SendActionAsync("article->send_page"); // the route needs a slug
        Assert.Equal(WireErrorCodes.NoRoute, (await socket.ReceiveAsync()).GetProperty("error").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("")]
    public async Task A_route_value_a_browser_would_resolve_elsewhere_gets_no_route(string slug)
    {
        await using var socket = await Host.ConnectAsync();
        await socket.SendAsync(JsonSerializer.Serialize(new { action = "article->send_page", data = new { slug } }));
        var error = (await socket.ReceiveAsync()).GetProperty("error");
        Assert.Equal(WireErrorCodes.NoRoute, error.GetProperty("code").GetString());
        Assert.Contains("'slug'", error.GetProperty("message").GetString());

        await socket.SendAsync("""{"action":"article->send_page","data":{"slug":"..."}}"""); // three dots are a name
        Assert.Equal("/articles/...", (await socket.ReceiveAsync()).GetProperty("url").GetString());
    }

    [Fact]
    public async Task An_unknown_page_is_an_error_not_a_dead_click()
    {
        await using var socket = await Host.ConnectAsync();
        await socket.SendActionAsync("nowhere->send_page");
        Assert.Equal(WireErrorCodes.UnknownPage, (await socket.ReceiveAsync()).GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Mount_keeps_the_page_without_sending_it_and_actions_wait_for_it()
    {
        await using var socket = await Host.ConnectAsync();
        // Sent back to back: "show" arrives while the mount's effect still runs, and must see its result.
        await socket.SendAsync("""{"action":"article->mount","data":{"slug":"ada"}}""");
        await socket.SendActionAsync("article->show");
        var frame = await socket.ReceiveAsync();
        Assert.Equal("article->show", frame.GetProperty("action").GetString());
        Assert.Equal("Hello, ada!", frame.GetProperty("html").GetString());
    }

    [Fact]
    public async Task A_slow_navigation_overtaken_by_a_later_one_is_answered_at_once_and_never_shown()
    {
        await using var socket = await Host.ConnectAsync();
        await socket.SendAsync("""{"action":"article->send_page","data":{"slug":"gated"}}""");
        await socket.SendActionAsync("counter->send_page");

        // The overtaken navigation is answered as soon as the later one starts, so the client's loading ends.
        Assert.Equal("""{"action":"article->send_page"}""", await socket.ReceiveTextAsync());
        Assert.Equal("/counter", (await socket.ReceiveAsync()).GetProperty("url").GetString());
        await socket.SendActionAsync("counter->increment");
        Assert.Equal("1", (await socket.ReceiveAsync()).Shown());

        // The overtaken mount's effect ends now, late; once the loop has taken its end, the counter is still live.
        var steps = Host.Clock.Readings;
        Host.Gates.Open("article");
        await Gates.UntilAsync(() => Host.Clock.Readings > steps, "the loop took the effect's end");
        await socket.SendActionAsync("counter->increment");
        var next = await socket.ReceiveAsync();
        Assert.Equal("counter->increment", next.GetProperty("action").GetString());
        Assert.Equal("2", next.Shown());
    }
}

/// <summary>Answers that change nothing on screen, notifications, and the languages actions run in.</summary>
public sealed class ProtocolExtensionTests() : HostedTests(options =>
{
    options.SupportedCultures.Add("en");
    options.SupportedCultures.Add("es");
})
{
    [Fact]
    public async Task An_action_that_changes_nothing_is_still_answered_for_our_client_only()
    {
        await using var ours = await Host.ConnectAsync();
        await ours.SendActionAsync("faulty->noop");
        Assert.Equal("""{"action":"faulty->noop"}""", await ours.ReceiveTextAsync());

        await using var v1 = await Host.ConnectAsync(query: "");
        await v1.SendActionAsync("faulty->noop");
        await v1.SendActionAsync("faulty->inc");
        Assert.Equal("faulty->inc", (await v1.ReceiveAsync()).GetProperty("action").GetString());
    }

    [Fact]
    public async Task A_notification_is_an_object_for_our_client_and_appended_HTML_for_v1()
    {
        await using var ours = await Host.ConnectAsync();
        await ours.SendActionAsync("faulty->toast");
        var notify = (await ours.ReceiveAsync()).GetProperty("notify");
        Assert.Equal(("success", "Saved <ok>", 4000), (notify.GetProperty("kind").GetString(), notify.GetProperty("text").GetString(), notify.GetProperty("timeout").GetInt32()));

        await using var v1 = await Host.ConnectAsync(query: "");
        await v1.SendActionAsync("faulty->toast");
        var frame = await v1.ReceiveAsync();
        Assert.Equal("#notifications", frame.GetProperty("selector").GetString());
        Assert.True(frame.GetProperty("append").GetBoolean());
        Assert.Equal("<div class=\"notification notification--success\" role=\"status\">Saved &lt;ok&gt;</div>", frame.GetProperty("html").GetString());
    }

    [Theory]
    [InlineData("es", "es")]
    [InlineData("es-MX", "es")]
    [InlineData("en-GB", "en")]
    [InlineData("fr", "en")]
    [InlineData("not a language", "en")]
    public async Task Actions_run_in_a_supported_culture(string lang, string culture)
    {
        await using var socket = await Host.ConnectAsync();
        await socket.SendAsync(JsonSerializer.Serialize(new { action = "patches->echo", data = new { id = "1", lang } }));
        Assert.EndsWith("|" + culture, (await socket.ReceiveAsync()).GetProperty("html").GetString());
    }
}
