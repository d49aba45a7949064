namespace LiveView

open System
open System.Globalization

/// What the host reads for each input of the runtime: its clock, and the generator the input's folds draw random
/// numbers from (the host's one per connection; a test's seeded one). The runtime stays a function of its inputs:
/// a test replays it with the same clock and a generator seeded the same way.
[<Struct>]
type Env =
    {
        /// The host's clock when the input arrived.
        Now: DateTimeOffset
        /// The generator the input's folds get as `ctx.Random`.
        Random: Random
    }

/// What the runtime needs to know of the application: its pages, their URLs, titles and languages, and which pages
/// need authorization. The host implements it over its registry, routes, layouts and options.
type ISite =
    /// The page registered under `name`, or null.
    abstract FindPage: name: string -> Page<obj> | null

    /// The URL of `page` with the route `values`, or why there is none.
    abstract Url: page: string * values: Map<string, string> -> Result<string, string>

    /// The document title of `page` in `state`, whose own title (`Page.Title`) is `title`, as its layout renders it
    /// (decorations included). May throw: it runs the application's layout.
    abstract DocumentTitle: page: Page<obj> * state: obj * title: string * lang: string option -> string

    /// The culture folds run in for a client's `lang`.
    abstract Culture: lang: string option -> CultureInfo

    /// True when mounting `page` needs the host's authorization first (the runtime asks with `Authorize`).
    abstract IsGuarded: page: string -> bool

/// The host's answer to `Authorize`: may the connection's user mount the page?
[<RequireQualifiedAccess>]
type Verdict =
    /// Yes.
    | Allowed
    /// No: nobody is signed in (HTTP would challenge: the login page).
    | Challenged
    /// No: the signed-in user lacks what the page requires (HTTP would forbid: 403).
    | Forbidden
