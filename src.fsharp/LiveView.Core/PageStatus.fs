namespace LiveView

/// What a page's state says of what was asked for (`Page.notFoundWhen`, C# `.NotFoundWhen(...)`): there, or not
/// found. Over HTTP it is the status code of the page's first paint; over the socket the page's view shows it, as it
/// shows any state, so a navigation shows what a browser loading the URL would.
[<RequireQualifiedAccess>]
type PageStatus =
    /// What was asked for is there: 200 over HTTP.
    | Found
    /// What was asked for does not exist (an unknown slug, an unknown route): 404 over HTTP.
    | NotFound

    /// `NotFound` when `notFound`, else `Found`.
    static member When(notFound: bool) =
        if notFound then PageStatus.NotFound else PageStatus.Found

    /// The HTTP status code of a first paint in this status: 200 or 404.
    member x.HttpStatus =
        match x with
        | Found -> 200
        | NotFound -> 404
