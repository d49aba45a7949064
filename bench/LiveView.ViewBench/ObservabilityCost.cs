using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveView.ViewBench;

/// <summary>
/// <c>./build.sh bench --views --observability</c>: what the host's metrics and traces cost per round trip, in process.
/// A real Kestrel server on loopback runs the counter page; one socket sends <c>counter-&gt;increment</c> and waits
/// for its answer, closed loop, first with nobody listening to the host's meter and activity source, then with a
/// <see cref="MeterListener"/> and an <see cref="ActivityListener"/> that take every measurement and every span. Client
/// and server share the process: the bytes allocated and the CPU are both sides' (the client's are the same in
/// every row).
/// </summary>
internal static class ObservabilityCost
{
    /// <summary>The names the host's meter and activity source go by.</summary>
    private const string Source = "LiveView.AspNetCore";

    private static readonly byte[] Increment = Encoding.UTF8.GetBytes("""{"action":"counter->increment","data":{"lang":"en"}}""");

    /// <summary>Measures <paramref name="roundTrips"/> round trips per row and returns the section as markdown.</summary>
    public static async Task<string> MeasureAsync(int roundTrips)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddLiveView().AddPage(Pages.Counter);
        await using var app = builder.Build();
        app.MapLiveView();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal) + LiveView.Protocol.DefaultSocketPath), CancellationToken.None);
        var buffer = new byte[16 * 1024];

        // The two rows take turns, batch by batch, so that what else the machine does weighs on both alike.
        var nobody = new Batches();
        var listening = new Batches();
        var listened = new Listened();
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < TimeSpan.FromSeconds(2))
        {
            await RoundTripAsync(socket, buffer);
            using var listener = new Listener(listened);
            await RoundTripAsync(socket, buffer);
        }

        const int BatchCount = 20;
        var calls = roundTrips / BatchCount;
        for (var b = 0; b < BatchCount; b++)
        {
            await nobody.MeasureAsync(socket, buffer, calls);
            using var listener = new Listener(listened);
            await listening.MeasureAsync(socket, buffer, calls);
        }

        var report = new StringBuilder();
        report.Append($"{roundTrips:N0} round trips per row, in {BatchCount} batches taking turns with the other row's; medians of the batches.\n\n");
        report.Append("| listening | round trip | CPU per round trip | allocated per round trip |\n");
        report.Append("| --- | ---: | ---: | ---: |\n");
        report.Append(nobody.Row("nobody"));
        report.Append(listening.Row("a `MeterListener` and an `ActivityListener` taking every measurement and span"));
        report.Append($"\nWhile listening: {listened.Measurements:N0} measurements, {listened.Spans:N0} spans.\n");

        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        await app.StopAsync();
        return report.ToString();
    }

    /// <summary>What the listeners took.</summary>
    private sealed class Listened
    {
        public long Measurements;
        public long Spans;
    }

    /// <summary>A <see cref="MeterListener"/> and an <see cref="ActivityListener"/> on the host's names, until disposed.</summary>
    private sealed class Listener : IDisposable
    {
        private readonly MeterListener meters;
        private readonly ActivityListener activities;

        public Listener(Listened listened)
        {
            meters = new MeterListener
            {
                InstrumentPublished = (instrument, listener) =>
                {
                    if (instrument.Meter.Name == Source)
                    {
                        listener.EnableMeasurementEvents(instrument);
                    }
                },
            };
            meters.SetMeasurementEventCallback<long>((_, _, _, _) => Interlocked.Increment(ref listened.Measurements));
            meters.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref listened.Measurements));
            meters.Start();
            activities = new ActivityListener
            {
                ShouldListenTo = source => source.Name == Source,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = _ => Interlocked.Increment(ref listened.Spans),
            };
            ActivitySource.AddActivityListener(activities);
        }

        public void Dispose()
        {
            meters.Dispose();
            activities.Dispose();
        }
    }

    /// <summary>One row's batches: wall time, CPU and bytes allocated per round trip in each.</summary>
    private sealed class Batches
    {
        private readonly List<double> wall = [];
        private readonly List<double> cpu = [];
        private readonly List<double> bytes = [];

        public async Task MeasureAsync(ClientWebSocket socket, byte[] buffer, int calls)
        {
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            for (var n = 0; n < calls; n++)
            {
                await RoundTripAsync(socket, buffer);
            }

            wall.Add(clock.Elapsed.TotalMicroseconds / calls);
            bytes.Add((double)(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / calls);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMicroseconds / calls);
        }

        public string Row(string listening) =>
            $"| {listening} | {Median(wall):F1} µs | {Median(cpu):F1} µs | {Median(bytes):N0} B |\n";
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    private static async Task RoundTripAsync(ClientWebSocket socket, byte[] buffer)
    {
        await socket.SendAsync(Increment, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
        }
        while (!result.EndOfMessage);
    }
}
