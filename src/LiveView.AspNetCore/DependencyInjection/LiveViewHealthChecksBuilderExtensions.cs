using LiveView.AspNetCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The health check of the LiveView hub.</summary>
public static class LiveViewHealthChecksBuilderExtensions
{
    /// <summary>The default name of the check: <c>liveview</c>.</summary>
    public const string DefaultName = "liveview";

    /// <summary>
    /// Adds a check of this server's LiveView hub: <c>builder.Services.AddHealthChecks().AddLiveView()</c>, then
    /// <c>app.MapHealthChecks("/health")</c>. Healthy while the application runs, with the sockets open and the effects
    /// running in its data (<c>connections</c>, <c>effects</c>); <paramref name="failureStatus"/> (Unhealthy by
    /// default) before it has started and once it is stopping, while its sockets drain, so that a load balancer sends
    /// new sockets elsewhere. Needs <c>AddLiveView()</c>. With a Redis backplane add <c>AddLiveViewRedis()</c> too.
    /// </summary>
    public static IHealthChecksBuilder AddLiveView(
        this IHealthChecksBuilder builder,
        string name = DefaultName,
        HealthStatus failureStatus = HealthStatus.Unhealthy,
        IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HealthCheckRegistration(
            name,
            provider => new LiveViewHealthCheck(
                provider.GetRequiredService<IHostApplicationLifetime>(),
                provider.GetService<OpenConnections>(),
                provider.GetService<EffectDrain>()),
            failureStatus,
            tags));
    }
}
