/// The watch page (`/watch/{game}`): follows a game live. It keeps the board the game page sends its game's topic
/// after every step, learns from the presence in that topic whether the player is still there (its tab open), and
/// from the lobby whether the game is paused; the view shows all of it, and the runtime sends what changed.
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
        /// Whether the player is present in the game's topic; none until its presence list arrives.
        Player: bool option
        /// The running games (the lobby); none until the first presence list arrives.
        Lobby: Lobby.Entry list option
    }

/// The page's name.
[<Literal>]
let Name = "watch"

/// True when the lobby says the game is paused.
let private paused (state: State) =
    state.Lobby
    |> Option.defaultValue []
    |> List.exists (fun entry -> entry.Game = state.Id && entry.Paused)

let private statusText (state: State) =
    match state.Player, state.Board with
    | _ when not (GameId.isValid state.Id) ->
        $"This address names no game: a game's id is {GameId.Length} letters and digits, as the lobby's links show."
    | Some false, Some _ -> "The player has left."
    | Some false, None -> "No game with this id is being played: its tab was closed."
    | _, Some { Status = Over Won } -> "Game over: the snake fills the board."
    | _, Some { Status = Over _ } -> "Game over."
    | _ when paused state -> "Paused."
    | _, None -> "Waiting for the game…"
    | _, Some _ -> "Live."

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

let private onMessage (message: SnakeMessage) (state: State) (_: ActionContext) =
    match message with
    | Moved game -> Reply.state { state with Board = Some game }
    | Tick -> Reply.state state

let private onPresence (change: PresenceChanged) (state: State) (_: ActionContext) =
    if change.Topic = Topics.Games then
        Reply.state
            { state with
                Lobby = Some(Lobby.entries change.Present)
            }
    else
        Reply.state
            { state with
                Player = Some(change.Present |> Seq.exists (fun p -> p.Key = Topics.Player))
            }

/// The lobby; when the URL names a game, the game's moves and who is in its topic, where the page is present as a
/// watcher.
let subscriptions (state: State) =
    [
        Subscription.Presence Topics.Games
        if GameId.isValid state.Id then
            let game = Topics.game state.Id
            Subscription.Topic game
            Subscription.Presence game
            Subscription.Track(game, Topics.Watcher)
    ]

/// The watch page; its route gives the game's id as `game`.
let page: Page<State> =
    let init (ctx: MountContext) =
        {
            Id = ctx.Params |> Map.tryFind "game" |> Option.defaultValue ""
            Board = None
            Player = None
            Lobby = None
        }

    Page.create Name init view
    |> Page.withParams [ "game" ]
    |> Page.withTitle (fun state ->
        if GameId.isValid state.Id then
            $"Watching {state.Id}"
        else
            "Watching")
    |> Page.onMessage onMessage
    |> Page.onMessage onPresence
    |> Page.withSubscriptions subscriptions
