using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace LiveView.AspNetCore;

/// <summary>
/// The hub's health: Healthy while the application runs and takes sockets, with how many are open and how many effects
/// run; the registration's failure status (Unhealthy unless told) before the application has started and once it is
/// stopping, while its sockets drain (they are sent their pages' state and closed with 1001, and the effects still
/// running are waited for): a load balancer stops sending new sockets to it. Unhealthy when there is no hub to check
/// (<c>AddLiveView</c> was not called).
/// </summary>
internal sealed class LiveViewHealthCheck(IHostApplicationLifetime application, OpenConnections? connections, EffectDrain? effects) : IHealthCheck
{
    /// <summary>The key of the open sockets' count in the result's data.</summary>
    public const string ConnectionsKey = "connections";

    /// <summary>The key of the running effects' count in the result's data.</summary>
    public const string EffectsKey = "effects";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (connections is null || effects is null)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(
                "AddLiveView() in the health checks checks the hub of builder.Services.AddLiveView(), which was not called."));
        }

        var open = connections.Count;
        var running = effects.Running;
        var data = new Dictionary<string, object> { [ConnectionsKey] = open, [EffectsKey] = running };
        var counts = $"{open} {(open == 1 ? "socket" : "sockets")} open, {running} {(running == 1 ? "effect" : "effects")} running";
        var result = application.ApplicationStopping.IsCancellationRequested
            ? new HealthCheckResult(context.Registration.FailureStatus, $"LiveView is stopping: its sockets drain ({counts}).", data: data)
            : !application.ApplicationStarted.IsCancellationRequested
                ? new HealthCheckResult(context.Registration.FailureStatus, $"LiveView has not started yet ({counts}).", data: data)
                : HealthCheckResult.Healthy($"LiveView is running: {counts}.", data);
        return Task.FromResult(result);
    }
}
