using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using QuickStart.Pages;

namespace LiveView.AspNetCore.Tests;

/// <summary>Mistakes in Program.cs fail at startup with a message that says what to do.</summary>
public sealed class StartupTests
{
    [Fact]
    public void MapLiveView_without_AddLiveView_says_to_call_AddLiveView()
    {
        var app = WebApplication.CreateBuilder().Build();
        var error = Assert.Throws<InvalidOperationException>(() => app.MapLiveView());
        Assert.Contains("AddLiveView", error.Message);
    }

    [Fact]
    public void MapLivePage_without_AddLiveView_says_to_call_AddLiveView()
    {
        var app = WebApplication.CreateBuilder().Build();
        var error = Assert.Throws<InvalidOperationException>(() => app.MapLivePage("/", Home.Page, Layout.Base));
        Assert.Contains("AddLiveView", error.Message);
    }

    [Fact]
    public void Mapping_a_page_that_was_not_registered_names_the_page()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Services.AddLiveView();
        var app = builder.Build();
        var error = Assert.Throws<InvalidOperationException>(() => app.MapLivePage("/", Home.Page, Layout.Base));
        Assert.Contains("'home'", error.Message);
        Assert.Contains("AddPage", error.Message);
    }

    [Fact]
    public void Two_pages_with_one_name_are_refused()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Services.AddLiveView().AddPage(Home.Page).AddPage(LivePage.Create("home", 0, _ => H.Div()));
        var app = builder.Build();
        var error = Assert.Throws<InvalidOperationException>(() => app.MapLiveView());
        Assert.Contains("'home'", error.Message);
    }

    [Fact]
    public async Task A_plain_HTTP_request_to_the_socket_endpoint_gets_400()
    {
        await using var host = await TestHost.StartAsync();
        using var http = host.Http();
        var response = await http.GetAsync(LiveView.Protocol.DefaultSocketPath);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("WebSocket", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_impossible_limit_fails_at_startup_and_names_the_setting()
    {
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(
            () => TestHost.StartAsync(options => options.MaxEffectsPerConnection = 0));
        Assert.Contains("MaxEffectsPerConnection", error.Message);
    }

    [Theory]
    [InlineData("MaxStateBytes")]
    [InlineData("StateSnapshotDelay")]
    [InlineData("StateSnapshotInterval")]
    [InlineData("MaxStateAge")]
    public async Task An_impossible_page_state_setting_fails_at_startup_and_names_it(string setting)
    {
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(
            () => TestHost.StartAsync(options =>
            {
                switch (setting)
                {
                    case "MaxStateBytes":
                        options.MaxStateBytes = 100;
                        break;
                    case "StateSnapshotDelay":
                        options.StateSnapshotDelay = TimeSpan.FromSeconds(-1);
                        break;
                    case "StateSnapshotInterval":
                        options.StateSnapshotInterval = TimeSpan.FromMilliseconds(100); // shorter than the delay
                        break;
                    default:
                        options.MaxStateAge = TimeSpan.Zero;
                        break;
                }
            }));
        Assert.Contains(setting, error.Message);
    }
}
