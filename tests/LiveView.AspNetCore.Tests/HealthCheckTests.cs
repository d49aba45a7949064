using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveView.AspNetCore.Tests;

/// <summary>The hub's health check (<c>AddHealthChecks().AddLiveView()</c>), as a load balancer reads it.</summary>
public sealed class HealthCheckTests
{
    private static Task<TestHost> StartAsync(HealthStatus failureStatus = HealthStatus.Unhealthy) => TracedHost.StartAsync(
        services => services.AddHealthChecks().AddLiveView(failureStatus: failureStatus),
        app => app.MapHealthChecks("/health"));

    private static async Task<HealthReportEntry> CheckAsync(IServiceProvider services) =>
        (await services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries["liveview"];

    [Fact]
    public async Task Healthy_while_running_with_the_open_sockets_and_running_effects()
    {
        await using var host = await StartAsync();
        using var http = host.Http();
        var response = await http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());

        await using var socket = await CountingSocket.ConnectAsync(host);
        await socket.ActAsync("traced->click");
        var entry = await CheckAsync(host.App.Services);
        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Equal("LiveView is running: 1 socket open, 0 effects running.", entry.Description);
        Assert.Equal(1, entry.Data["connections"]);
        Assert.Equal(0, entry.Data["effects"]);
    }

    [Fact]
    public async Task Unhealthy_once_stopping_while_the_sockets_drain()
    {
        await using var host = await StartAsync();
        await using var socket = await CountingSocket.ConnectAsync(host);
        await socket.ActAsync("traced->click");

        // Stopping: the application says so, its sockets are being closed; the server still answers.
        host.App.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        var entry = await CheckAsync(host.App.Services);
        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.StartsWith("LiveView is stopping: its sockets drain", entry.Description);
        using var http = host.Http();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task The_failure_status_is_the_registrations()
    {
        await using var host = await StartAsync(HealthStatus.Degraded);
        host.App.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        Assert.Equal(HealthStatus.Degraded, (await CheckAsync(host.App.Services)).Status);
    }

    [Theory]
    [InlineData(true, "LiveView has not started yet")]
    [InlineData(false, "AddLiveView() in the health checks checks the hub of builder.Services.AddLiveView(), which was not called.")]
    public async Task Unhealthy_before_the_application_has_started_and_without_AddLiveView(bool addLiveView, string description)
    {
        await using var services = Services(addLiveView);
        var entry = await CheckAsync(services);
        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.StartsWith(description, entry.Description);
    }

    /// <summary>An application's services, not started.</summary>
    private static ServiceProvider Services(bool addLiveView)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IHostApplicationLifetime>(new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance));
        if (addLiveView)
        {
            services.AddLiveView();
        }

        services.AddHealthChecks().AddLiveView();
        return services.BuildServiceProvider();
    }
}
