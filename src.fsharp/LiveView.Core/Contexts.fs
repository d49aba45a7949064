namespace LiveView

open System
open System.Collections.Generic
open System.Globalization
open System.Security.Claims
open System.Threading

/// What a page's `init` (mount) receives: the request it is mounted for, and the host's clock, randomness,
/// culture and user, so that mounting stays a pure function of its input.
type MountContext =
    {
        /// Path and query of the page's URL (e.g. `/blog/hello?page=2`); empty when the host does not know it.
        Url: string
        /// The page's parameters: route values of its URL (`slug` of `/blog/{slug}`) or, when the page is reached by
        /// navigation over the socket, the `data-*` attributes of the link.
        Params: Map<string, string>
        /// The page's language, if known.
        Lang: string option
        /// The culture to render with.
        Culture: CultureInfo
        /// The signed-in user (an anonymous principal when nobody is signed in).
        User: ClaimsPrincipal
        /// The id of the page's connection (one browser tab): `Audience.Connection(id)` reaches it.
        Connection: string
        /// The random number generator of the mount's input: the connection's own, or a seeded one in tests.
        Random: Random
        /// The host's clock, read once for this mount.
        Now: DateTimeOffset
    }

/// What a fold receives besides its state (a handler, an effect's result, a mount handler): where it comes from,
/// the client action when it is one, and the host's clock, randomness, culture and user. Folds read
/// impure-but-cheap things only from here, so the same context always gives the same result.
type ActionContext =
    {
        /// What this fold is: a client action, an effect's result, a mount.
        Origin: Origin
        /// The client action being handled; null when the fold is not a client action's handler (an effect's
        /// result, a mount handler). `Data`, `Form` and `FormValues` read it safely.
        Action: ClientAction | null
        /// The culture of the fold (from the `lang` of the action behind it, or of the page).
        Culture: CultureInfo
        /// The signed-in user (an anonymous principal when nobody is signed in).
        User: ClaimsPrincipal
        /// The id of the page's connection (one browser tab): `Audience.Connection(id)` reaches it.
        Connection: string
        /// The random number generator of the fold's input: the connection's own (its folds draw from it in turn), or
        /// a seeded one in tests.
        Random: Random
        /// The host's clock, read once for this fold.
        Now: DateTimeOffset
    }

    /// The `data-*` attribute `key` of the element, or null (also when the fold is not a client action's).
    member x.Data(key: string) : string | null =
        match x.Action with
        | null -> null
        | action -> action.DataValue key

    /// The first value of the form field `name`, or null (also when the fold is not a client action's).
    member x.Form(name: string) : string | null =
        match x.Action with
        | null -> null
        | action -> action.FormValue name

    /// Every value of the form field `name` (empty when it was not sent, or the fold is not a client action's).
    member x.FormValues(name: string) : IReadOnlyList<string> =
        match x.Action with
        | null -> [||]
        | action -> action.FormValues name

/// What an effect's work receives: the services of its own DI scope and two tokens. Work that writes takes
/// `Cancellation`, so that it finishes even when the user leaves; work whose result only its page needs (a search, a
/// read) takes `Abandoned`, so that it stops as soon as nobody waits for it.
type EffectContext =
    {
        /// Services of a DI scope created for this effect alone (a DbContext from here is this effect's own).
        Services: IServiceProvider
        /// Cancelled only when the server stops and can wait no longer (its shutdown timeout has passed).
        Cancellation: CancellationToken
        /// Cancelled as soon as the effect's result is no longer wanted: its page is gone (the user navigated away or
        /// closed the tab), a newer effect of the same name replaced it, or the server stops.
        Abandoned: CancellationToken
    }

/// Contexts built from explicit values, for tests and for hosts.
[<RequireQualifiedAccess>]
module Context =

    let private anonymous = ClaimsPrincipal(ClaimsIdentity())

    /// The connection id of contexts made here.
    [<Literal>]
    let Connection = "local"

    /// A deterministic mount context: invariant culture, anonymous user, connection `local`, `Random(seed)`, the Unix
    /// epoch as `Now`.
    let mount (url: string) (seed: int) : MountContext =
        {
            Url = url
            Params = Map.empty
            Lang = None
            Culture = CultureInfo.InvariantCulture
            User = anonymous
            Connection = Connection
            Random = Random(seed)
            Now = DateTimeOffset.UnixEpoch
        }

    /// A deterministic context for a handler of `action`: invariant culture, anonymous user, connection `local`,
    /// `Random(seed)`, the Unix epoch as `Now`.
    let action (seed: int) (action: ClientAction) : ActionContext =
        {
            Origin = Origin.Client action.Name
            Action = action
            Culture = CultureInfo.InvariantCulture
            User = anonymous
            Connection = Connection
            Random = Random(seed)
            Now = DateTimeOffset.UnixEpoch
        }
