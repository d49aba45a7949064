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

    /// The mount handler's name. Our client sends `page->mount` (with the page's parameters as data) when it connects
    /// on a page rendered over HTTP: the server mounts the page without sending it again. A page's handler of this
    /// name (`Page.onMount`) runs whenever the page is mounted; a client never calls it directly.
    [<Literal>]
    let MountHandler = "mount"

    /// How long a notification stays, in milliseconds, unless the patch says otherwise.
    [<Literal>]
    let NotificationTimeout = 4000

    /// The element a page's view is shown in: the layout's `<main id="main">`. Navigation replaces its content; view
    /// changes' paths start from it.
    [<Literal>]
    let MainSelector = "#main"

    /// Separator between the page and the handler in an action name (`home->random_number`).
    [<Literal>]
    let ActionSeparator = "->"

/// The codes of error frames, `{"error":{"code":"...","message":"..."}}`: stable, machine-readable.
[<RequireQualifiedAccess>]
module ErrorCode =

    /// The frame is not valid JSON.
    [<Literal>]
    let MalformedJson = "malformed_json"

    /// The frame is JSON but not a message: not an object, no `action`, or fields of the wrong type.
    [<Literal>]
    let InvalidMessage = "invalid_message"

    /// The `action` is not of the form `page->handler`.
    [<Literal>]
    let InvalidAction = "invalid_action"

    /// No page of that name is registered.
    [<Literal>]
    let UnknownPage = "unknown_page"

    /// The page has no handler of that name.
    [<Literal>]
    let UnknownHandler = "unknown_handler"

    /// Navigation to a page that has no URL (not mapped with `MapLivePage`, or a route value missing or unusable).
    [<Literal>]
    let NoRoute = "no_route"

    /// The user may not open the page: its authorization refused the mount. The frame's `redirect` says where the
    /// browser should go (the page's URL, which the HTTP pipeline turns into the login page or a 403).
    [<Literal>]
    let Unauthorized = "unauthorized"

    /// A fold threw (a handler, the page's init or mount handler, an effect's result); the state is unchanged.
    [<Literal>]
    let HandlerFailed = "handler_failed"

    /// An effect's work threw; the state is unchanged.
    [<Literal>]
    let EffectFailed = "effect_failed"

    /// The frame was binary; the protocol is text.
    [<Literal>]
    let BinaryFrame = "binary_frame"

    /// A message reached a page that has no handler for its type (logged, never sent).
    [<Literal>]
    let UnhandledMessage = "unhandled_message"
