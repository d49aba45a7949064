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

    /// Separator between the page and the handler in an action name (`home->random_number`).
    [<Literal>]
    let ActionSeparator = "->"
