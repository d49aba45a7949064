using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using QuickStart.Pages;

namespace LiveView.AspNetCore.Tests;

/// <summary>
/// What a new user meets in the first hour: a page mapped without a layout gets a complete document, wiring mistakes
/// fail at startup with a sentence that says what to do, and in Development an error names the exception behind it.
/// </summary>
public sealed class FirstHourTests
{
    /// <summary>A page with no layout of its own, one parameter declared.</summary>
    private static readonly Page<int> Plain =
        LivePage.Create("plain", initial: 0, view: n => H.Div(H.Button("+").Id("inc").Action("click->plain#inc"), H.Output(n.ToString()).Id("n")))
            .WithTitle("Plain <page>")
            .WithParams("slug")
            .On("inc", (n, _) => n + 1);

    private static WebApplication NewApp(Action<ILiveViewBuilder>? pages = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var live = builder.Services.AddLiveView().AddPage(Home.Page).AddPage(Plain);
        pages?.Invoke(live);
        return builder.Build();
    }

    /// <summary>Asserts that <paramref name="error"/>'s message holds every one of <paramref name="parts"/>.</summary>
    private static void Says(Exception error, params string[] parts)
    {
        foreach (var part in parts)
        {
            Assert.Contains(part, error.Message);
        }
    }

    [Fact]
    public async Task A_page_mapped_without_a_layout_is_a_complete_document_with_everything_the_client_uses()
    {
        await using var host = await TestHost.StartAsync(pages: live => live.AddPage(Plain), map: app => app.MapLivePage("/plain/{slug}", Plain));
        using var http = host.Http();
        var response = await http.GetAsync("plain/hello");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        foreach (var part in new[]
                 {
                     "<html lang=\"en\">", "<meta charset=\"utf-8\">", "<meta name=\"viewport\"", "<title>Plain &lt;page&gt;</title>",
                     "<section id=\"loading\" hidden>", "<section id=\"notifications\"", "<section id=\"no_connection\"",
                     "<main id=\"main\"><div><button id=\"inc\"", "<script src=\"/_liveview/liveview.js?v=", "data-page=\"plain\"",
                 })
        {
            Assert.Contains(part, html);
        }

        Assert.EndsWith("</script></body></html>", html);
    }

    [Fact]
    public async Task Pages_registered_without_MapLiveView_fail_at_startup_and_say_to_map_the_socket()
    {
        await using var app = NewApp();
        app.MapLivePage("/", Home.Page, Layout.Base);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());
        Says(error, "'home'", "'plain'", "app.MapLiveView()");
    }

    [Fact]
    public async Task Pages_with_MapLiveView_start()
    {
        await using var app = NewApp();
        app.MapLiveView();
        app.MapLivePage("/", Home.Page, Layout.Base);
        await app.StartAsync();
        await app.StopAsync();
    }

    [Fact]
    public async Task One_page_mapped_to_two_routes_of_the_same_parameters_is_refused_naming_both()
    {
        await using var app = NewApp();
        app.MapLiveView();
        app.MapLivePage("/", Home.Page, Layout.Base);
        var error = Assert.Throws<InvalidOperationException>(() => app.MapLivePage("/home", Home.Page, Layout.Base));
        Says(error, "'home'", "'/'", "'/home'", "Redirect");
    }

    [Fact]
    public async Task A_route_with_a_parameter_the_page_does_not_declare_is_refused_naming_it()
    {
        await using var app = NewApp();
        app.MapLiveView();
        var error = Assert.Throws<InvalidOperationException>(() => app.MapLivePage("/plain/{id:int}", Plain));
        Says(error, "'plain'", "'id'", "'/plain/{id:int}'", "WithParams");
    }

    [Fact]
    public async Task Navigation_to_a_page_of_two_routes_takes_the_one_its_values_fill()
    {
        var blog = LivePage.Create("blog", initial: 0, view: _ => H.P("blog")).WithParams("tag");
        await using var host = await TestHost.StartAsync(
            pages: live => live.AddPage(blog),
            map: app =>
            {
                app.MapLivePage("/blog", blog);
                app.MapLivePage("/blog/tagged/{tag}", blog);
            });
        await using var socket = await host.ConnectAsync();
        await socket.SendAsync("""{"action":"blog->send_page","data":{"tag":"fsharp"}}""");
        Assert.Equal("/blog/tagged/fsharp", (await socket.ReceiveAsync()).GetProperty("url").GetString());
        await socket.SendAsync("""{"action":"blog->send_page","data":{}}""");
        Assert.Equal("/blog", (await socket.ReceiveAsync()).GetProperty("url").GetString());
    }

    [Theory]
    [InlineData("Development", true)]
    [InlineData("Production", false)]
    [InlineData("Staging", false)]
    public async Task A_failing_handler_s_error_names_the_exception_in_Development_only(string environment, bool named)
    {
        await using var host = await TestHost.StartAsync(environment: environment);
        await using var socket = await host.ConnectAsync();
        await socket.SendActionAsync("faulty->boom");
        var reply = await socket.ReceiveAsync();
        var message = reply.GetProperty("error").GetProperty("message").GetString()!;
        Assert.Contains("faulty->boom", message);
        Assert.Equal(named, message.Contains("System.InvalidOperationException: kaboom", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_malformed_action_name_is_said_to_be_malformed()
    {
        await using var host = await TestHost.StartAsync();
        await using var socket = await host.ConnectAsync();
        await socket.SendAsync(JsonSerializer.Serialize(new { action = "click-bad#increment" }));
        var error = (await socket.ReceiveAsync()).GetProperty("error");
        Assert.Equal(WireErrorCodes.InvalidAction, error.GetProperty("code").GetString());
        Assert.Contains("Malformed action 'click-bad#increment'", error.GetProperty("message").GetString());
    }
}
