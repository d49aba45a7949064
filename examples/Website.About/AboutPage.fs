/// The Website's about page, in F#: the same host serves it beside the C# pages.
module Website.About.AboutPage

open System
open Giraffe.ViewEngine
open LiveView

/// How many times the visitor asked for the team: the page's only state.
type State = { Waves: int }

let private view (text: string -> string) (state: State) =
    section
        []
        [
            h1 [] [ str (text "About.Title") ]
            p [] [ str (text "About.Body") ]
            button [ _id "wave"; _class "button"; _data "action" "click->about#wave" ] [ str "👋" ]
            output [ _id "waves" ] [ str (string state.Waves) ]
        ]

/// The page, with its texts from `text` (the site's localized texts, so the F# page speaks both languages).
let create (text: Func<string, string>) =
    let text = text.Invoke

    Page.create "about" (fun _ -> { Waves = 0 }) (view text)
    |> Page.withTitle (fun _ -> text "About.Title")
    |> Page.withMeta (fun _ -> [ "description", text "About.Description"; "og:title", text "About.Title" ])
    |> Page.on "wave" (fun state _ ->
        let state = { state with Waves = state.Waves + 1 }
        Reply.ok state [ Patch.text "#waves" (string state.Waves) ])
