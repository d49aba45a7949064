namespace LiveView

/// Fixed names of the wire protocol shared by the server and the browser client.
[<RequireQualifiedAccess>]
module Protocol =

    /// The WebSocket endpoint a Django LiveView v1 client connects to.
    [<Literal>]
    let DefaultSocketPath = "/ws/liveview/"

    /// The URL at which the host serves the browser client.
    [<Literal>]
    let ClientScriptPath = "/_liveview/liveview.js"

    /// The handler name a `page#changePage` click sends (`about->send_page`).
    [<Literal>]
    let SendPageHandler = "send_page"

    /// The handler name our client sends when it connects on a page rendered over HTTP (`blog_post->mount`, with
    /// the page's parameters as data): the server mounts the page without sending it again.
    [<Literal>]
    let MountHandler = "mount"

    /// How long a notification stays, in milliseconds, unless the patch says otherwise.
    [<Literal>]
    let NotificationTimeout = 4000

    /// Separator between the page and the handler in an action name (`home->random_number`).
    [<Literal>]
    let ActionSeparator = "->"
