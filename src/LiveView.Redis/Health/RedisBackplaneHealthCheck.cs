using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LiveView.Redis;

/// <summary>
/// Healthy while this node reaches Redis; otherwise the registration's failure status (Degraded unless told), with
/// since when and why: the node still serves its own pages, but messages and presence no longer cross nodes. Unhealthy
/// when there is no backplane to check (<c>AddRedis</c> was not called).
/// </summary>
internal sealed class RedisBackplaneHealthCheck(RedisConnection? connection) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (connection is null)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(
                "AddLiveViewRedis() checks the backplane of AddLiveView().AddRedis(...), and AddRedis was not called."));
        }

        if (connection.IsConnected)
        {
            return Task.FromResult(HealthCheckResult.Healthy($"Node {connection.Node} reaches Redis."));
        }

        var outage = connection.Outage;
        var data = new Dictionary<string, object> { ["node"] = connection.Node };
        if (outage is { } down)
        {
            data["since"] = down.Since.ToString("O", CultureInfo.InvariantCulture);
        }

        return Task.FromResult(new HealthCheckResult(
            context.Registration.FailureStatus,
            $"Redis is unreachable ({outage?.Reason ?? "not connected"}): this node serves its own pages only; messages "
            + "and presence do not reach other nodes until Redis is back.",
            data: data));
    }
}
