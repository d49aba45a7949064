module LiveView.Testing.Tests.LiveTestTests

open System
open Expecto
open Giraffe.ViewEngine
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

            // docs:first-test
            testCase "a form adds items; checking one leaves one less"
            <| fun () ->
                let page =
                    LiveTest.mount TodoPage.page
                    |> LiveTest.fill "#text" "milk"
                    |> LiveTest.submit "#new"
                    |> LiveTest.click "#check-1"

                Expect.equal (page |> LiveTest.text "#left") "0 items left" "none left"
                Expect.equal (page |> LiveTest.attribute "#item-1" "class") (Some "done") "marked done"
            // end

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

            testCase "a title that follows the state is put in the layout's <title>, as the host's frames do"
            <| fun () ->
                let layout (context: LayoutContext) =
                    html
                        []
                        [
                            head [] [ title [] [ str $"{context.Title} · The site" ] ]
                            body [] [ main [ _id "main" ] [ context.Content ]; context.ClientScript ]
                        ]

                let page =
                    LiveTest.Mount(TodoPage.page, LiveTestOptions(Layout = Func<_, _> layout))

                Expect.equal page.Title "Todo (0) · The site" "the first paint"
                page.Fill("#text", "milk").Submit("#new") |> ignore
                Expect.equal page.Title "Todo (1) · The site" "after a frame"
        ]

[<Tests>]
let journeys =
    testList
        "Journeys"
        [
            // docs:todo-property
            testProperty "for any 50 things a user could do, the counter says how many items are left"
            <| fun () ->
                Prop.forAll (Journey.arbitrary 50) (fun journey ->
                    let page = LiveTest.mount TodoPage.page |> Journey.run journey
                    let left = page |> LiveTest.count "#items li.open"
                    page |> LiveTest.text "#left" = (if left = 1 then "1 item left" else $"{left} items left"))
        // end
        ]
