using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveView.AspNetCore;

/// <summary>
/// The socket endpoint (<c>/ws/liveview/</c> by default): checks the request, accepts the WebSocket and runs one
/// <see cref="LiveConnection"/> for it. Also the bag of services every connection shares.
/// </summary>
internal sealed class SocketEndpoint(
    LiveSite site,
    PageAccess access,
    EffectRunner effects,
    IPubSub pubSub,
    IPresence presence,
    OriginPolicy origins,
    PageStates states,
    StateSnapshots snapshots,
    TimeProvider time,
    IHostApplicationLifetime application,
    IHostEnvironment environment,
    IOptions<LiveViewOptions> options,
    LiveViewMetrics metrics,
    LiveViewActivitySource activities,
    OpenConnections connections,
    ILogger<LiveConnection> logger)
{
    /// <summary>The query parameter with which our own client asks for the protocol extensions.</summary>
    public const string ProtocolQuery = "protocol";

    public LiveSite Site { get; } = site;

    public PageAccess Access { get; } = access;

    public EffectRunner Effects { get; } = effects;

    public IPubSub PubSub { get; } = pubSub;

    public IPresence Presence { get; } = presence;

    public TimeProvider Time { get; } = time;

    /// <summary>Which pages keep their state across reconnects.</summary>
    public PageStates States { get; } = states;

    /// <summary>Writes and reads the snapshots of pages' states.</summary>
    public StateSnapshots Snapshots { get; } = snapshots;

    public LiveViewOptions Options { get; } = options.Value;

    /// <summary>True in Development: error frames then name the exception behind a failure.</summary>
    public bool Development { get; } = environment.IsDevelopment();

    /// <summary>The host's instruments.</summary>
    public LiveViewMetrics Metrics { get; } = metrics;

    /// <summary>The host's spans.</summary>
    public LiveViewActivitySource Activities { get; } = activities;

    /// <summary>The sockets open on this server.</summary>
    public OpenConnections Connections { get; } = connections;

    public ILogger Logger { get; } = logger;

    public async Task HandleAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await http.Response.WriteAsync("This endpoint accepts WebSocket connections only.");
            return;
        }

        if (!origins.IsAllowed(http.Request))
        {
            Log.OriginRefused(Logger, http.Request.Headers.Origin.ToString(), http.Request.Host.Value ?? string.Empty);
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        var protocol = http.Request.Query[ProtocolQuery] == "2" ? 2 : 1;
        using var socket = await http.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            KeepAliveInterval = Options.KeepAliveInterval,
            KeepAliveTimeout = Options.KeepAliveTimeout,
        });
        Log.SocketOpened(Logger, protocol);
        var connection = new LiveConnection(socket, http, protocol == 2, this);
        await connection.RunAsync(application.ApplicationStopping);
    }
}
