using LiveView.Bench.Servers;
using QuickStart.Counter;
using QuickStart.Pages;

namespace LiveView.Bench.Server;

/// <summary>The QuickStart's pages (C# home, F# counter) with the benchmark's GC endpoint, and no request logging.</summary>
public static class BenchServer
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.ClearProviders();
        builder.Services.AddLiveView().AddPage(Home.Page).AddPage(CounterPage.page);

        var app = builder.Build();
        app.UseCrossOriginIsolation();
        app.MapLiveView();
        app.MapLivePage("/", Home.Page, Layout.Base);
        app.MapLivePage("/counter", CounterPage.page, Layout.Base);
        app.MapBenchEndpoints();
        app.Run();
    }
}
