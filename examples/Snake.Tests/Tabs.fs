/// The tabs of the tests: game pages and watch pages in one world (a `LiveTestHub`: the lobby, the games' topics,
/// the clock), in the example's layout (its keys are bound on `<body>`), as the app serves them.
module Snake.Tests.Tabs

open System
open Expecto
open Giraffe.ViewEngine
open LiveView
open LiveView.Testing
open Snake

/// The game page the app serves at `/`.
let game = GamePage.create Settings.standard

/// Presses `key` where nothing has the focus: on `<body>`, where the layout binds the game's keys.
let press (key: string) (tab: LiveTest) = tab.Press("body", key)

/// Moves the clock on by `n` ticks of the game.
let tick (n: int) (tab: LiveTest) =
    tab.Advance(TimeSpan.FromTicks(Settings.standard.Tick.Ticks * int64 n))

/// The game of a game page.
let gameOf (tab: LiveTest) = tab.StateAs<GamePage.State>().Game

/// The id of a game page's game.
let idOf (tab: LiveTest) = tab.StateAs<GamePage.State>().Id

/// Where the board shows the snake's head: the `x` and `y` of its square.
let headShown (tab: LiveTest) =
    let at (name: string) =
        int (nonNull (tab.Attribute($"{Board.Selector} .head", name)))

    { X = at "x"; Y = at "y" }

/// True while the page listens to the game's timer.
let ticking (tab: LiveTest) =
    tab.Subscriptions
    |> Seq.exists (function
        | Subscription.Timer _ -> true
        | _ -> false)

/// The games present in the lobby, by id.
let lobbyOf (hub: LiveTestHub) =
    [ for presence in hub.Present Topics.Games -> presence.Key ]

/// True when `actual` holds the items of `expected`, in any order.
let sameItems (actual: 'T seq) (expected: 'T list) message =
    Expect.equal (List.length (List.ofSeq actual)) expected.Length message
    Expect.containsAll actual expected message

/// How many patches the frames since the `since`-th one brought.
let patchesSince (since: int) (tab: LiveTest) =
    tab.Frames |> Seq.skip since |> Seq.sumBy _.Patches.Count

/// One world of tabs. Each tab draws with a seed of its own, as browsers' games draw ids of their own.
[<Sealed>]
type World() =
    let hub = LiveTestHub()
    let mutable seeds = 0

    let options (url: string) (route: string) =
        seeds <- seeds + 1

        LiveTestOptions(
            Url = url,
            Route = route,
            Hub = hub,
            Seed = seeds,
            Layout = Func<LayoutContext, XmlNode> Snake.Layout.page
        )
            .AddPage("/", game)

    /// The world's hub: the lobby, the games' topics, the clock.
    member _.Hub = hub

    /// A tab that opens the game page: a new game starts.
    member _.Play() = LiveTest.Mount(game, options "/" "/")

    /// A tab that opens `/watch/{id}`.
    member _.Watch(id: string) =
        LiveTest.Mount(WatchPage.page, options $"/watch/{id}" "/watch/{game}")

/// A world where a game is played and watched: the world, the player's tab and the watcher's.
let watchedGame () =
    let world = World()
    let player = world.Play()
    world, player, world.Watch(idOf player)
