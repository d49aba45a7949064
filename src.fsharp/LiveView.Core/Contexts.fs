namespace LiveView

open System
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
        /// A random number generator seeded by the host.
        Random: Random
        /// The host's clock, read once for this mount.
        Now: DateTimeOffset
    }

/// What a handler receives besides its state: the client action and the host's clock, randomness, culture and
/// user. Handlers read impure-but-cheap things only from here, so the same context always gives the same result.
type ActionContext =
    {
        /// The action being handled.
        Action: ClientAction
        /// The culture of the action (from its `lang`).
        Culture: CultureInfo
        /// The signed-in user (an anonymous principal when nobody is signed in).
        User: ClaimsPrincipal
        /// A random number generator seeded by the host for this action.
        Random: Random
        /// The host's clock, read once for this action.
        Now: DateTimeOffset
    }

    /// The `data-*` attribute `key` of the element, or null.
    member x.Data(key: string) = x.Action.DataValue key

    /// The first value of the form field `name`, or null.
    member x.Form(name: string) = x.Action.FormValue name

/// What an effect's work receives: the services of its own DI scope and a token cancelled when the page goes away.
type EffectContext =
    {
        /// Services of a DI scope created for this effect alone (a DbContext from here is this effect's own).
        Services: IServiceProvider
        /// Cancelled when the connection closes.
        Cancellation: CancellationToken
    }

/// Contexts built from explicit values, for tests and for hosts.
[<RequireQualifiedAccess>]
module Context =

    let private anonymous = ClaimsPrincipal(ClaimsIdentity())

    /// A deterministic mount context: invariant culture, anonymous user, `Random(seed)`, the Unix epoch as `Now`.
    let mount (url: string) (seed: int) : MountContext =
        {
            Url = url
            Params = Map.empty
            Lang = None
            Culture = CultureInfo.InvariantCulture
            User = anonymous
            Random = Random(seed)
            Now = DateTimeOffset.UnixEpoch
        }

    /// A deterministic action context: invariant culture, anonymous user, `Random(seed)`, the Unix epoch as `Now`.
    let action (seed: int) (action: ClientAction) : ActionContext =
        {
            Action = action
            Culture = CultureInfo.InvariantCulture
            User = anonymous
            Random = Random(seed)
            Now = DateTimeOffset.UnixEpoch
        }
