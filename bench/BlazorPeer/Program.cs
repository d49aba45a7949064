using BlazorPeer.Components;
using LiveView.Bench.Servers;
using Microsoft.AspNetCore.DataProtection;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
// Keys stay inside the app's folder: a benchmark run must not write to the home directory.
builder.Services.AddDataProtection()
    .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(AppContext.BaseDirectory, "keys")));

var app = builder.Build();
app.UseCrossOriginIsolation();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapBenchEndpoints();
app.Run();
