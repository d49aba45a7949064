using LiveView.Bench.Servers;
using LiveView.Bench.SignalR;
using Microsoft.AspNetCore.SignalR;

// The peer of LiveView's topic broadcast: SignalR's group send, as an application would do it from outside a hub
// (a controller, a background service) with IHubContext. The benchmark's clients speak the JSON hub protocol over
// a WebSocket opened directly (no negotiate request, as SignalR's clients do with skipNegotiation).
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddSignalR(options =>
{
    // The benchmark's clients never ping (neither do they towards LiveView); SignalR's default would drop a client
    // silent for 30 s, and opening 10,000 of them takes longer than that. The server's own pings keep their default.
    options.ClientTimeoutInterval = TimeSpan.FromMinutes(30);
});

var app = builder.Build();
app.MapHub<FanHub>("/hub");
app.MapPost(BenchEndpoints.FanPath, (string stamp, IHubContext<FanHub> hub) =>
    hub.Clients.Group(FanHub.Group).SendAsync(FanHub.Method, stamp));
app.MapBenchEndpoints();
app.Run();
