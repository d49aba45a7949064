/// The game page through the harness: the clock moves the snake, the keys steer it, the lobby lists the games, and
/// every step reaches the game's watchers.
module Snake.Tests.GamePageTests

open Expecto
open LiveView
open LiveView.Testing
open Snake
open Snake.Tests.Tabs

[<Tests>]
let tests =
    testList
        "Game page"
        [
            testCase "a running game ticks, is present in the lobby and in its topic, and follows both"
            <| fun () ->
                let world = World()
                let player = world.Play()
                let id = idOf player

                sameItems
                    player.Subscriptions
                    [
                        Subscription.Presence Topics.Games
                        Subscription.Track(Topics.Games, id, Lobby.meta 0 false)
                        Subscription.Track(Topics.game id, Topics.Player)
                        Subscription.Presence(Topics.game id)
                        Subscription.Every("tick", Settings.standard.Tick, Tick)
                    ]
                    "the lobby, its presence in it, its game's topic, and the timer"

                Expect.equal (lobbyOf world.Hub) [ id ] "in the lobby"
                Expect.equal (player.Text "#lobby li.you a") id "its lobby shows it"

                Expect.equal
                    [ for p in world.Hub.Present(Topics.game id) -> p.Key ]
                    [ Topics.Player ]
                    "in its game's topic"

            testCase "a tick moves the snake, shows the board and sends it to the game's watchers"
            <| fun () ->
                let _, player, watcher = watchedGame ()
                tick 1 player |> ignore
                Expect.equal (Game.head (gameOf player)) { X = 11; Y = 10 } "one step right"
                Expect.equal (headShown player) { X = 11; Y = 10 } "the board shows the head where it went"

                Expect.contains
                    player.Broadcasts
                    {
                        To = Audience.Topic(Topics.game (idOf player))
                        Message = Moved(gameOf player)
                    }
                    "the board goes to the game's topic"

                Expect.equal (headShown watcher) { X = 11; Y = 10 } "the watcher shows it"

            testCase "arrow keys queue turns the ticks take; a reversal is ignored"
            <| fun () ->
                let player = World().Play()
                player |> press "ArrowLeft" |> press "ArrowDown" |> press "ArrowLeft" |> ignore
                Expect.equal (gameOf player).Turns [ Down; Left ] "left reverses right; down, left count"
                tick 2 player |> ignore
                Expect.equal (headShown player) { X = 9; Y = 11 } "down, then left"

            testCase "the arrows and WASD steer, Space and P pause and go on, N starts a new game"
            <| fun () ->
                for first, second, turns in
                    [
                        "ArrowUp", "ArrowRight", [ Up; Right ]
                        "ArrowDown", "ArrowLeft", [ Down; Left ]
                        "w", "d", [ Up; Right ]
                        "s", "a", [ Down; Left ]
                    ] do
                    let player = World().Play() |> press first |> press second
                    Expect.equal (gameOf player).Turns turns $"{first}, then {second}"

                for key in [ " "; "p" ] do
                    let player = World().Play() |> press key
                    Expect.equal (player.Text "#status") "Paused: Space to go on." $"'{key}' pauses"
                    press key player |> ignore
                    Expect.isTrue (GamePage.isRunning (player.StateAs<GamePage.State>())) $"'{key}' goes on"

                let player = World().Play()
                let id = idOf player
                player |> tick 3 |> press "n" |> ignore
                Expect.equal (headShown player) { X = 10; Y = 10 } "N: a new game"
                Expect.equal (idOf player) id "under the same id"

            testCase "Space on the focused New game button pauses, and does not start a new game; Enter on it does"
            <| fun () ->
                let player = World().Play()
                player.Click "#restart" |> tick 2 |> ignore
                player.Press("#restart", " ") |> ignore
                Expect.equal (player.Text "#status") "Paused: Space to go on." "Space pauses"
                Expect.equal (headShown player) { X = 12; Y = 10 } "the same game"
                player.Press("#restart", "Enter") |> ignore
                Expect.equal (headShown player) { X = 10; Y = 10 } "Enter: a new game"
                Expect.isTrue (ticking player) "running"

            testCase
                "a paused game has no timer, ignores the steering keys and says so in the lobby, in its place; a tick that arrives anyway changes nothing"
            <| fun () ->
                let world = World()
                let player = world.Play()
                let other = world.Play()
                let id = idOf player
                press " " player |> ignore
                Expect.isFalse (ticking player) "no timer"
                press "ArrowUp" player |> ignore
                Expect.isEmpty (gameOf player).Turns "no turn waits"

                Expect.equal
                    [ for li in other.All "#lobby li" -> li.GetAttribute "data-game" ]
                    [ id; idOf other ]
                    "its entry is updated in place, not left and joined again"

                Expect.stringContains (other.Text $"#lobby li[data-game='{id}']") "· paused" "paused, the lobby says"
                let before = Game.head (gameOf player)
                tick 5 player |> ignore
                Expect.equal (headShown player) before "the snake waits"

                let state = player.StateAs<GamePage.State>()
                let frames = player.Frames.Count
                player.Send Tick |> ignore
                Expect.equal (player.StateAs<GamePage.State>()) state "no step"
                Expect.equal (patchesSince frames player) 0 "nothing sent"

                press " " player |> tick 1 |> ignore
                Expect.isTrue (ticking player) "the timer again"
                Expect.equal (headShown player) (Game.next Right before) "the snake goes on"

            testCase "a game that is over has no timer and leaves the lobby; a new game brings both back"
            <| fun () ->
                let world = World()
                let player = world.Play()
                let id = idOf player
                tick 10 player |> ignore
                Expect.equal (gameOf player).Status (Over HitWall) "the wall"

                sameItems
                    player.Subscriptions
                    [
                        Subscription.Presence Topics.Games
                        Subscription.Track(Topics.game id, Topics.Player)
                        Subscription.Presence(Topics.game id)
                    ]
                    "the lobby, and its game's topic, where its watchers see it is still there"

                Expect.equal (lobbyOf world.Hub) [] "out of the lobby"
                Expect.stringContains (player.Text "#status") "Game over" "it says so"
                Expect.equal (player.Attribute("#board svg", "class")) "board over" "the board shows it"

                Expect.contains
                    player.Broadcasts
                    {
                        To = Audience.Topic(Topics.game id)
                        Message = Moved(gameOf player)
                    }
                    "the watchers get the end"

                player.Click "#restart" |> ignore
                Expect.isTrue (Game.isPlaying (gameOf player)) "a new game"
                Expect.equal (idOf player) id "with the same id: its watchers follow"
                Expect.isTrue (ticking player) "the timer"
                Expect.equal (lobbyOf world.Hub) [ id ] "in the lobby"

            testCase "the lobby lists the running games, best score first, with links to watch them"
            <| fun () ->
                let world = World()
                let player = world.Play()
                let other = world.Play()
                let mine = idOf player
                world.Hub.Join(Topics.Games, "abcdefgh", Lobby.meta 7 true)

                Expect.equal
                    [ for li in player.All "#lobby li" -> li.GetAttribute "data-game" ]
                    [ "abcdefgh"; mine; idOf other ]
                    "the best score first, then in the order they came"

                Expect.equal (player.Text "#lobby li[data-game=abcdefgh]") "abcdefgh 7 points · paused" "its score"
                Expect.equal (player.Text "#lobby li.you") $"{mine} (you) 0 points" "mine"
                Expect.equal (other.Text $"#lobby li[data-game='{mine}']") $"{mine} 0 points" "not the other's"

                Expect.equal (player.Attribute("#lobby li.you a", "href")) $"/watch/{mine}" "a link to watch it"

                Expect.equal (player.Attribute("#lobby li.you a", "target")) "_blank" "in a tab of its own"

            testCase "a new watcher gets the board at once, and the player sees how many watch"
            <| fun () ->
                let world = World()
                let player = world.Play() |> tick 2 |> press " "
                let id = idOf player
                let first = world.Watch id
                let second = world.Watch id
                Expect.equal (player.Text "#watchers") "2 people are watching." "two"

                for watcher in [ first; second ] do
                    Expect.equal
                        (headShown watcher)
                        { X = 12; Y = 10 }
                        "the board, though the paused game does not move"

                    Expect.equal (watcher.Text "#status") "Paused." "paused"

                let told = player.Broadcasts.Count
                first.Click "a.button" |> ignore
                Expect.equal (player.Text "#watchers") "1 person is watching." "one left"
                second.Visit "/" |> ignore
                Expect.equal (player.Text "#watchers") "Nobody is watching." "none"
                Expect.equal player.Broadcasts.Count told "nobody new to tell"
        ]
