namespace LiveView

/// Mounting a page for its first paint over HTTP (the request already passed the endpoint's authorization).
type MountRequest =
    {
        /// The page's name.
        Page: string
        /// Path and query of the request.
        Url: string
        /// The route values.
        Params: Map<string, string>
        /// The request's language.
        Lang: string option
    }

/// What the runtime steps over: everything that can change a connection's live page.
[<RequireQualifiedAccess>]
type Input =
    /// A client action (`send_page` and `mount` navigate; other handlers fold into the live page).
    | Action of Action: ClientAction * Env: Env
    /// A reconnecting client's `mount` that carried a snapshot of its page's state, with what the host made of it: the
    /// page resumes from the state (its resume handler, not init and the mount handler), or mounts afresh. Either way
    /// the mount is answered: with nothing when the view the client shows (`Action.View`) is the page's, else with the
    /// view whole and the title.
    | Resume of Action: ClientAction * Snapshot: Snapshot * Env: Env
    /// Mount a page for its first paint over HTTP.
    | Mount of Request: MountRequest * Env: Env
    /// The host's answer to `Output.Authorize` for navigation `Navigation`.
    | Authorized of Navigation: int64 * Verdict: Verdict * Env: Env
    /// A message that came through subscription `Via` of the page instance `Owner`, or (`Owner` 0, `Via` none) one
    /// sent to the connection, its user or everyone, for whichever page is live. `Origin` is a `Message` or a `Timer`.
    | Message of Owner: int64 * Via: Subscription voption * Origin: Origin * Message: obj * Env: Env
    /// The work of effect `Effect` reported a partial result; `Fold` applies it. The effect goes on.
    | EffectItem of Effect: int64 * Fold: (obj -> ActionContext -> Reply<obj>) * Env: Env
    /// The work of effect `Effect` ended; `Fold` applies its result.
    | EffectDone of Effect: int64 * Fold: (obj -> ActionContext -> Reply<obj>) * Env: Env
    /// The work of effect `Effect` threw (or was cancelled).
    | EffectFailed of Effect: int64 * Error: exn
    /// The host did not run effect `Effect` (a test harness); it ends without a result.
    | EffectSkipped of Effect: int64
