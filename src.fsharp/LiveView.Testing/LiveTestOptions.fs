namespace LiveView.Testing

open System
open System.Globalization
open System.Security.Claims
open System.Threading
open Giraffe.ViewEngine
open Microsoft.Extensions.DependencyInjection
open LiveView

/// What a test may do with the effects its pages start.
type EffectMode =
    /// Every effect runs to its end after each step of the test, as if the server were quick (the default).
    | RunAll = 0
    /// Effects wait until the test runs them (`RunEffects`, `RunEffect`): to see a page while it loads.
    | Hold = 1

/// How a test mounts its page, as the host would: the URL and route, the user, the language, the services effects
/// get, the clock and the seed of `ctx.Random`; other pages the page may navigate to; who may mount which page.
/// Settable properties, for C# (`new LiveTestOptions { Url = "/rooms/lobby", Route = "/rooms/{room}" }`) and F#
/// (`LiveTestOptions(Url = "/rooms/lobby", Route = "/rooms/{room}")`).
[<Sealed>]
type LiveTestOptions() =
    let pages = ResizeArray<string * Page<obj>>()
    let guards = ResizeArray<string * Func<ClaimsPrincipal, Verdict>>()

    /// The URL the page is opened at (path and query). Default `/`.
    member val Url = "/" with get, set

    /// The page's route template (ASP.NET Core's: `/rooms/{room}`); its values come from `Url`. Default: `Url`'s path.
    member val Route: string | null = null with get, set

    /// The signed-in user. Default: nobody (an anonymous principal).
    member val User = ClaimsPrincipal(ClaimsIdentity()) with get, set

    /// The culture folds and views run in, and the language the page is in (`html[lang]`). Default: invariant.
    member val Culture = CultureInfo.InvariantCulture with get, set

    /// The services effects get (a scope of their own when the provider makes scopes): the app's own, or fakes.
    /// Default: none.
    member val Services: IServiceProvider = EmptyServices.Instance with get, set

    /// The clock at the start; it moves only when the test says (`Advance`). Default: the Unix epoch.
    member val Now = DateTimeOffset.UnixEpoch with get, set

    /// The seed of the generator folds get as `ctx.Random`. Default 0.
    member val Seed = 0 with get, set

    /// When effects run. Default: after each step, to their end.
    member val Effects = EffectMode.RunAll with get, set

    /// How long an effect may run when the test runs it (at the first paint or later) before the step fails.
    /// Default 30 s.
    member val EffectTimeout = TimeSpan.FromSeconds 30.0 with get, set

    /// True (the default): an error frame (a handler that throws, an unknown handler, a failed effect) fails the
    /// step that caused it. False: the test reads them (`Errors`) and goes on.
    member val FailOnError = true with get, set

    /// The world the page shares with other tests' pages (topics, presence, the clock); default: its own.
    member val Hub: LiveTestHub = null with get, set

    /// The layout of the first paint (the app's own); default: the host's for a page mapped without one
    /// (`Layout.standard`).
    member val Layout: Func<LayoutContext, XmlNode> | null = null with get, set

    /// The pages a navigation may reach, by route.
    member internal _.Pages = pages

    /// The pages that need authorization, and who may mount them.
    member internal _.Guards = guards

    /// Adds a page a navigation may reach (`page#changePage`, `Patch.navigate`) at `route`.
    member this.AddPage(route: string, page: Page<'S>) : LiveTestOptions =
        pages.Add(route, Page.erase page)
        this

    /// Makes mounting the page `page` (by name) need `allows user` to say yes, as an authorization policy would.
    member this.Guard(page: string, allows: Func<ClaimsPrincipal, Verdict>) : LiveTestOptions =
        guards.Add(page, allows)
        this

    /// Runs an effect's `work` as the host's effect runner does: in a DI scope of its own when `Services` makes
    /// scopes (else on `Services`), disposed when the work is done; `abandoned` tells it nobody waits any more.
    member internal this.InScope(abandoned: CancellationToken, work: EffectContext -> 'T) : 'T =
        let scope =
            match this.Services.GetService typeof<IServiceScopeFactory> with
            | :? IServiceScopeFactory as scopes -> Some(scopes.CreateScope())
            | _ -> None

        try
            work
                {
                    Services =
                        match scope with
                        | None -> this.Services
                        | Some scope -> scope.ServiceProvider
                    Cancellation = CancellationToken.None
                    Abandoned = abandoned
                }
        finally
            scope |> Option.iter _.Dispose()

/// A service provider with no service.
and [<Sealed>] internal EmptyServices private () =
    static member val Instance = EmptyServices()

    interface IServiceProvider with
        member _.GetService _ = null
