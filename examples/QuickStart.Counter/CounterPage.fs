/// A counter, written in F#: the same host runs it beside the C# pages.
module QuickStart.Counter.CounterPage

open Giraffe.ViewEngine
open LiveView

/// The page's whole state.
type State = { Count: int }

let private button' id action label =
    button [ _id id; _class "button"; _data "action" $"click->counter#{action}" ] [ str label ]

/// The page's content, for the first render.
let view (state: State) =
    section
        []
        [
            h1 [] [ str "Counter" ]
            p
                []
                [
                    str "This page is written in F#; its handlers are pure functions of the state."
                ]
            div
                [ _class "counter" ]
                [
                    button' "decrement" "decrement" "−"
                    output [ _id "count" ] [ str (string state.Count) ]
                    button' "increment" "increment" "+"
                ]
            button' "reset" "reset" "Reset"
        ]

/// Sets the count and shows it.
let private show count (state: State) =
    Reply.ok { state with Count = count } [ Patch.text "#count" (string count) ]

/// The counter page: `counter->increment`, `counter->decrement`, `counter->reset`.
let page =
    Page.create "counter" (fun _ -> { Count = 0 }) view
    |> Page.withTitle (fun state -> $"Counter: {state.Count}")
    |> Page.on "increment" (fun state _ -> show (state.Count + 1) state)
    |> Page.on "decrement" (fun state _ -> show (state.Count - 1) state)
    |> Page.on "reset" (fun state _ -> show 0 state)
