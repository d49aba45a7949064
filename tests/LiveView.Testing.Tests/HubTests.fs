/// Several pages in one world (`LiveTestHub`): broadcasts reach the others, presence lists agree, the clock is one.
module LiveView.Testing.Tests.HubTests

open System
open System.Security.Claims
open Expecto
open Giraffe.ViewEngine
open LiveView
open LiveView.Testing

type Said = { Who: string; Text: string }

type Room =
    {
        Me: string
        Lines: string list
        Here: string list
        Ticks: int
    }

let private say =
    Handler.named "say" (fun room ctx ->
        Reply.state room
        |> Reply.broadcast
            (Audience.Topic "room")
            {
                Who = room.Me
                Text = string (ctx.Form "text")
            })

/// A room: what is said in it, who is here, and a clock that ticks every second.
let room =
    Page.create
        "room"
        (fun ctx ->
            {
                Me = string (nonNull ctx.User.Identity).Name
                Lines = []
                Here = []
                Ticks = 0
            })
        (fun room ->
            div
                []
                [
                    form [ _id "say"; Live.on "submit" say ] [ input [ _name "text"; _id "text" ] ]
                    ul [ _id "lines" ] [ for line in room.Lines -> li [] [ str line ] ]
                    p [ _id "here" ] [ str (String.Join(", ", room.Here)) ]
                    output [ _id "ticks" ] [ str (string room.Ticks) ]
                ])
    |> Page.handle say
    |> Page.withSubscriptions (fun room ->
        [
            Subscription.Topic "room"
            Subscription.Presence "room"
            Subscription.Track("room", room.Me)
            Subscription.Every("tick", TimeSpan.FromSeconds 1.0, "tick")
        ])
    |> Page.onMessage (fun (said: Said) room _ ->
        Reply.state
            { room with
                Lines = room.Lines @ [ $"{said.Who}: {said.Text}" ]
            })
    |> Page.onMessage (fun (change: PresenceChanged) room _ ->
        Reply.state
            { room with
                Here = [ for p in change.Present -> p.Key ] |> List.distinct
            })
    |> Page.onMessage (fun (_: string) room _ -> Reply.state { room with Ticks = room.Ticks + 1 })

let private user (name: string) =
    ClaimsPrincipal(ClaimsIdentity([ Claim(ClaimTypes.Name, name) ], "test"))

[<Tests>]
let tests =
    testList
        "LiveTestHub"
        [
            testCase "two pages in one hub hear each other and see each other here"
            <| fun () ->
                // docs:two-tabs
                let hub = LiveTestHub()
                let ada = LiveTest.Mount(room, LiveTestOptions(Hub = hub, User = user "ada"))
                let bob = LiveTest.Mount(room, LiveTestOptions(Hub = hub, User = user "bob"))
                Expect.equal (ada.Text "#here") "ada, bob" "ada sees both"
                Expect.equal (bob.Text "#here") "ada, bob" "bob sees both"
                ada.Fill("#text", "hi bob").Submit "#say" |> ignore
                Expect.equal (bob.Text "#lines") "ada: hi bob" "bob heard ada"
                // end
                Expect.equal (ada.Text "#lines") "ada: hi bob" "ada heard herself"
                Expect.equal (hub.Present "room" |> Seq.map _.Key |> List.ofSeq) [ "ada"; "bob" ] "the hub's list"

            testCase "a page that leaves leaves the others' lists; someone the test adds joins them"
            <| fun () ->
                let hub = LiveTestHub()
                let ada = LiveTest.Mount(room, LiveTestOptions(Hub = hub, User = user "ada"))
                let bob = LiveTest.Mount(room, LiveTestOptions(Hub = hub, User = user "bob"))
                hub.Join("room", "cy", null)
                Expect.equal (ada.Text "#here") "ada, bob, cy" "cy joined"
                bob.Visit "/" |> ignore
                Expect.equal (ada.Text "#here") "ada, cy, bob" "bob left and came back"
                hub.Leave("room", "cy")
                Expect.equal (ada.Text "#here") "ada, bob" "cy left"

            testCase "the clock is the hub's: every page's timers fire as it moves"
            <| fun () ->
                let hub = LiveTestHub()
                let ada = LiveTest.Mount(room, LiveTestOptions(Hub = hub, User = user "ada"))
                let bob = LiveTest.Mount(room, LiveTestOptions(Hub = hub, User = user "bob"))
                ada.Advance(TimeSpan.FromSeconds 3.5) |> ignore
                Expect.equal (ada.Text "#ticks") "3" "ada's timer"
                Expect.equal (bob.Text "#ticks") "3" "bob's timer"
                Expect.equal hub.Now (DateTimeOffset.UnixEpoch + TimeSpan.FromSeconds 3.5) "the clock"
        ]
