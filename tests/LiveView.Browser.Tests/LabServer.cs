using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveView.Browser.Tests;

/// <summary>A small app of a test's own, on a free port of 127.0.0.1, quiet, with LiveView's socket.</summary>
public static class LabServer
{
    /// <summary>
    /// Starts an app whose services <paramref name="services"/> adds (LiveView's with its pages among them) and whose
    /// endpoints <paramref name="map"/> maps besides LiveView's socket, in <paramref name="environment"/> (none: as the
    /// process's variables say, Production): the app, and its address (ending in a slash).
    /// </summary>
    public static async Task<(WebApplication App, Uri Address)> StartAsync(
        Action<IServiceCollection> services, Action<WebApplication> map, string? environment = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        services(builder.Services);
        var app = builder.Build();
        app.MapLiveView();
        map(app);
        await app.StartAsync();
        return (app, new Uri(app.Urls.Single() + "/"));
    }
}
