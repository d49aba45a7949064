using StackExchange.Redis;

namespace LiveView.Redis;

/// <summary>
/// The Redis channel of each audience: <c>liveview:topic:room:lobby</c>, <c>liveview:user:42</c>,
/// <c>liveview:connection:Xq3...</c>, <c>liveview:everyone</c>; and <c>liveview:presence</c>, where nodes share who is
/// present (the prefix is <see cref="LiveViewRedisOptions.ChannelPrefix"/>).
/// </summary>
internal sealed class AudienceChannels(RedisConnection connection)
{
    private readonly string prefix = connection.Options.ChannelPrefix;

    /// <summary>The channel where nodes share their presences.</summary>
    public RedisChannel Presence => RedisChannel.Literal($"{prefix}:presence");

    /// <summary>The channel of <paramref name="audience"/>.</summary>
    public RedisChannel Of(Audience audience) => RedisChannel.Literal(audience.Kind switch
    {
        AudienceKind.Everyone => $"{prefix}:everyone",
        AudienceKind.Topic => $"{prefix}:topic:{audience.Name}",
        AudienceKind.User => $"{prefix}:user:{audience.Name}",
        AudienceKind.Connection => $"{prefix}:connection:{audience.Name}",
        _ => throw new ArgumentOutOfRangeException(nameof(audience), audience, "Unknown audience."),
    });
}
