/// A counter, written in F#: the same host runs it beside the C# pages.
module QuickStart.Counter.CounterPage

open Giraffe.ViewEngine
open LiveView

/// The page's whole state.
type State = { Count: int }

/// The handlers return only the new state: the runtime renders the view and sends what changed.
let increment =
    Handler.named "increment" (fun state _ -> Reply.state { state with Count = state.Count + 1 })

let decrement =
    Handler.named "decrement" (fun state _ -> Reply.state { state with Count = state.Count - 1 })

let reset = Handler.named "reset" (fun _ _ -> Reply.state { Count = 0 })

/// A button showing `label`, with `more` attributes (a symbol's `aria-label`: what a screen reader says of it).
let private button' id handler label more =
    button ([ _id id; _class "button"; Live.on "click" handler ] @ more) [ str label ]

/// The page's content for a state: the first paint, and after every action.
let view (state: State) =
    section
        []
        [
            h1 [] [ str "Counter" ]
            p
                []
                [
                    str
                        "This page is written in F#; its handlers are pure functions of the state, and its view says what the page shows."
                ]
            div
                [ _class "counter" ]
                [
                    button' "decrement" decrement "−" [ attr "aria-label" "Decrement" ]
                    output [ _id "count" ] [ str (string state.Count) ]
                    button' "increment" increment "+" [ attr "aria-label" "Increment" ]
                ]
            button' "reset" reset "Reset" []
        ]

/// The counter page: `counter->increment`, `counter->decrement`, `counter->reset`.
let page =
    Page.create "counter" (fun _ -> { Count = 0 }) view
    |> Page.withTitle (fun state -> $"Counter: {state.Count}")
    |> Page.handle increment
    |> Page.handle decrement
    |> Page.handle reset
