/// The watch page (`/watch/{game}`): follows a game live. It shows the board each game page sends its topic after
/// every step, and learns from the lobby's presence whether the game is still there (paused, or its tab closed).
module Snake.WatchPage

open Giraffe.ViewEngine
open LiveView

/// What a watcher knows.
type State =
    {
        /// The id from the URL.
        Id: string
        /// The last board the game sent; none yet.
        Board: Game option
        /// The running games (the lobby); none until the first presence list arrives.
        Lobby: Lobby.Entry list option
    }

/// The page's name.
[<Literal>]
let Name = "watch"

/// The game in the lobby, when the lobby is known: `Some None` means it is not running.
let private entry (state: State) =
    state.Lobby |> Option.map (List.tryFind (fun entry -> entry.Game = state.Id))

let private statusText (state: State) =
    match state.Board, entry state with
    | _ when not (GameId.isValid state.Id) ->
        $"This address names no game: a game's id is {GameId.Length} letters and digits, as the lobby's links show."
    | Some { Status = Over Won }, _ -> "Game over: the snake fills the board."
    | Some { Status = Over _ }, _ -> "Game over."
    | Some _, Some None -> "The player has left."
    | None, Some None -> "This game is not running: it is over, or its tab was closed."
    | _, Some(Some { Paused = true }) -> "Paused."
    | None, _ -> "Waiting for the next move…"
    | Some _, _ -> "Live."

let private lobby (state: State) =
    Lobby.view None (Some state.Id) state.Lobby

let private board (state: State) =
    match state.Board with
    | Some game -> Board.view game
    | None -> Board.empty Settings.standard.Width Settings.standard.Height

let private view (state: State) =
    section
        [ _class "snake" ]
        [
            Board.frame (board state)
            aside
                []
                [
                    h1
                        []
                        [
                            str "Watching "
                            code [] [ str (if GameId.isValid state.Id then state.Id else "?") ]
                        ]
                    p
                        [ _class "score" ]
                        [
                            str "Score "
                            output
                                [ _id "score" ]
                                [
                                    str (state.Board |> Option.map (fun g -> string g.Score) |> Option.defaultValue "–")
                                ]
                        ]
                    p [ _id "status" ] [ str (statusText state) ]
                    a [ _href "/"; _class "button" ] [ str "Play a game" ]
                    h2 [] [ str "Running games" ]
                    div [ _id (Lobby.Selector.TrimStart '#') ] [ lobby state ]
                ]
        ]

let private show (before: State) (after: State) =
    [
        if after.Board <> before.Board then
            Patch.html Board.Selector (board after)
            Patch.text "#score" (after.Board |> Option.map (fun g -> string g.Score) |> Option.defaultValue "–")
        if after.Lobby <> before.Lobby then
            Patch.html Lobby.Selector (lobby after)
        if statusText after <> statusText before then
            Patch.text "#status" (statusText after)
    ]

let private onMessage (message: SnakeMessage) (state: State) (_: ActionContext) =
    match message with
    | Moved game ->
        let after = { state with Board = Some game }
        Reply.ok after (show state after)
    | Tick -> Reply.state state

let private onPresence (change: PresenceChanged) (state: State) (_: ActionContext) =
    let after =
        { state with
            Lobby = Some(Lobby.entries change.Present)
        }

    Reply.ok after (show state after)

/// The game's moves (when the URL names a game) and the lobby.
let subscriptions (state: State) =
    [
        Subscription.Presence Topics.Games
        if GameId.isValid state.Id then
            Subscription.Topic(Topics.game state.Id)
    ]

/// The watch page; its route gives the game's id as `game`.
let page: Page<State> =
    let init (ctx: MountContext) =
        {
            Id = ctx.Params |> Map.tryFind "game" |> Option.defaultValue ""
            Board = None
            Lobby = None
        }

    Page.create Name init view
    |> Page.withTitle (fun state ->
        if GameId.isValid state.Id then
            $"Watching {state.Id}"
        else
            "Watching")
    |> Page.onMessage onMessage
    |> Page.onMessage onPresence
    |> Page.withSubscriptions subscriptions
