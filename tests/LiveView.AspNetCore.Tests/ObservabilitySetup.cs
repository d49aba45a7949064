using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;

namespace LiveView.AspNetCore.Tests;

/// <summary>
/// The set-up docs/observability.md shows, cut from here: it compiles with the packages it names, and
/// <see cref="OpenTelemetryTests"/> runs it.
/// </summary>
public static class ObservabilitySetup
{
    /// <summary>What a <c>Program.cs</c> adds to <c>builder.Services</c>.</summary>
    public static void AddObservability(IServiceCollection services)
    {
        // docs/observability.md: begin
        services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddMeter(LiveViewDiagnostics.MeterName)
                .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel"))
            .WithTracing(tracing => tracing
                .AddSource(LiveViewDiagnostics.ActivitySourceName)
                .AddSource("Microsoft.AspNetCore"))
            .UseOtlpExporter(); // to OTEL_EXPORTER_OTLP_ENDPOINT (http://localhost:4317 unless set)

        services.AddHealthChecks()
            .AddLiveView(); // "liveview": Healthy while running, Unhealthy while starting and stopping
        // docs/observability.md: end
    }
}
