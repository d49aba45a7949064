/// The Website's about page, in F#: the same host serves it beside the C# pages.
module Website.About.AboutPage

open System
open Giraffe.ViewEngine
open LiveView

/// How many times the visitor asked for the team: the page's only state.
type State = { Waves: int }

/// `about->wave`: one more wave. It returns only the new state: the view shows the count.
let wave =
    Handler.named "wave" (fun state _ -> Reply.state { state with Waves = state.Waves + 1 })

let private view (text: string -> string) (state: State) =
    section
        []
        [
            h1 [] [ str (text "About.Title") ]
            p [] [ str (text "About.Body") ]
            button [ _id "wave"; _class "button"; Live.on "click" wave ] [ str "👋" ]
            output [ _id "waves" ] [ str (string state.Waves) ]
        ]

/// The page, with its texts from `text` (the site's localized texts, so the F# page speaks both languages).
let create (text: Func<string, string>) =
    let text = text.Invoke

    Page.create "about" (fun _ -> { Waves = 0 }) (view text)
    |> Page.withTitle (fun _ -> text "About.Title")
    |> Page.withMeta (fun _ -> [ "description", text "About.Description"; "og:title", text "About.Title" ])
    |> Page.handle wave
