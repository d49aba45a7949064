namespace Snake

open System

/// How the game page plays: the board's size and the time between two steps.
type Settings =
    {
        /// Columns of the board.
        Width: int
        /// Rows of the board.
        Height: int
        /// Time between two steps of the snake.
        Tick: TimeSpan
    }

/// Settings, checked.
[<RequireQualifiedAccess; CompilationRepresentation(CompilationRepresentationFlags.ModuleSuffix)>]
module Settings =

    /// A 20 × 20 board, 10 steps a second.
    let standard =
        {
            Width = 20
            Height = 20
            Tick = TimeSpan.FromMilliseconds 100.
        }

    /// `settings` when they make a playable game; an `ArgumentException` that says why not otherwise.
    let check (settings: Settings) =
        if
            settings.Width <= Game.StartLength
            || settings.Width > 100
            || settings.Height < 1
            || settings.Height > 100
        then
            invalidArg
                (nameof settings)
                $"A board of {settings.Width} × {settings.Height} cannot be played: use {Game.StartLength + 1} to 100 columns and 1 to 100 rows."

        if settings.Tick < TimeSpan.FromMilliseconds 10. then
            invalidArg (nameof settings) $"A tick of {settings.Tick} is too short: use 10 ms or more."

        settings
