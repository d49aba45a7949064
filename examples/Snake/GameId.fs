/// A game's id: what its watch page's URL names (`/watch/{id}`).
[<RequireQualifiedAccess>]
module Snake.GameId

open System

/// Letters and digits that cannot be mistaken for one another (no 0/o, 1/l).
let private alphabet = "abcdefghijkmnpqrstuvwxyz23456789"

/// The length of an id.
[<Literal>]
let Length = 8

/// A new id drawn with `random`.
let draw (random: Random) =
    String(Array.init Length (fun _ -> alphabet[random.Next alphabet.Length]))

/// True when `text` has the shape of an id (anything else names no game).
let isValid (text: string | null) =
    match text with
    | null -> false
    | text -> text.Length = Length && String.forall (fun c -> alphabet.Contains c) text
