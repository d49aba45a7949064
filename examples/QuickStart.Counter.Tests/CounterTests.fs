/// The F# counter through the harness: its buttons change the count and the title, and Reset starts it again.
module QuickStart.Counter.Tests.CounterTests

open Expecto
open FsCheck.FSharp
open LiveView.Testing
open QuickStart.Counter

/// The count a page shows, and its title.
let private shown (page: LiveTest) = page.Text "#count", page.Title

/// What a button does to the count, by its selector.
let private effectOf (selector: string) (count: int) =
    match selector with
    | "#increment" -> count + 1
    | "#decrement" -> count - 1
    | "#reset" -> 0
    | other -> failtestf "a journey clicked %s, which the counter does not have" other

[<Tests>]
let tests =
    testList
        "Counter"
        [
            testCase "the count starts at 0, and the title says it"
            <| fun () -> Expect.equal (shown (LiveTest.mount CounterPage.page)) ("0", "Counter: 0") "zero"

            testCase "+ and − change the count and the title, below zero too"
            <| fun () ->
                let page =
                    LiveTest.mount CounterPage.page
                    |> LiveTest.click "#increment"
                    |> LiveTest.click "#increment"
                    |> LiveTest.click "#increment"
                    |> LiveTest.click "#decrement"

                Expect.equal (shown page) ("2", "Counter: 2") "three up, one down"

                for _ in 1..3 do
                    page.Click "#decrement" |> ignore

                Expect.equal (shown page) ("-1", "Counter: -1") "below zero"
                Expect.equal (LiveTest.state<CounterPage.State> page) { Count = -1 } "the state"

            testCase "the symbol buttons say what they do to a screen reader"
            <| fun () ->
                let page = LiveTest.mount CounterPage.page
                Expect.equal (page.Attribute("#decrement", "aria-label")) "Decrement" "−"
                Expect.equal (page.Attribute("#increment", "aria-label")) "Increment" "+"

            testCase "Reset brings the count back to 0"
            <| fun () ->
                let page =
                    LiveTest.mount CounterPage.page
                    |> LiveTest.click "#increment"
                    |> LiveTest.click "#increment"
                    |> LiveTest.click "#reset"

                Expect.equal (shown page) ("0", "Counter: 0") "zero again"
                page.Click "#decrement" |> ignore
                Expect.equal (shown page) ("-1", "Counter: -1") "and it counts from there"

            testProperty
                "whatever a user clicks, the count shown is the increments less the decrements since the last reset"
            <| Prop.forAll (Journey.arbitrary 50) (fun journey ->
                let page = LiveTest.mount CounterPage.page |> Journey.run journey

                let count =
                    journey.Steps |> Seq.fold (fun count step -> effectOf step.Selector count) 0

                Expect.equal (shown page) (string count, $"Counter: {count}") "the count and the title"
                Expect.equal (LiveTest.state<CounterPage.State> page).Count count "the state")

            testCase "every button goes to a handler of the page"
            <| fun () -> LiveTest.checkWiring (fun () -> LiveTest.mount CounterPage.page)
        ]
