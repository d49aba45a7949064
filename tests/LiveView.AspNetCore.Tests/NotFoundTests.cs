using System.Net;
using Microsoft.AspNetCore.Builder;

namespace LiveView.AspNetCore.Tests;

/// <summary>
/// Pages that say "not found" (<c>NotFoundWhen</c>) and the app's not-found page (<c>MapLiveNotFound</c>): 404 with the
/// page in its layout over HTTP, the same view over the socket.
/// </summary>
public sealed class NotFoundTests : IAsyncLifetime
{
    /// <summary>A post at <c>/posts/{slug}</c>: only the slug <c>known</c> exists.</summary>
    private static readonly Page<string> Post =
        LivePage.Create("post", init: ctx => ctx.Params.TryGetValue("slug", out var slug) ? slug : "", view: View)
            .WithTitle(slug => slug == "known" ? "Known" : "No such post")
            .NotFoundWhen(slug => slug != "known");

    /// <summary>The app's not-found page: it names the path asked for.</summary>
    private static readonly Page<string> Missing =
        LivePage.Create("missing", init: ctx => ctx.Params.TryGetValue("path", out var path) ? path : "", view: path => H.H1($"Nothing at /{path}"))
            .WithTitle("Not found")
            .NotFoundWhen(_ => true);

    private static XmlNode View(string slug) => H.H1(slug == "known" ? "A known post" : "No such post");

    private TestHost host = null!;
    private HttpClient http = null!;

    public async Task InitializeAsync()
    {
        host = await TestHost.StartAsync(
            pages: live => live.AddPage(Post).AddPage(Missing),
            map: app =>
            {
                app.MapLivePage("/posts/{slug}", Post, TestPages.Layout);
                app.MapLiveNotFound(Missing, TestPages.Layout);
            });
        http = new HttpClient { BaseAddress = host.Address };
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await host.DisposeAsync();
    }

    [Fact]
    public async Task A_page_whose_state_is_not_found_answers_404_with_its_view_in_the_layout()
    {
        var found = await http.GetAsync("/posts/known");
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Contains("<h1>A known post</h1>", await found.Content.ReadAsStringAsync());

        var missing = await http.GetAsync("/posts/nope");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("text/html; charset=utf-8", missing.Content.Headers.ContentType?.ToString());
        var html = await missing.Content.ReadAsStringAsync();
        Assert.Contains("<title>No such post | Test</title>", html);
        Assert.Contains("<main id=\"main\"><h1>No such post</h1></main>", html);
        Assert.Contains("data-page=\"post\"", html); // the client goes live on it as on any page
    }

    [Fact]
    public async Task An_unknown_route_answers_404_with_the_apps_not_found_page_and_known_routes_still_win()
    {
        var missing = await http.GetAsync("/no/such/page?x=1");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var html = await missing.Content.ReadAsStringAsync();
        Assert.Contains("<title>Not found | Test</title>", html);
        Assert.Contains("<h1>Nothing at /no/such/page</h1>", html);

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/counter")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/posts/known")).StatusCode);
    }

    [Fact]
    public async Task A_missing_file_is_a_bare_404_not_the_page()
    {
        var missing = await http.GetAsync("/logo.png");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Empty(await missing.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Over_the_socket_a_navigation_shows_the_same_page_at_the_url_asked_for()
    {
        await using var socket = await host.ConnectAsync();
        await socket.SendAsync("""{"action":"post->send_page","data":{"slug":"nope","lang":"en"}}""");
        var post = await socket.ReceiveAsync();
        Assert.Equal("/posts/nope", post.GetProperty("url").GetString());
        Assert.Equal("<h1>No such post</h1>", post.GetProperty("html").GetString());
        Assert.Equal("No such post | Test", post.GetProperty("title").GetString());

        // The not-found page has a route too: the path asked for is its parameter.
        await socket.SendAsync("""{"action":"missing->send_page","data":{"path":"no/such/page","lang":"en"}}""");
        var missing = await socket.ReceiveAsync();
        Assert.Equal("/no/such/page", missing.GetProperty("url").GetString());
        Assert.Equal("<h1>Nothing at /no/such/page</h1>", missing.GetProperty("html").GetString());
    }
}
