
namespace LiveView.Bench.Servers;

/// <summary>What every server under benchmark exposes besides its page: a way to ask for a full GC.</summary>
public static class BenchEndpoints
{
    /// <summary>The path of the full-GC endpoint, so that memory is compared after a collection on every server.</summary>
    public const string GcPath = "/_bench/gc";

    /// <summary>Maps <c>POST /_bench/gc</c>: a blocking, compacting gen-2 collection, then the managed heap size.</summary>
    public static void MapBenchEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost(GcPath, () =>
        {
            System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            return Results.Text(GC.GetTotalMemory(forceFullCollection: false).ToString(System.Globalization.CultureInfo.InvariantCulture));
        });
}
