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

    /// <summary>How often the server pings an idle socket to keep proxies from closing it. Default 30 s.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many messages (client actions, effect results) may wait for one connection's loop. Default 32.</summary>
    public int MailboxCapacity { get; set; } = 32;

    /// <summary>How long a closing handshake may take before the socket is aborted. Default 5 s.</summary>
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
}
