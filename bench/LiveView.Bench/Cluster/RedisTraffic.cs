using System.Collections.Concurrent;
using LiveView.Bench.FanOut;
using LiveView.Bench.Servers;
using StackExchange.Redis;

namespace LiveView.Bench.Cluster;

/// <summary>
/// What went through Redis over the timed broadcasts of the rounds it watched: the calls of each command the server ran
/// (<c>INFO commandstats</c> before and after, its own <c>INFO</c> left out), the messages published on each channel
/// (seen by a subscriber to every channel, <c>PSUBSCRIBE *</c>), and the server's CPU time.
/// </summary>
public sealed class RedisTraffic : IBroadcastWatch, IAsyncDisposable
{
    private readonly ConnectionMultiplexer redis;
    private readonly IServer server;
    private readonly int? processId;
    private readonly ConcurrentDictionary<string, long> channels = new();
    private readonly Dictionary<string, long> commands = [];
    private Dictionary<string, long> before = [];
    private double cpuBefore;
    private long started;
    private volatile bool watching;

    private RedisTraffic(ConnectionMultiplexer redis, int? processId)
    {
        this.redis = redis;
        this.processId = processId;
        server = redis.GetServer(redis.GetEndPoints()[0]);
    }

    /// <summary>Broadcasts timed while it watched.</summary>
    public int Broadcasts { get; private set; }

    /// <summary>Time it watched, in seconds.</summary>
    public double Seconds { get; private set; }

    /// <summary>The Redis server's CPU time while it watched, in seconds (0 when its process is not known).</summary>
    public double CpuSeconds { get; private set; }

    /// <summary>Connects to the Redis at <paramref name="connectionString"/>, whose server process is <paramref name="processId"/>.</summary>
    public static async Task<RedisTraffic> ConnectAsync(string connectionString, int? processId)
    {
        var redis = await ConnectionMultiplexer.ConnectAsync($"{connectionString},allowAdmin=true");
        var traffic = new RedisTraffic(redis, processId);
        await redis.GetSubscriber().SubscribeAsync(RedisChannel.Pattern("*"), (channel, _) =>
        {
            if (traffic.watching)
            {
                traffic.channels.AddOrUpdate(channel.ToString(), 1, (_, n) => n + 1);
            }
        });
        return traffic;
    }

    /// <summary>
    /// Starts watching once the nodes' subscriptions are made (Redis has counted no new <c>SUBSCRIBE</c> for half a
    /// second, a minute at most): every socket's own channel is subscribed as it connects, one at a time, and for
    /// thousands of sockets that takes seconds that are not the broadcasts'.
    /// </summary>
    public async Task StartAsync()
    {
        var subscribes = -1L;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(1))
        {
            before = await CommandCallsAsync();
            var now = before.GetValueOrDefault("subscribe");
            if (now == subscribes)
            {
                break;
            }

            subscribes = now;
            await Task.Delay(500);
        }

        cpuBefore = RedisCpu();
        started = System.Diagnostics.Stopwatch.GetTimestamp();
        watching = true;
    }

    public async Task StopAsync(int broadcasts)
    {
        watching = false;
        Seconds += System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
        CpuSeconds += RedisCpu() - cpuBefore;
        Broadcasts += broadcasts;
        foreach (var (command, calls) in await CommandCallsAsync())
        {
            var delta = calls - before.GetValueOrDefault(command);
            if (delta > 0 && command != "info")
            {
                commands[command] = commands.GetValueOrDefault(command) + delta;
            }
        }
    }

    /// <summary>What it saw, so far.</summary>
    public RedisCounts Counts() => new(
        Broadcasts, Seconds, CpuSeconds,
        commands.OrderByDescending(c => c.Value).ToDictionary(),
        channels.OrderByDescending(c => c.Value).ToDictionary());

    /// <summary>Calls of each command since the server started: <c>cmdstat_publish:calls=12,usec=...</c>.</summary>
    private async Task<Dictionary<string, long>> CommandCallsAsync()
    {
        var calls = new Dictionary<string, long>();
        foreach (var group in await server.InfoAsync("commandstats"))
        {
            foreach (var (key, value) in group)
            {
                var field = value.Split(',').FirstOrDefault(part => part.StartsWith("calls=", StringComparison.Ordinal));
                if (key.StartsWith("cmdstat_", StringComparison.Ordinal) && field is not null)
                {
                    calls[key["cmdstat_".Length..]] = long.Parse(field["calls=".Length..], System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }

        return calls;
    }

    private double RedisCpu() => processId is { } id ? ProcStats.Read(id).CpuSeconds : 0;

    public async ValueTask DisposeAsync() => await redis.DisposeAsync();
}

/// <summary>What went through Redis over timed broadcasts.</summary>
/// <param name="Broadcasts">Broadcasts timed.</param>
/// <param name="Seconds">Time they took, pauses included.</param>
/// <param name="RedisCpuSeconds">The Redis server's CPU time meanwhile.</param>
/// <param name="Commands">Calls of each command Redis ran (but the benchmark's own <c>INFO</c>), most first.</param>
/// <param name="Channels">Messages published on each channel, most first.</param>
public sealed record RedisCounts(
    int Broadcasts, double Seconds, double RedisCpuSeconds, IReadOnlyDictionary<string, long> Commands, IReadOnlyDictionary<string, long> Channels)
{
    /// <summary><paramref name="count"/> per timed broadcast.</summary>
    public double PerBroadcast(long count) => Broadcasts == 0 ? 0 : (double)count / Broadcasts;

    /// <summary>Messages on <paramref name="channel"/>.</summary>
    public long On(string channel) => Channels.GetValueOrDefault(channel);
}
