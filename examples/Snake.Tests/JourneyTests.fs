/// Whatever a player does (any keys, the buttons, the links, as FsCheck draws them from the page) and however long
/// the clock runs, the pages agree with the game; and every binding of theirs names a handler.
module Snake.Tests.JourneyTests

open Expecto
open FsCheck.FSharp
open LiveView.Testing
open Snake
open Snake.Tests.Tabs

/// How many ticks the clock runs between two journeys; shrinks toward none.
let private ticks =
    Arb.fromGenShrink (
        Gen.choose (0, 12),
        (fun n ->
            if n > 0 then
                seq {
                    n / 2
                    n - 1
                }
            else
                Seq.empty)
    )

/// What must hold whatever happened: the game page shows its state, ticks only while it runs, is in the lobby only
/// while its game is not over; the watcher of its first game shows that game's board, or that the player left it.
let private holds (world: World) (player: LiveTest) (watcher: LiveTest) (watched: string) =
    let state = player.StateAs<GamePage.State>()
    Expect.equal (player.Text "#score") (string state.Game.Score) "the score shown is the game's"
    Expect.equal (player.Count "#board svg") 1 "the board is there"
    Expect.equal (headShown player) (Game.head state.Game) "the board shows the head where it is"
    Expect.equal (ticking player) (GamePage.isRunning state) "only a running game ticks"

    Expect.equal
        (List.contains state.Id (lobbyOf world.Hub))
        (Game.isPlaying state.Game)
        "a game is in the lobby until it is over"

    if state.Id = watched then
        Expect.equal (headShown watcher) (headShown player) "the watcher shows the player's board"
        Expect.equal (watcher.Text "#score") (player.Text "#score") "and its score"

        let status =
            match state.Game.Status with
            | Over _ -> "Game over"
            | Playing when state.Paused -> "Paused."
            | Playing -> "Live."

        Expect.stringStarts (watcher.Text "#status") status "and how the game goes"
    else
        Expect.equal (watcher.Text "#status") "The player has left." "the player went to a new game"

[<Tests>]
let tests =
    testList
        "Journeys"
        [
            testProperty
                "whatever the player does and however long the clock runs, the page shows its game, its watcher the same board, and only a running game ticks"
            <| Prop.forAll (Journey.arbitrary 20) (fun before ->
                Prop.forAll ticks (fun time ->
                    Prop.forAll (Journey.arbitrary 20) (fun after ->
                        let world, player, watcher = watchedGame ()
                        let watched = idOf player
                        let check () = holds world player watcher watched
                        Journey.run before player |> ignore
                        check ()

                        for _ in 1..time do
                            tick 1 player |> ignore
                            check ()

                        Journey.run after player |> tick time |> ignore
                        check ())))

            testCase "every key, button and link of the game page goes to a handler or a page"
            <| fun () -> LiveTest.checkWiring (fun () -> World().Play())

            testCase "every link of the watch page goes to a page, and the game page's bindings to handlers"
            <| fun () -> LiveTest.checkWiring (fun () -> World().Watch "abcdefgh")
        ]
