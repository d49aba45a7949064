namespace LiveView.AspNetCore;

/// <summary>
/// Settings of the LiveView host, set through <c>AddLiveView(options => ...)</c> or the <c>LiveView</c> section of
/// the configuration (<c>appsettings.json</c>, environment variables such as <c>LiveView__MaxMessageBytes</c>).
/// </summary>
public sealed class LiveViewOptions
{
    /// <summary>The configuration section the options are read from: <c>LiveView</c>.</summary>
    public const string Section = "LiveView";

    /// <summary>The largest client message accepted, in bytes; a larger one closes the socket with 1009. Default 64 KiB.</summary>
    public int MaxMessageBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// Origins (<c>https://example.com</c>) whose pages may open a socket. Empty (the default) allows only pages
    /// served by the same host; <c>*</c> allows any origin. Clients that send no <c>Origin</c> (not browsers) are
    /// always allowed.
    /// </summary>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>How often the server pings a socket, to keep proxies from closing it and to find dead peers. Default 30 s.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long the server waits for the answer to a ping before it drops the socket (a peer that is gone, or a client
    /// that stopped reading). A tab that is idle but alive answers by itself and stays open. Default 30 s;
    /// <see cref="Timeout.InfiniteTimeSpan"/> never drops.
    /// </summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a client message may take to arrive once its first bytes have (a message split into fragments that
    /// stops halfway). Past it the socket is closed with 1008. Default 10 s.
    /// </summary>
    public TimeSpan MessageTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long sending one frame may take (a client that stops reading fills the network buffers and the send
    /// waits). Past it the socket is dropped. Default 30 s.
    /// </summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many messages (client actions, effect results) may wait for one connection's loop. Default 32.</summary>
    public int MailboxCapacity { get; set; } = 32;

    /// <summary>
    /// How many messages from the server (broadcasts, messages to a user or a connection, presence changes, timer
    /// ticks) may wait for one connection's loop. A connection further behind (a client that reads too slowly, a page
    /// that folds too slowly) is closed with 1013 (try again later); our client reconnects and mounts its page again.
    /// Senders never wait for a connection. Default 512.
    /// </summary>
    public int MaxQueuedMessages { get; set; } = 512;

    /// <summary>
    /// Reads the id of a connection's user, which <c>Audience.User(id)</c> reaches; null or empty: the connection has no
    /// user audience. Default: the <see cref="System.Security.Claims.ClaimTypes.NameIdentifier"/> claim (as SignalR).
    /// </summary>
    public Func<System.Security.Claims.ClaimsPrincipal, string?> UserId { get; set; } =
        user => user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;

    /// <summary>
    /// How many effects one connection may run at once. At the cap, further effects wait for a free slot and the
    /// connection stops reading its socket until one ends, so a client can never start unbounded work. Default 16.
    /// </summary>
    public int MaxEffectsPerConnection { get; set; } = 16;

    /// <summary>
    /// Close a socket when the authentication ticket it was opened with expires (its cookie's expiry), as SignalR's
    /// option of the same name: the client reconnects, and its pages are authorized again with what it has then.
    /// Default false: a socket keeps the user it was opened with until it closes.
    /// </summary>
    public bool CloseOnAuthenticationExpiration { get; set; }

    /// <summary>
    /// How long a closing handshake may take before the socket is aborted, and how long a closed connection goes on to
    /// begin work its user asked for (an action sent while its page was being mounted). Default 5 s.
    /// </summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Cultures (<c>en</c>, <c>es</c>...) an action may run in, from the <c>lang</c> the client sends; the first is
    /// the default for any other. Empty (the default): any culture the platform knows.
    /// </summary>
    public IList<string> SupportedCultures { get; } = [];

    /// <summary>
    /// How long an action may go unanswered before the client shows <c>#loading</c>. Default 200 ms: a fast action
    /// never flashes it.
    /// </summary>
    public TimeSpan LoadingDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Keep pages shown in the browser's session storage, so that back and forward restore them with no round trip.
    /// Default true; false: back and forward load the URL from the server.
    /// </summary>
    public bool History { get; set; } = true;

    /// <summary>The language of a page when the request's culture does not name one. Default <c>en</c>.</summary>
    public string DefaultLanguage { get; set; } = "en";

    /// <summary>
    /// The largest snapshot of a page's state sent to the client, in bytes as sent (compressed, signed, encrypted,
    /// base64url). A state whose snapshot is larger is not kept while it is (logged as a warning): a reconnect mounts
    /// the page afresh. The client sends it back with its mount: a limit that does not leave 1 KiB of
    /// <see cref="MaxMessageBytes"/> for the rest of that message is lowered to do so. Default 32 KiB.
    /// </summary>
    public int MaxStateBytes { get; set; } = 32 * 1024;

    /// <summary>
    /// How long a page's state must stay unchanged before its snapshot is sent to the client (so a burst of actions
    /// costs one snapshot). Default 250 ms.
    /// </summary>
    public TimeSpan StateSnapshotDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// At most one snapshot of a page's state per this interval, and a state that keeps changing (a game that moves every
    /// tick, someone typing) still gets one about this often: what a lost node loses is about this much of the page's
    /// changes. Not shorter than <see cref="StateSnapshotDelay"/>. Default 1 s.
    /// </summary>
    public TimeSpan StateSnapshotInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How old a snapshot may be when a reconnecting client sends it back; an older one mounts the page afresh (it also
    /// bounds how long a user can replay a state of their own). Default 24 hours.
    /// </summary>
    public TimeSpan MaxStateAge { get; set; } = TimeSpan.FromHours(24);
}
