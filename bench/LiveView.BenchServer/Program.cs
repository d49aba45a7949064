using LiveView.AspNetCore;
using LiveView.Bench.Server.Pages;
using LiveView.Bench.Servers;
using QuickStart.Counter;
using QuickStart.Pages;

namespace LiveView.Bench.Server;

/// <summary>
/// The QuickStart's pages (C# home, F# counter), the fan-out benchmark's page and its trigger, the idle-memory
/// benchmark's present page and its presence count, the browser benchmark's 300-row table (its rows kept, and not),
/// with the benchmark's GC endpoint, and no request logging. Given a Redis (<c>ConnectionStrings:Redis</c>, e.g.
/// <c>ConnectionStrings__Redis=127.0.0.1:6379</c>), it is one node of many on it: broadcasts and presence go through
/// Redis, as docs/scaling.md sets an app up.
/// </summary>
public static class BenchServer
{
    // The QuickStart's counter puts the count in the document title, which then follows every click; Blazor's counter
    // it is compared with keeps its title, so this one does too: both do the same work per click.
    private static readonly Page<CounterPage.State> Counter = CounterPage.page.WithTitle("Counter");

    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.ClearProviders();
        var liveView = builder.Services.AddLiveView().AddPage(Home.Page).AddPage(Counter).AddPage(FanPage.Page).AddPage(PresentPage.Page)
            .AddPage(TablePage.Page).AddPage(TablePage.Plain);
        if (builder.Configuration.GetConnectionString("Redis") is { Length: > 0 } redis)
        {
            liveView.AddRedis(redis);
        }

        var app = builder.Build();
        app.UseCrossOriginIsolation();
        app.MapLiveView();
        app.MapLivePage("/", Home.Page, Layout.Base);
        app.MapLivePage("/counter", Counter, Layout.Base);
        app.MapLivePage("/fan", FanPage.Page, Layout.Base);
        app.MapLivePage("/present", PresentPage.Page, Layout.Base);
        app.MapLivePage("/table", TablePage.Page, Layout.Base);
        app.MapLivePage("/table-plain", TablePage.Plain, Layout.Base);
        app.MapBenchEndpoints();
        app.MapPost(BenchEndpoints.FanPath, (string stamp, ILiveHub hub) => hub.SendAsync(Audience.Topic(FanPage.Topic), new Fan(stamp)));
        app.MapGet(BenchEndpoints.PresentPath, (IPresence presence) => presence.List(PresentPage.Topic).Count);
        app.Run();
    }
}
