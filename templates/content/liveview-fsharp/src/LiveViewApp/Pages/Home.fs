/// The home page: a counter. Its state is a number.
module LiveViewApp.Pages.Home

open Giraffe.ViewEngine
open LiveView

/// A handler returns the new state: the server renders the view and sends what changed.
let increment = Handler.named "increment" (fun count _ -> Reply.state (count + 1))

let decrement = Handler.named "decrement" (fun count _ -> Reply.state (count - 1))

let private view (count: int) =
    section
        []
        [
            h1 [] [ str "Hello, LiveView" ]
            p
                []
                [
                    str
                        "Each click goes to the server over the page's WebSocket; the page changes where the view says it does."
                ]
            div
                [ _class "counter" ]
                [
                    button [ _class "button"; attr "aria-label" "Decrement"; Live.on "click" decrement ] [ str "−" ]
                    output [ _id "count"; attr "aria-live" "polite" ] [ str (string count) ]
                    button [ _class "button"; attr "aria-label" "Increment"; Live.on "click" increment ] [ str "+" ]
                ]
        ]

/// The page: its name, its first state, its view and its handlers.
let page =
    Page.create "home" (fun _ -> 0) view
    |> Page.withTitle (fun _ -> "Home")
    |> Page.handle increment
    |> Page.handle decrement
