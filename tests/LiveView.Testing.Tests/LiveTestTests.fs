module LiveView.Testing.Tests.LiveTestTests

open System
open Expecto
open FsCheck.FSharp
open LiveView
open LiveView.Testing
open LiveView.Testing.Tests

[<Tests>]
let tests =
    testList
        "LiveTest"
        [
            testCase "a page mounts, and a form adds items through its rendered HTML"
            <| fun () ->
                let page = LiveTest.Mount TodoPage.page
                Expect.equal (page.Text "#left") "0 items left" "nothing yet"

                page.Fill("#text", "milk").Submit("#new").Fill("#text", "eggs").Submit("#new")
                |> ignore

                Expect.equal (page.Count "#items li") 2 "two items"
                Expect.equal (page.Text "#item-2 label") "eggs" "the second"
                Expect.equal (page.Text "#left") "2 items left" "two left"
                Expect.equal page.Title "Todo (2)" "the title follows"

            testCase "checking a box sends its change, and the counter follows"
            <| fun () ->
                let page = LiveTest.Mount TodoPage.page
                page.Fill("#text", "milk").Submit("#new").Click("#check-1") |> ignore
                Expect.equal (page.Text "#left") "0 items left" "done"
                Expect.equal (page.Attribute("#item-1", "class")) "done" "marked"
                Expect.equal (page.StateAs<TodoPage.State>().Items.Head.Done) true "in the state"

            testCase "C# chains the options' AddPage and Guard: its nullable analysis reads their results as not null"
            <| fun () ->
                let nullability = Reflection.NullabilityInfoContext()

                for name in [ "AddPage"; "Guard" ] do
                    let result = (typeof<LiveTestOptions>.GetMethod name |> nonNull).ReturnParameter

                    Expect.equal
                        (nullability.Create(result).ReadState)
                        Reflection.NullabilityState.NotNull
                        $"{name} returns the options"
        ]

[<Tests>]
let journeys =
    testList
        "Journeys"
        [
            testProperty "for any 50 things a user could do, the counter says how many items are left"
            <| fun () ->
                Prop.forAll (Journey.arbitrary 50) (fun journey ->
                    let page = LiveTest.mount TodoPage.page |> Journey.run journey
                    let left = page |> LiveTest.count "#items li.open"
                    page |> LiveTest.text "#left" = (if left = 1 then "1 item left" else $"{left} items left"))
        ]
