using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace LiveView.AspNetCore.Tests;

/// <summary>docs/observability.md's OpenTelemetry set-up, run with in-memory exporters beside its OTLP one.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class OpenTelemetryTests
{
    [Fact]
    public async Task The_documented_set_up_exports_the_hosts_instruments_and_spans()
    {
        var metrics = new List<Metric>();
        var spans = new List<Activity>();
        await using var host = await TracedHost.StartAsync(services =>
        {
            ObservabilitySetup.AddObservability(services);
            services.ConfigureOpenTelemetryMeterProvider(provider => provider.AddInMemoryExporter(metrics));
            services.ConfigureOpenTelemetryTracerProvider(provider => provider.AddInMemoryExporter(spans));
        });
        await using (var socket = await CountingSocket.ConnectAsync(host))
        {
            await socket.ActAsync("traced->click");
            await socket.ActAsync("traced->fetch");
            await socket.ReceiveAsync();
            host.App.Services.GetRequiredService<MeterProvider>().ForceFlush();
        }

        host.App.Services.GetRequiredService<TracerProvider>().ForceFlush();
        var names = metrics.Select(m => m.Name).ToHashSet();
        Assert.Superset(
            new HashSet<string>
            {
                "liveview.connections.open", "liveview.mailbox.depth", "liveview.actions", "liveview.action.duration",
                "liveview.effect.duration", "liveview.bytes.sent", "liveview.bytes.received",
            },
            names);
        var action = metrics.First(m => m.Name == "liveview.action.duration");
        Assert.Equal(MetricType.Histogram, action.MetricType);
        Assert.Equal("s", action.Unit);
        lock (spans)
        {
            Assert.Contains(spans, s => s.DisplayName == "traced->click");
            Assert.Contains(spans, s => s.DisplayName == "traced effect fetch");
        }
    }
}
