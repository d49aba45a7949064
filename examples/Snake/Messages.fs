namespace Snake

/// The messages of the example, as one union: a game page's clock, and what a game tells its watchers.
type SnakeMessage =
    /// A game page's timer: time for one step. Its pages get it only while their game runs.
    | Tick
    /// A game's board after a change (a step, a new game, a new watcher); the last one of a game has `Status = Over`.
    /// Sent to the game's topic (`Topics.game`), which its watch pages follow.
    | Moved of Game

/// The topics the pages talk over, and who is present in them.
[<RequireQualifiedAccess>]
module Topics =

    /// The lobby: each game page is present here under its game's id, with its score, while its game runs.
    [<Literal>]
    let Games = "snake:games"

    /// Game `id`: its moves are broadcast here, and its player and watchers are present here (as `Player` and
    /// `Watcher`) for as long as their tabs show it.
    let game (id: string) = "snake:game:" + id

    /// The game page's key in its game's topic.
    [<Literal>]
    let Player = "player"

    /// A watch page's key in its game's topic.
    [<Literal>]
    let Watcher = "watcher"
