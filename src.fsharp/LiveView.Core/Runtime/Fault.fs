namespace LiveView

/// What went wrong while the runtime stepped: the host sends it as an error frame and logs it.
[<RequireQualifiedAccess>]
type Fault =
    /// No page of that name is registered.
    | UnknownPage of Page: string
    /// The page has no URL for the values given (not mapped, a value missing or unusable).
    | NoRoute of Page: string * Problem: string
    /// The user may not mount the page; `Redirect` is its URL, where the HTTP pipeline decides (login page, 403),
    /// or empty when the page's URL is not known (the browser reloads where it is).
    | Refused of Page: string * Verdict: Verdict * Redirect: string
    /// A fold failed or asked for a handler the page does not have.
    | Page of Error: PageError
    /// The work of an effect threw (`Origin` is the effect's).
    | Effect of Origin: Origin * Error: exn
    /// A message reached page `Page`, which has no handler for its type (logged only).
    | Unhandled of Page: string * Origin: Origin

    /// The error code of the frame (see `ErrorCode`).
    member x.Code =
        match x with
        | UnknownPage _ -> ErrorCode.UnknownPage
        | NoRoute _ -> ErrorCode.NoRoute
        | Refused _ -> ErrorCode.Unauthorized
        | Page(UnknownHandler _) -> ErrorCode.UnknownHandler
        | Page(HandlerFailed _) -> ErrorCode.HandlerFailed
        | Effect _ -> ErrorCode.EffectFailed
        | Unhandled _ -> ErrorCode.UnhandledMessage

    /// A sentence for the client and the log: never an exception's text, never the list of pages or handlers.
    member x.Message =
        match x with
        | UnknownPage page -> $"There is no page named '{page}'."
        | NoRoute(page, problem) -> $"Page '{page}' cannot be opened: {problem}."
        | Refused(page, Verdict.Challenged, _) -> $"Sign in to open page '{page}'."
        | Refused(page, _, _) -> $"You are not allowed to open page '{page}'."
        | Page error -> error.Message
        | Effect(Origin.Effect(name, startedBy), _) ->
            $"Effect '{name}' of {startedBy} failed; the page's state is unchanged."
        | Effect(origin, _) -> $"{origin} failed; the page's state is unchanged."
        | Unhandled(page, origin) -> $"Page '{page}' has no handler for the {origin}; it was dropped."

    /// The exception behind the fault, for the log (null when there is none: a client's mistake).
    member x.Exception: exn | null =
        match x with
        | Page(HandlerFailed(_, error))
        | Effect(_, error) -> error
        | _ -> null

    /// The sentence for the client: `Message`, followed in development by the exception behind the fault (its type and
    /// message), so the error toast says what failed where; never in production, where an exception's text may tell
    /// what a user must not know.
    member x.MessageFor(development: bool) =
        match x.Exception with
        | null -> x.Message
        | _ when not development -> x.Message
        | error -> $"{x.Message} {error.GetType().FullName}: {error.Message}"
