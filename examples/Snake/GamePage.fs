/// The game page: each tab plays its own game. A timer moves the snake while the game runs, the arrow keys (or WASD)
/// steer it, and every step is sent to the game's watchers; the lobby beside the board lists the running games.
module Snake.GamePage

open Giraffe.ViewEngine
open LiveView

/// One tab's game.
type State =
    {
        /// The game's id, drawn at mount: its topic and its watch page's URL.
        Id: string
        /// The game.
        Game: Game
        /// True while the player has paused it.
        Paused: bool
        /// The running games (the lobby), as last heard; none until the first presence list arrives.
        Lobby: Lobby.Entry list option
        /// How many watch pages follow the game.
        Watchers: int
    }

/// The page's name, the `snake` of `snake->up`.
[<Literal>]
let Name = "snake"

/// True while the snake moves (the game is not over and not paused).
let isRunning (state: State) =
    Game.isPlaying state.Game && not state.Paused

/// The reply that moves from `before` to `after`: the new state (the view shows it), and the board for the watchers
/// when it changed.
let private change (before: State) (after: State) =
    let reply = Reply.state after

    if after.Game <> before.Game then
        reply
        |> Reply.broadcast (Audience.Topic(Topics.game after.Id)) (Moved after.Game)
    else
        reply

let private turn name direction =
    Handler.named name (fun (state: State) _ ->
        if state.Paused then
            Reply.state state
        else
            Reply.state
                { state with
                    Game = Game.turn direction state.Game
                })

/// `snake->up`, `snake->down`, `snake->left`, `snake->right`: the next turn of the snake (queued for the ticks).
let up = turn "up" Up

let down = turn "down" Down

let left = turn "left" Left

let right = turn "right" Right

/// `snake->pause`: pauses a running game, or goes on with a paused one.
let pause =
    Handler.named "pause" (fun state _ ->
        if Game.isPlaying state.Game then
            change state { state with Paused = not state.Paused }
        else
            Reply.state state)

/// `snake->restart`: a new game on a board of the same size, under the same id (its watchers follow).
let restart =
    Handler.named "restart" (fun state ctx ->
        change
            state
            { state with
                Game = Game.start state.Game.Width state.Game.Height ctx.Random
                Paused = false
            })

/// The keys of the game, as the client's `data-action` descriptors: arrows and WASD steer, Space and P pause,
/// N starts a new game. The layout puts them on `<body>` so that they work wherever the focus is (Enter is left
/// alone: it still follows a focused link).
let keys =
    String.concat
        " "
        [
            for key, handler in
                [
                    "ArrowUp", up
                    "ArrowDown", down
                    "ArrowLeft", left
                    "ArrowRight", right
                    "w", up
                    "s", down
                    "a", left
                    "d", right
                    "space", pause
                    "p", pause
                    "n", restart
                ] ->
                // :prevent keeps the arrows and Space from scrolling, and Space from clicking a focused button.
                $"keydown.{key}->{Name}#{handler.Name}:prevent"
        ]

let private statusText (state: State) =
    match state.Game.Status with
    | Over HitWall -> "Game over: the snake hit the wall. N or New game to play again."
    | Over HitSelf -> "Game over: the snake bit itself. N or New game to play again."
    | Over Won -> "You win: the snake fills the board!"
    | Playing when state.Paused -> "Paused: Space to go on."
    | Playing -> "Arrow keys or WASD steer, Space pauses."

let private watchersText (state: State) =
    match state.Watchers with
    | 0 -> "Nobody is watching."
    | 1 -> "1 person is watching."
    | n -> $"{n} people are watching."

/// The page for `state`: after every action, tick and presence change the runtime renders it and sends what changed
/// (the board's shapes, the score, the status, the watchers, the lobby).
let private view (state: State) =
    section
        [ _class "snake" ]
        [
            Board.frame (Board.view state.Game)
            aside
                []
                [
                    h1 [] [ str "Snake" ]
                    p [ _class "score" ] [ str "Score "; output [ _id "score" ] [ str (string state.Game.Score) ] ]
                    p [ _id "status"; attr "role" "status" ] [ str (statusText state) ]
                    button [ _id "restart"; _class "button"; Live.on "click" restart ] [ str "New game" ]
                    p [ _id "watchers"; _class "muted" ] [ str (watchersText state) ]
                    h2 [] [ str "Running games" ]
                    div [ _id (Lobby.Selector.TrimStart '#') ] [ Lobby.view (Some state.Id) None state.Lobby ]
                ]
        ]

let private onMessage (message: SnakeMessage) (state: State) (ctx: ActionContext) =
    match message with
    // A tick queued before a pause or the end arrives after it: only a running game steps.
    | Tick when isRunning state ->
        change
            state
            { state with
                Game = Game.step ctx.Random state.Game
            }
    | Tick
    | Moved _ -> Reply.state state

/// The lobby changed, or who follows the game: a new watcher gets the board at once (a paused game sends no moves).
let private onPresence (changed: PresenceChanged) (state: State) (_: ActionContext) =
    if changed.Topic = Topics.Games then
        Reply.state
            { state with
                Lobby = Some(Lobby.entries changed.Present)
            }
    else
        let count (presences: Presence seq) =
            presences |> Seq.filter (fun p -> p.Key = Topics.Watcher) |> Seq.length

        let reply =
            Reply.state
                { state with
                    Watchers = count changed.Present
                }

        if count changed.Joined > 0 then
            reply
            |> Reply.broadcast (Audience.Topic(Topics.game state.Id)) (Moved state.Game)
        else
            reply

/// What the page listens to: the lobby, and who is in its game's topic, where it is present as the player; while
/// the game is not over it is present in the lobby, with its score; while it runs, the timer.
let subscriptions (settings: Settings) (state: State) =
    [
        Subscription.Presence Topics.Games
        Subscription.Track(Topics.game state.Id, Topics.Player)
        Subscription.Presence(Topics.game state.Id)
        if Game.isPlaying state.Game then
            Subscription.Track(Topics.Games, state.Id, Lobby.meta state.Game.Score state.Paused)
        if isRunning state then
            Subscription.Every("tick", settings.Tick, Tick)
    ]

/// The game page with `settings` (`Settings.standard`: a 20 × 20 board, 10 steps a second).
let create (settings: Settings) : Page<State> =
    let settings = Settings.check settings

    let init (ctx: MountContext) =
        {
            Id = GameId.draw ctx.Random
            Game = Game.start settings.Width settings.Height ctx.Random
            Paused = false
            Lobby = None
            Watchers = 0
        }

    Page.create Name init view
    |> Page.withTitle (fun _ -> "Snake")
    |> Page.handle up
    |> Page.handle down
    |> Page.handle left
    |> Page.handle right
    |> Page.handle pause
    |> Page.handle restart
    |> Page.onMessage onMessage
    |> Page.onMessage onPresence
    |> Page.withSubscriptions (subscriptions settings)
