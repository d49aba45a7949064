namespace Snake

/// The messages of the example, as one union: a game page's clock, and what a game tells its watchers.
type SnakeMessage =
    /// A game page's timer: time for one step. Its pages get it only while their game runs.
    | Tick
    /// A game's board after a change (a step, a new game); the last one of a game has `Status = Over`. Sent to the
    /// game's topic (`Topics.game`), which its watch pages follow.
    | Moved of Game

/// The topics the pages talk over.
[<RequireQualifiedAccess>]
module Topics =

    /// Presence of the running games: each game page is present under its game's id, with its score (the lobby).
    [<Literal>]
    let Games = "snake:games"

    /// The moves of game `id`.
    let game (id: string) = "snake:game:" + id
