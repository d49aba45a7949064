
namespace LiveView.Bench.Servers;

/// <summary>What every server under benchmark has besides its page: a full-GC endpoint and cross-origin isolation.</summary>
public static class BenchEndpoints
{
    /// <summary>
    /// Sends the headers that make a page cross-origin isolated, so that the browser's <c>performance.now()</c>
    /// resolves to microseconds rather than to 100 µs steps: the click latencies are measured with it.
    /// </summary>
    public static void UseCrossOriginIsolation(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.Headers["Cross-Origin-Opener-Policy"] = "same-origin";
            context.Response.Headers["Cross-Origin-Embedder-Policy"] = "require-corp";
            await next(context);
        });

    /// <summary>The path of the full-GC endpoint, so that memory is compared after a collection on every server.</summary>
    public const string GcPath = "/_bench/gc";

    /// <summary>
    /// The path of the fan-out trigger (<c>POST /_bench/fan?stamp=...</c>) on the servers that broadcast: each sends
    /// the stamp to every client subscribed to its one topic or group. The benchmark times the clients' sockets, not
    /// this request's answer.
    /// </summary>
    public const string FanPath = "/_bench/fan";

    /// <summary>
    /// The path of the LiveView bench server's presence count (<c>GET</c>): how many pages are present in the topic
    /// of its present page, so that the idle-memory run can check that every page it mounted is tracked.
    /// </summary>
    public const string PresentPath = "/_bench/present";

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
