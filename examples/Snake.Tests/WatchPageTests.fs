/// The watch page through the harness, beside the game it watches: the boards it gets, whether the player is still
/// there, and a URL that names no game.
module Snake.Tests.WatchPageTests

open Expecto
open LiveView
open LiveView.Testing
open Snake
open Snake.Tests.Tabs

[<Tests>]
let tests =
    testList
        "Watch page"
        [
            testCase "a watcher shows the boards it gets, then the end of the game"
            <| fun () ->
                let _, player, watcher = watchedGame ()
                let id = idOf player

                sameItems
                    watcher.Subscriptions
                    [
                        Subscription.Presence Topics.Games
                        Subscription.Topic(Topics.game id)
                        Subscription.Presence(Topics.game id)
                        Subscription.Track(Topics.game id, Topics.Watcher)
                    ]
                    "the lobby, the game's moves, and who is in the game's topic, where it is present"

                Expect.equal (watcher.Text "#status") "Live." "live"
                Expect.equal (headShown watcher) { X = 10; Y = 10 } "the board"
                Expect.equal (watcher.Text "h1 code") id "the game's id"
                press " " player |> ignore
                Expect.equal (watcher.Text "#status") "Paused." "paused"
                player |> press " " |> tick 10 |> ignore
                Expect.equal (watcher.Text "#status") "Game over." "over"
                Expect.equal (watcher.Attribute("#board svg", "class")) "board over" "shown over"
                Expect.equal (headShown watcher) (headShown player) "where the snake ended"
                Expect.equal (watcher.Text "#score") (player.Text "#score") "with its score"

            testCase "a watcher sees the player leave, and says so for a game nobody plays"
            <| fun () ->
                let world, player, watcher = watchedGame ()
                player |> tick 1 |> LiveTest.click "nav a" |> ignore
                Expect.equal (watcher.Text "#status") "The player has left." "gone"
                Expect.equal (headShown watcher) { X = 11; Y = 10 } "the last board stays"

                let nobody = world.Watch "abcdefgh"

                Expect.stringContains (nobody.Text "#status") "No game with this id is being played" "nobody plays it"

            testCase "a watch URL that names no game says so and follows no topic"
            <| fun () ->
                let watcher = World().Watch "%3Cscript%3E"
                Expect.equal (List.ofSeq watcher.Subscriptions) [ Subscription.Presence Topics.Games ] "the lobby only"
                Expect.stringContains (watcher.Text "#status") "This address names no game" "a clear answer"
                Expect.equal (watcher.Text "h1 code") "?" "no id"
                Expect.isFalse (watcher.Html.Contains "script") "the id is not echoed"
                Expect.isFalse (watcher.Title.Contains "script") "not in the title either"
        ]
