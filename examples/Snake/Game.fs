namespace Snake

open System

/// Where the snake goes.
type Direction =
    | Up
    | Down
    | Left
    | Right

/// One square of the board; (0, 0) is the top left corner.
type Cell = { X: int; Y: int }

/// How a game ended.
type Ending =
    /// The head left the board.
    | HitWall
    /// The head ran into the snake's own body.
    | HitSelf
    /// The snake fills the board: nowhere is left for food.
    | Won

/// Whether the snake still moves.
type Status =
    | Playing
    | Over of Ending

/// One game of snake: pure data, changed only by `Game.turn` and `Game.step`.
type Game =
    {
        /// Columns of the board.
        Width: int
        /// Rows of the board.
        Height: int
        /// The snake's cells, head first.
        Body: Cell list
        /// The direction of the last step.
        Heading: Direction
        /// Turns asked for and not taken yet, oldest first: each step takes one, so two key presses within one tick
        /// both count (up then left makes a corner), and a turn is judged against the one queued before it.
        Turns: Direction list
        /// Where the food is (none once the board is full).
        Food: Cell option
        /// Food eaten.
        Score: int
        /// Playing or over, and why.
        Status: Status
    }

/// The rules: start, turn, step.
[<RequireQualifiedAccess; CompilationRepresentation(CompilationRepresentationFlags.ModuleSuffix)>]
module Game =

    /// The length of a new snake.
    [<Literal>]
    let StartLength = 3

    /// How many turns may wait for their step; more key presses within those steps are ignored.
    [<Literal>]
    let MaxQueuedTurns = 3

    /// The opposite direction: the turn a snake may never take.
    let opposite direction =
        match direction with
        | Up -> Down
        | Down -> Up
        | Left -> Right
        | Right -> Left

    /// The cell next to `cell` in `direction`.
    let next direction cell =
        match direction with
        | Up -> { cell with Y = cell.Y - 1 }
        | Down -> { cell with Y = cell.Y + 1 }
        | Left -> { cell with X = cell.X - 1 }
        | Right -> { cell with X = cell.X + 1 }

    /// The snake's head.
    let head (game: Game) = List.head game.Body

    /// True while the snake moves.
    let isPlaying (game: Game) = game.Status = Playing

    let private inside (game: Game) cell =
        cell.X >= 0 && cell.X < game.Width && cell.Y >= 0 && cell.Y < game.Height

    /// Food on a free cell drawn with `random`; none when the snake fills the board.
    let private placeFood (random: Random) (game: Game) =
        let taken = Set.ofList game.Body

        let free =
            [|
                for y in 0 .. game.Height - 1 do
                    for x in 0 .. game.Width - 1 do
                        let cell = { X = x; Y = y }

                        if not (taken.Contains cell) then
                            cell
            |]

        if free.Length = 0 then
            None
        else
            Some free[random.Next free.Length]

    /// A new game on a `width` × `height` board: a snake of `StartLength` cells in the middle, heading right, and
    /// food drawn with `random`. The board needs at least `StartLength` + 1 columns and one row.
    let start (width: int) (height: int) (random: Random) : Game =
        if width <= StartLength || height < 1 then
            invalidArg (nameof width) $"A board needs more than {StartLength} columns and at least one row."

        let head = { X = width / 2; Y = height / 2 }

        let game =
            {
                Width = width
                Height = height
                Body = [ for i in 0 .. StartLength - 1 -> { head with X = head.X - i } ]
                Heading = Right
                Turns = []
                Food = None
                Score = 0
                Status = Playing
            }

        { game with
            Food = placeFood random game
        }

    /// Asks the snake to turn: queued for the coming steps. Ignored when the game is over, when it would reverse the
    /// direction the snake will have by then (or keep it), and when `MaxQueuedTurns` turns already wait.
    let turn (direction: Direction) (game: Game) : Game =
        let after = List.tryLast game.Turns |> Option.defaultValue game.Heading

        if
            not (isPlaying game)
            || direction = after
            || direction = opposite after
            || game.Turns.Length >= MaxQueuedTurns
        then
            game
        else
            { game with
                Turns = game.Turns @ [ direction ]
            }

    /// One move: the snake takes the oldest queued turn and moves one cell. Eating the food makes it one cell longer
    /// and scores one, and new food is drawn with `random`; leaving the board or running into itself ends the game
    /// (the snake stays where it was). A game that is over does not change.
    let step (random: Random) (game: Game) : Game =
        match game.Status with
        | Over _ -> game
        | Playing ->
            let heading, turns =
                match game.Turns with
                | turn :: rest -> turn, rest
                | [] -> game.Heading, []

            let target = next heading (head game)
            let eats = game.Food = Some target
            // The tail moves away in the same step unless the snake grows, so the head may take its cell.
            let body =
                if eats then
                    game.Body
                else
                    List.truncate (game.Body.Length - 1) game.Body

            if not (inside game target) then
                { game with
                    Heading = heading
                    Turns = []
                    Status = Over HitWall
                }
            elif List.contains target body then
                { game with
                    Heading = heading
                    Turns = []
                    Status = Over HitSelf
                }
            else
                let moved =
                    { game with
                        Body = target :: body
                        Heading = heading
                        Turns = turns
                    }

                if not eats then
                    moved
                else
                    let fed =
                        { moved with
                            Score = game.Score + 1
                            Food = None
                        }

                    match placeFood random fed with
                    | Some food -> { fed with Food = Some food }
                    | None -> { fed with Status = Over Won }
