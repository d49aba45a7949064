/// The lobby: the running games, from the presence of `Topics.Games` (each game page tracks itself there with its
/// score), with a link to watch each.
[<RequireQualifiedAccess>]
module Snake.Lobby

open System
open System.Collections.Generic
open Giraffe.ViewEngine
open LiveView

/// One running game as the lobby shows it.
type Entry =
    {
        /// The game's id.
        Game: string
        /// Its score.
        Score: int
        /// True while its player has paused it.
        Paused: bool
    }

/// The id of the element that holds the lobby, as a selector.
[<Literal>]
let Selector = "#lobby"

/// What a game page says about itself in the presence list.
let meta (score: int) (paused: bool) : IReadOnlyDictionary<string, string> =
    readOnlyDict [ "score", string score; "status", (if paused then "paused" else "playing") ]

/// The games present in a presence list, best score first, then in the order they joined (one entry per game, with
/// its latest meta).
let entries (present: IReadOnlyList<Presence>) : Entry list =
    let read (presence: Presence) =
        let value key =
            match presence.Meta.TryGetValue key with
            | true, value -> value
            | _ -> ""

        {
            Game = presence.Key
            Score =
                match Int32.TryParse(value "score") with
                | true, score -> score
                | _ -> 0
            Paused = value "status" = "paused"
        }

    present
    |> Seq.map read
    |> Seq.rev
    |> Seq.distinctBy _.Game
    |> Seq.rev
    |> List.ofSeq
    |> List.sortByDescending _.Score

/// One game's item in the lobby: the entry, whether it is the game of the page showing it, whether that page watches it.
let private item (entry: Entry, you: bool, watched: bool) =
    li
        [
            // Keyed: when the scores reorder the games, their items move.
            Live.key entry.Game
            _data "game" entry.Game
            if you then
                _class "you"
            if watched then
                _class "watched"
        ]
        [
            a [ _href $"/watch/{entry.Game}"; _target "_blank" ] [ str entry.Game ]
            str (if you then " (you) " else " ")
            span [ _class "score" ] [ str $"{entry.Score} points" ]
            if entry.Paused then
                span [ _class "muted" ] [ str " · paused" ]
        ]

/// The lobby's content for the entries heard (none yet: `None`); `mine` is the game of the page showing it (marked
/// "you"), `watched` the one it watches. The games are a list (`Live.each`): a game's item is rendered again only when
/// its entry, or whether it is yours or watched, changed.
let view (mine: string option) (watched: string option) (entries: Entry list option) : XmlNode =
    match entries with
    | None -> p [ _class "muted" ] [ str "Looking for running games…" ]
    | Some [] -> p [ _class "muted" ] [ str "No game is running." ]
    | Some entries ->
        ul [ _class "games" ] []
        |> Live.each
            (fun (entry: Entry, _, _) -> entry.Game)
            item
            [
                for entry in entries -> entry, mine = Some entry.Game, watched = Some entry.Game
            ]
