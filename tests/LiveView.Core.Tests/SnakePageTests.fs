// The Snake example's pages (examples/Snake) stepped by the runtime the host uses: what they listen to in each state,
// what a tick sends, and what a watcher shows. What a page shows is read where the browser sees it: the first paint
// with every frame sent since applied to it, as our client applies them.
module LiveView.Core.Tests.SnakePageTests

open System
open System.Collections.Generic
open System.Globalization
open System.Security.Claims
open Expecto
open LiveView
open LiveView.Core.Tests.Support
open LiveView.Views.Testing
open Snake

let private game = GamePage.create Settings.standard

let private site =
    let pages =
        Map.ofList [ GamePage.Name, Page.erase game; WatchPage.Name, Page.erase WatchPage.page ]

    { new ISite with
        member _.FindPage name =
            match Map.tryFind name pages with
            | Some page -> page
            | None -> null

        member _.Url(_, _) = Ok ""
        member _.DocumentTitle(_, _, title, _) = title
        member _.Culture _ = CultureInfo.InvariantCulture
        member _.IsGuarded _ = false
    }

/// A connection of the runtime with one page on it, and everything it asked the host to do so far.
type private Tab =
    {
        Runtime: Runtime
        Outputs: Output list
        Steps: int
        /// The page's first paint.
        Painted: ViewNode list
    }

    member x.Live = nonNull x.Runtime.Instance
    member x.State<'S>() = unbox<'S> x.Live.State

    /// What the page listens to now: what the runtime started and has not stopped.
    member x.Subscriptions =
        x.Outputs
        |> List.fold
            (fun live output ->
                match output with
                | Output.Subscribe(_, s) -> live @ [ s ]
                | Output.Unsubscribe(_, s) -> List.filter ((<>) s) live
                | Output.Retrack(_, before, after) -> List.map (fun s -> if s = before then after else s) live
                | _ -> live)
            []

let private step input (tab: Tab) =
    let runtime, outputs =
        Runtime.step
            site
            (input
                {
                    Now = DateTimeOffset.UnixEpoch
                    Random = Random tab.Steps
                })
            tab.Runtime

    { tab with
        Runtime = runtime
        Outputs = tab.Outputs @ outputs
        Steps = tab.Steps + 1
    }

let private mount page (parameters: (string * string) list) =
    let request =
        {
            Page = page
            Url = ""
            Params = Map.ofList parameters
            Lang = None
        }

    let tab =
        {
            Runtime = Runtime.start "local" (ClaimsPrincipal(ClaimsIdentity())) 4
            Outputs = []
            Steps = 0
            Painted = []
        }
        |> step (fun env -> Input.Mount(request, env))

    { tab with Painted = tab.Live.View }

/// The live page's subscription that brings `message`: the timer whose message it is, the presence of its topic, or
/// the topic of a game's moves.
let private via (message: obj) (tab: Tab) =
    tab.Subscriptions
    |> List.tryFind (fun subscription ->
        match subscription, message with
        | Subscription.Timer(_, _, _, ticks), _ -> ticks = message
        | Subscription.OnPresence topic, (:? PresenceChanged as changed) -> topic = changed.Topic
        | Subscription.OnTopic _, (:? SnakeMessage as moved) -> moved.IsMoved
        | _ -> false)

/// A message for the live page, through the subscription that brings it; one that none brings (a tick after the
/// timer stopped) comes as if sent to the tab's connection, which the page must take calmly too.
let private deliver (message: obj) (tab: Tab) =
    let owner = tab.Live.Id

    let input env =
        match via message tab with
        | Some(Subscription.Timer(name, _, _, _) as timer) ->
            Input.Message(owner, ValueSome timer, Origin.Timer name, message, env)
        | Some subscription ->
            Input.Message(owner, ValueSome subscription, Origin.Message(message.GetType().Name, "test"), message, env)
        | None -> Input.Message(owner, ValueNone, Origin.Message(message.GetType().Name, "test"), message, env)

    step input tab

let private send handler (tab: Tab) =
    let page = tab.Live.Page.Name
    tab |> step (fun env -> Input.Action(actionFor page handler, env))

/// The outputs of the last input only.
let private latest (before: Tab) (after: Tab) =
    List.skip before.Outputs.Length after.Outputs

/// The patches of the frames among `outputs`: answers to actions and pushes alike.
let private sent outputs =
    outputs
    |> List.collect (function
        | Output.Frames(_, patches, _)
        | Output.Push patches -> patches
        | _ -> [])

/// What the browser shows of the page: its first paint, with the frames sent since applied as our client applies them
/// (view changes, and hand-written patches). It is what the runtime says the client shows, too.
let private shows (tab: Tab) =
    let shown =
        (tab.Painted, sent tab.Outputs)
        ||> List.fold (fun nodes patch ->
            match patch with
            | Changes update -> DomModel.applyAll nodes update.Changes
            | patch -> ViewPatch.follow nodes patch |> ValueOption.defaultValue nodes)

    Expect.equal
        (DomModel.canonical shown)
        (DomModel.canonical (tab.Live.Shown |> ValueOption.defaultValue []))
        "the frames sent bring the browser to what the runtime says it shows"

    shown

/// The element of `tab`'s page whose id is `id`, as the browser shows it.
let private element (id: string) (tab: Tab) =
    let rec find (nodes: ViewNode list) =
        nodes
        |> List.tryPick (function
            | ViewNode.Element(_, attributes, _) as node when List.contains ("id", id) attributes -> Some node
            | ViewNode.Element(_, _, ViewContent.Children children) -> find children
            | _ -> None)

    match find (shows tab) with
    | Some(ViewNode.Element(_, _, content)) -> content
    | _ -> failtestf "the page shows no #%s" id

/// Where the board of `tab`'s page shows the snake's head: the `x` and `y` of its square.
let private head (tab: Tab) =
    let rec find (nodes: ViewNode list) =
        nodes
        |> List.tryPick (function
            | ViewNode.Element("rect", attributes, _) when List.contains ("class", "head") attributes ->
                Some(List.tryFind (fst >> (=) "x") attributes, List.tryFind (fst >> (=) "y") attributes)
            | ViewNode.Element(_, _, ViewContent.Children children) -> find children
            | _ -> None)

    match element "board" tab with
    | ViewContent.Children nodes ->
        match find nodes with
        | Some(Some(_, x), Some(_, y)) -> { X = int x; Y = int y }
        | _ -> failtest "the board shows no head"
    | _ -> failtest "the board is not a tree"

/// The HTML of `#id` in `tab`'s page, as the browser shows it.
let private htmlOf id tab = ViewHtml.ofContent (element id tab)

/// The text of `#id` in `tab`'s page, as the browser shows it.
let private textOf id tab =
    let rec text (content: ViewContent) =
        match content with
        | ViewContent.Children nodes ->
            nodes
            |> List.map (function
                | ViewNode.Text text -> text
                | ViewNode.Element(_, _, content) -> text content)
            |> String.concat ""
        | ViewContent.Markup markup -> markup
        | ViewContent.Ignored content -> text content

    text (element id tab)

/// The broadcasts among `outputs`.
let private broadcasts outputs =
    outputs
    |> List.choose (function
        | Output.Broadcast broadcast -> Some broadcast
        | _ -> None)

/// True when `actual` holds the items of `expected`, in any order.
let private sameItems (actual: 'T list) (expected: 'T list) message =
    Expect.equal actual.Length expected.Length message
    Expect.containsAll actual expected message

let private isTimer =
    function
    | Subscription.Timer _ -> true
    | _ -> false

let private isTracking =
    function
    | Subscription.Tracking _ -> true
    | _ -> false

let private noMeta: IReadOnlyDictionary<string, string> = readOnlyDict []

/// A presence change of `topic`: `present` are there now, of whom `joined` just came.
let private presenceIn topic (present: (string * IReadOnlyDictionary<string, string>) list) joined =
    {
        Topic = topic
        Present = [ for key, meta in present -> { Key = key; Meta = meta } ]
        Joined = [ for key in joined -> { Key = key; Meta = noMeta } ]
        Left = []
        Updated = []
    }

/// The lobby, with these games.
let private lobby games = presenceIn Topics.Games games []

/// Who is in the topic of game `id`.
let private inGame id keys =
    presenceIn (Topics.game id) [ for key in keys -> key, noMeta ] []

[<Tests>]
let tests =
    testList
        "Snake pages"
        [
            testCase "a running game ticks, is present in the lobby and in its topic, and follows both"
            <| fun () ->
                let tab = mount GamePage.Name []
                let state = tab.State<GamePage.State>()

                sameItems
                    tab.Subscriptions
                    [
                        Subscription.Presence Topics.Games
                        Subscription.Track(Topics.Games, state.Id, Lobby.meta 0 false)
                        Subscription.Track(Topics.game state.Id, Topics.Player)
                        Subscription.Presence(Topics.game state.Id)
                        Subscription.Every("tick", Settings.standard.Tick, Tick)
                    ]
                    "the lobby, its presence in it, its game's topic, and the timer"

            testCase "a tick moves the snake, shows the board and sends it to the game's watchers"
            <| fun () ->
                let before = mount GamePage.Name []
                let after = deliver Tick before
                let state = after.State<GamePage.State>()
                Expect.equal (Game.head state.Game) { X = 11; Y = 10 } "one step right"

                Expect.isNonEmpty (sent (latest before after)) "a frame is sent"

                Expect.equal (head after) { X = 11; Y = 10 } "the board shows the head where it went"

                Expect.contains
                    (broadcasts (latest before after))
                    ({
                        To = Audience.Topic(Topics.game state.Id)
                        Message = Moved state.Game
                    })
                    "the watchers get the board"

            testCase "arrow keys queue turns the ticks take; a reversal is ignored"
            <| fun () ->
                let tab = mount GamePage.Name [] |> send "left" |> send "down" |> send "left"

                Expect.equal
                    (tab.State<GamePage.State>().Game.Turns)
                    [ Down; Left ]
                    "left reverses right; down, left count"

                let moved = tab |> deliver Tick |> deliver Tick
                Expect.equal (Game.head (moved.State<GamePage.State>().Game)) { X = 9; Y = 11 } "down, then left"

            testCase "a paused game has no timer and says so in the lobby; a tick that arrives anyway changes nothing"
            <| fun () ->
                let mounted = mount GamePage.Name []
                let paused = mounted |> send "pause"
                let state = paused.State<GamePage.State>()
                Expect.isFalse (List.exists isTimer paused.Subscriptions) "no timer"

                let lobbyChanges =
                    latest mounted paused
                    |> List.filter (function
                        | Output.Subscribe(_, s)
                        | Output.Unsubscribe(_, s) -> isTracking s
                        | Output.Retrack _ -> true
                        | _ -> false)

                match lobbyChanges with
                | [ Output.Retrack(_, before, after) ] ->
                    Expect.equal
                        (before, after)
                        (Subscription.Track(Topics.Games, state.Id, Lobby.meta 0 false),
                         Subscription.Track(Topics.Games, state.Id, Lobby.meta 0 true))
                        "the lobby entry is updated in place"
                | other -> failtestf "expected one update of the lobby entry (not a leave and a join), got %A" other

                Expect.contains
                    paused.Subscriptions
                    (Subscription.Track(Topics.Games, state.Id, Lobby.meta 0 true))
                    "paused"

                let ticked = deliver Tick paused
                Expect.equal (ticked.State<GamePage.State>()) state "no step"
                Expect.isEmpty (sent (latest paused ticked)) "nothing sent"
                let resumed = send "pause" ticked
                Expect.isTrue (List.exists isTimer resumed.Subscriptions) "the timer again"

            testCase "a game that is over has no timer and leaves the lobby; a new game brings both back"
            <| fun () ->
                let over =
                    List.fold (fun tab _ -> deliver Tick tab) (mount GamePage.Name []) [ 1..10 ]

                let state = over.State<GamePage.State>()
                Expect.equal state.Game.Status (Over HitWall) "the wall"

                sameItems
                    over.Subscriptions
                    [
                        Subscription.Presence Topics.Games
                        Subscription.Track(Topics.game state.Id, Topics.Player)
                        Subscription.Presence(Topics.game state.Id)
                    ]
                    "the lobby, and its game's topic, where its watchers see it is still there"

                Expect.stringContains (textOf "status" over) "Game over" "it says so"

                Expect.contains
                    (broadcasts over.Outputs)
                    ({
                        To = Audience.Topic(Topics.game state.Id)
                        Message = Moved state.Game
                    })
                    "the watchers see the end"

                let again = send "restart" over
                Expect.isTrue (Game.isPlaying (again.State<GamePage.State>().Game)) "a new game"
                Expect.equal (again.State<GamePage.State>().Id) state.Id "with the same id: its watchers follow"
                Expect.isTrue (List.exists isTimer again.Subscriptions) "the timer"
                Expect.isTrue (List.exists isTracking again.Subscriptions) "in the lobby"

            testCase "the lobby lists the running games with their scores and links to watch them"
            <| fun () ->
                let tab = mount GamePage.Name []
                let mine = tab.State<GamePage.State>().Id

                let listed =
                    deliver (lobby [ mine, Lobby.meta 0 false; "abcdefgh", Lobby.meta 7 true ]) tab

                Expect.isNonEmpty (sent (latest tab listed)) "a frame is sent"
                let html = htmlOf "lobby" listed
                Expect.stringContains html $"""<a href="/watch/{mine}" target="_blank">{mine}</a> (you) """ "mine"
                Expect.stringContains html """<a href="/watch/abcdefgh" target="_blank">abcdefgh</a> """ "another"
                Expect.stringContains html "7 points" "its score"
                Expect.isLessThan (html.IndexOf "abcdefgh") (html.IndexOf mine) "the best score first"

            testCase "a new watcher gets the board at once, and the player sees how many watch"
            <| fun () ->
                let paused = mount GamePage.Name [] |> send "pause"
                let state = paused.State<GamePage.State>()

                let watched =
                    deliver
                        (presenceIn
                            (Topics.game state.Id)
                            [ Topics.Player, noMeta; Topics.Watcher, noMeta; Topics.Watcher, noMeta ]
                            [ Topics.Watcher ])
                        paused

                Expect.isNonEmpty (sent (latest paused watched)) "a frame is sent"
                Expect.equal (textOf "watchers" watched) "2 people are watching." "two"

                Expect.equal
                    (broadcasts (latest paused watched))
                    [
                        {
                            To = Audience.Topic(Topics.game state.Id)
                            Message = Moved state.Game
                        }
                    ]
                    "the board, though the paused game does not move"

                let left = deliver (inGame state.Id [ Topics.Player ]) watched
                Expect.equal (textOf "watchers" left) "Nobody is watching." "none"
                Expect.isEmpty (broadcasts (latest watched left)) "nobody new to tell"

            testCase "a watcher shows the boards it gets, then the end of the game"
            <| fun () ->
                let watcher = mount WatchPage.Name [ "game", "abcdefgh" ]

                sameItems
                    watcher.Subscriptions
                    [
                        Subscription.Presence Topics.Games
                        Subscription.Topic(Topics.game "abcdefgh")
                        Subscription.Presence(Topics.game "abcdefgh")
                        Subscription.Track(Topics.game "abcdefgh", Topics.Watcher)
                    ]
                    "the lobby, the game's moves, and who is in the game's topic, where it is present"

                let board = Game.start 20 20 (Random 1)

                let live =
                    watcher
                    |> deliver (inGame "abcdefgh" [ Topics.Player; Topics.Watcher ])
                    |> deliver (Moved board)

                Expect.equal (textOf "status" live) "Live." "live"
                let paused = deliver (lobby [ "abcdefgh", Lobby.meta 0 true ]) live
                Expect.equal (textOf "status" paused) "Paused." "paused"

                Expect.equal (head live) { X = 10; Y = 10 } "the board"

                let over = deliver (Moved { board with Status = Over HitWall }) live

                Expect.equal (textOf "status" over) "Game over." "over"
                Expect.stringContains (htmlOf "board" over) "board over" "shown over"

            testCase "a watcher sees the player leave, and says so for a game nobody plays"
            <| fun () ->
                let watcher = mount WatchPage.Name [ "game", "abcdefgh" ]
                let board = Game.start 20 20 (Random 1)

                let left =
                    watcher
                    |> deliver (inGame "abcdefgh" [ Topics.Player; Topics.Watcher ])
                    |> deliver (Moved board)
                    |> deliver (inGame "abcdefgh" [ Topics.Watcher ])

                Expect.equal (textOf "status" left) "The player has left." "gone"

                let never = watcher |> deliver (inGame "abcdefgh" [ Topics.Watcher ])

                Expect.stringContains (textOf "status" never) "No game with this id is being played" "not there"

            testCase "a watch URL that names no game says so and follows no topic"
            <| fun () ->
                let watcher = mount WatchPage.Name [ "game", "<script>" ]
                Expect.equal watcher.Subscriptions [ Subscription.Presence Topics.Games ] "the lobby only"
                let html = render (watcher.Live.Page.View watcher.Live.State)
                Expect.stringContains html "This address names no game" "a clear answer"
                Expect.isFalse (html.Contains "<script>") "the id is not echoed"

            testCase "each of the game's keys goes to a handler of the game page"
            <| fun () ->
                for token in GamePage.keys.Split ' ' do
                    match token.Split([| "->"; "#"; ":" |], StringSplitOptions.None) with
                    | [| key; page; handler; "prevent" |] ->
                        Expect.stringStarts key "keydown." $"'{token}' is a key"
                        Expect.equal page GamePage.Name $"'{token}' goes to the game page"
                        Expect.isTrue (game.Handlers.ContainsKey handler) $"'{token}' has a handler"
                    | _ -> failtest $"'{token}' is not keydown.key->page#handler:prevent"
        ]
