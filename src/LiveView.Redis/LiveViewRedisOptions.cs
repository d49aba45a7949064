using System.Text.Json;
using System.Text.Json.Serialization;
using StackExchange.Redis;

namespace LiveView.Redis;

/// <summary>
/// Settings of the Redis backplane, set through <c>AddLiveView().AddRedis(options =&gt; ...)</c> or the
/// <c>LiveView:Redis</c> section of the configuration (<c>LiveView__Redis__ConnectionString</c>...).
/// </summary>
public sealed class LiveViewRedisOptions
{
    /// <summary>The configuration section the options are read from: <c>LiveView:Redis</c>.</summary>
    public const string Section = "LiveView:Redis";

    /// <summary>
    /// The StackExchange.Redis connection string (<c>localhost:6379</c>, <c>redis1:6379,password=...,ssl=true</c>).
    /// Ignored when <see cref="Configuration"/> is set.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The StackExchange.Redis configuration, for what a connection string cannot say (certificates, a
    /// <c>ReconnectRetryPolicy</c>...). The backplane sets its <c>AbortOnConnectFail</c> to false (the node starts and
    /// serves its own pages while Redis is unreachable) and its <c>BacklogPolicy</c> to fail fast (nothing is queued for
    /// later while Redis is down).
    /// </summary>
    public ConfigurationOptions? Configuration { get; set; }

    /// <summary>
    /// The first part of every Redis channel the backplane uses (<c>liveview:topic:room:lobby</c>): apps sharing one
    /// Redis need different prefixes. Default <c>liveview</c>.
    /// </summary>
    public string ChannelPrefix { get; set; } = "liveview";

    /// <summary>
    /// How often this node tells the others it is alive and which version of its presences it has; a node that
    /// missed a change asks for the whole list then. Default 1 s.
    /// </summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a node may stay silent before the others take it for dead and its presences leave their lists. A node
    /// that dies leaves within <c>NodeTimeout + HeartbeatInterval</c>. At least twice <see cref="HeartbeatInterval"/>.
    /// Default 5 s.
    /// </summary>
    public TimeSpan NodeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How messages are written to JSON for other nodes. Default: System.Text.Json's general settings with
    /// FSharp.SystemTextJson's converter, so C# records and F# records, unions and options travel as they are. Add
    /// converters here for types that need them.
    /// </summary>
    public JsonSerializerOptions SerializerOptions { get; set; } = DefaultSerializerOptions();

    private static JsonSerializerOptions DefaultSerializerOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General);
        options.Converters.Add(new JsonFSharpConverter());
        return options;
    }

    /// <summary>The StackExchange.Redis configuration to connect with (a copy: the caller's stays as it was).</summary>
    internal ConfigurationOptions ToConfiguration()
    {
        var configuration = Configuration?.Clone()
            ?? ConfigurationOptions.Parse(ConnectionString ?? throw new InvalidOperationException(LiveViewRedisOptionsValidation.NoServer));
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        return configuration;
    }
}
