using Microsoft.Extensions.Hosting;

namespace LiveView.Redis;

/// <summary>
/// Runs the backplane with the application: connects to Redis (in the background), hears the other nodes' presences,
/// beats every <see cref="LiveViewRedisOptions.HeartbeatInterval"/>; on stop, says goodbye so that the other nodes drop
/// this one's presences at once.
/// </summary>
internal sealed class RedisBackplane(RedisConnection connection, RedisChannels channels, RedisPresence presence, TimeProvider time)
    : IHostedService
{
    private readonly CancellationTokenSource stopping = new();
    private Task? beating;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        connection.Start();
        presence.Start();
        beating = BeatAsync(stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        if (beating is not null)
        {
            await beating;
        }

        await presence.StopAsync();
    }

    private async Task BeatAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(connection.Options.HeartbeatInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                presence.Beat();
                channels.RetryFailed();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
