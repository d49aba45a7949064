/// The rules of the game (Game.fs), as properties over any sequence of turns and ticks.
module Snake.Tests.GameTests

open System
open Expecto
open FsCheck
open FsCheck.FSharp
open Snake

/// What happens next: the player asks for a turn, or the clock ticks and the snake steps, or a greedy player turns
/// toward the food (staying on the board, ignoring its own body) and the snake steps. Random turns alone mostly run
/// into a wall; chasing the food makes snakes that eat, grow long, bite themselves and fill small boards.
type private Command =
    | Turn of Direction
    | Step
    | Chase

/// The greedy player's turn: toward the food, never back, never off the board when it can help it.
let private toward (game: Game) =
    let head = Game.head game
    let food = game.Food |> Option.defaultValue head

    [
        if food.X < head.X then
            Left
        if food.X > head.X then
            Right
        if food.Y < head.Y then
            Up
        if food.Y > head.Y then
            Down
        Up
        Down
        Left
        Right
    ]
    |> List.tryFind (fun direction ->
        let cell = Game.next direction head

        direction <> Game.opposite game.Heading
        && cell.X >= 0
        && cell.X < game.Width
        && cell.Y >= 0
        && cell.Y < game.Height)
    |> Option.defaultValue game.Heading

/// A board from 4 × 1 (a snake fills it at once) to 12 × 10, a seed for its food, and up to 300 commands.
let private genPlay =
    gen {
        let! width = Gen.choose (Game.StartLength + 1, 12)
        let! height = Gen.choose (1, 10)
        let! seed = Gen.choose (0, Int32.MaxValue)

        let command =
            Gen.frequency
                [
                    2, Gen.constant Step
                    2, Gen.elements [ Up; Down; Left; Right ] |> Gen.map Turn
                    6, Gen.constant Chase
                ]

        let! commands = Gen.listOf command |> Gen.resize 300
        return width, height, seed, commands
    }

let private arbPlay = Arb.fromGen genPlay

/// The games a play goes through, from the start, one per command.
let private trace (width, height, seed, commands) =
    let random = Random(seed: int)

    commands
    |> List.scan
        (fun game command ->
            match command with
            | Turn direction -> Game.turn direction game
            | Step -> Game.step random game
            | Chase -> game |> Game.turn (toward game) |> Game.step random)
        (Game.start width height random)

/// Every step of a play: the game before, and after.
let private steps ((_, _, _, commands) as play) =
    List.zip commands (trace play |> List.pairwise)
    |> List.choose (fun (command, pair) ->
        match command with
        | Step
        | Chase -> Some pair
        | Turn _ -> None)

let private inside (game: Game) (cell: Cell) =
    cell.X >= 0 && cell.X < game.Width && cell.Y >= 0 && cell.Y < game.Height

let private property name test =
    testPropertyWithConfig
        { FsCheckConfig.defaultConfig with
            maxTest = 300
        }
        name
        test

// The example's game must be playable whatever the player does: these properties pin its rules.
[<Tests>]
let tests =
    testList
        "Snake game"
        [
            property "any sequence of turns and ticks is played without an exception, and every game is well formed"
            <| Prop.forAll arbPlay (fun play ->
                for game in trace play do
                    Expect.equal (List.distinct game.Body) game.Body "the snake never occupies a cell twice"
                    Expect.all game.Body (inside game) "the snake is on the board"

                    Expect.equal
                        game.Body.Length
                        (Game.StartLength + game.Score)
                        "its length is its start length plus the food eaten"

                    match game.Food with
                    | Some food ->
                        Expect.isTrue (inside game food) "the food is on the board"
                        Expect.isFalse (List.contains food game.Body) "the food is never under the snake"
                    | None -> Expect.equal game.Status (Over Won) "only a full board has no food"

                    Expect.isLessThanOrEqual game.Turns.Length Game.MaxQueuedTurns "the queue of turns is bounded")

            property "a step moves the head one cell; eating grows the snake by exactly one and scores exactly one"
            <| Prop.forAll arbPlay (fun play ->
                for before, after in steps play do
                    match before.Status, after.Status with
                    | Over _, _ -> Expect.equal after before "a game that is over does not change"
                    | Playing, Over(HitWall | HitSelf) ->
                        Expect.equal after.Body before.Body "a crash leaves the snake where it was"
                        Expect.equal after.Score before.Score "a crash scores nothing"
                    | Playing, _ ->
                        let ate = before.Food = Some(Game.head after)

                        Expect.equal
                            (Game.head after)
                            (Game.next after.Heading (Game.head before))
                            "the head moves one cell, where the snake heads"

                        Expect.equal after.Score (before.Score + if ate then 1 else 0) "the score counts food eaten"

                        Expect.equal
                            after.Body.Tail
                            (if ate then
                                 before.Body
                             else
                                 List.truncate (before.Body.Length - 1) before.Body)
                            "the body follows the head, and keeps its tail when the snake eats")

            property "the snake never reverses: a step's heading is never the opposite of the last one"
            <| Prop.forAll arbPlay (fun play ->
                for before, after in steps play do
                    Expect.notEqual after.Heading (Game.opposite before.Heading) "no step goes back into the neck")

            property "a reversal of the direction the snake will have is ignored"
            <| Prop.forAll arbPlay (fun play ->
                for game in trace play do
                    let coming = List.tryLast game.Turns |> Option.defaultValue game.Heading
                    Expect.equal (Game.turn (Game.opposite coming) game) game "reversing changes nothing"
                    Expect.equal (Game.turn coming game) game "the same direction again changes nothing")

            property "the same seed and the same commands give the same game"
            <| Prop.forAll arbPlay (fun play -> Expect.equal (trace play) (trace play) "deterministic")

            testCase "two turns within one tick both count: up then left makes a corner"
            <| fun () ->
                let random = Random 1
                let game = Game.start 20 20 random |> Game.turn Up |> Game.turn Left
                let once = Game.step random game
                let twice = Game.step random once
                Expect.equal (Game.head once) { X = 10; Y = 9 } "the first step goes up"
                Expect.equal (Game.head twice) { X = 9; Y = 9 } "the second goes left"
                Expect.equal twice.Turns [] "both turns were taken"

            testCase "a turn queued after another is judged against it: up then down is a reversal of up"
            <| fun () ->
                let game = Game.start 20 20 (Random 1) |> Game.turn Up |> Game.turn Down
                Expect.equal game.Turns [ Up ] "down is ignored"

            testCase "the snake heading right from the middle of a 20 × 20 board hits the wall on the tenth step"
            <| fun () ->
                let random = Random 3
                // Food in the snake's row would make it longer, not change when it crashes.
                let game =
                    { Game.start 20 20 random with
                        Food = Some { X = 0; Y = 0 }
                    }

                let games = List.scan (fun game _ -> Game.step random game) game [ 1..10 ]
                Expect.all games[..9] Game.isPlaying "nine steps to the last column"
                Expect.equal (Game.head games[9]) { X = 19; Y = 10 } "at the last column"
                Expect.equal games[10].Status (Over HitWall) "the tenth leaves the board"

            testCase "running into its own body ends the game; moving into the cell the tail leaves does not"
            <| fun () ->
                // A snake curled in a square: its head at (2, 2), going left, its tail at (2, 3) just below the head.
                let curled =
                    {
                        Width = 6
                        Height = 6
                        Body = [ { X = 2; Y = 2 }; { X = 3; Y = 2 }; { X = 3; Y = 3 }; { X = 2; Y = 3 } ]
                        Heading = Left
                        Turns = []
                        Food = Some { X = 5; Y = 5 }
                        Score = 1
                        Status = Playing
                    }

                let chasing = Game.step (Random 1) (Game.turn Down curled)
                Expect.equal chasing.Status Playing "the tail moved away"
                Expect.equal (Game.head chasing) { X = 2; Y = 3 } "the head took the tail's cell"

                let longer =
                    { curled with
                        Body = curled.Body @ [ { X = 1; Y = 3 } ]
                        Score = 2
                    }

                Expect.equal (Game.step (Random 1) (Game.turn Down longer)).Status (Over HitSelf) "the body is there"

            testCase "a snake that fills the board wins"
            <| fun () ->
                let random = Random 5
                let game = Game.start 4 1 random
                Expect.equal game.Food (Some { X = 3; Y = 0 }) "one free cell"
                let full = Game.step random game
                Expect.equal full.Status (Over Won) "nowhere left for food"
                Expect.equal (full.Score, full.Body.Length, full.Food) (1, 4, None) "it ate and grew"

            testCase "a board too small for the snake is refused with a reason"
            <| fun () ->
                Expect.throwsT<ArgumentException>
                    (fun () -> Game.start Game.StartLength 5 (Random 1) |> ignore)
                    "too narrow"

                Expect.throwsT<ArgumentException> (fun () -> Game.start 10 0 (Random 1) |> ignore) "no rows"
        ]
