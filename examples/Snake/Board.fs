/// The board as inline SVG, one unit per cell: the game page and the watch page both show it. It is always the same
/// three shapes (a path for the body, a square for the head, a dot for the food; on a board with nothing to show, or
/// no food left, they have no size), so that a step changes only their attributes: that is all the view sends, and
/// the browser never has to parse SVG shapes out of their context.
[<RequireQualifiedAccess>]
module Snake.Board

open Giraffe.ViewEngine

/// The id of the element that holds the board, as a selector.
[<Literal>]
let Selector = "#board"

let private square (cell: Cell) = $"M{cell.X} {cell.Y}h1v1h-1z"

/// The board: `width` × `height` cells, the body's path, the head and the food (none: a shape of no size). The shapes
/// have the same attributes in the same order whatever the board shows, so a step only sets values.
let private svg width height (classes: string) (body: string) (head: Cell option) (food: Cell option) =
    let nowhere = { X = 0; Y = 0 }
    let headAt = head |> Option.defaultValue nowhere
    let foodAt = food |> Option.defaultValue nowhere

    tag
        "svg"
        [
            attr "viewBox" $"0 0 {width} {height}"
            _class classes
            // A picture to a screen reader; the score and the status say what happens in words.
            attr "role" "img"
            attr "aria-label" "The snake's board"
        ]
        [
            tag "path" [ _class "body"; attr "d" body ] []
            tag
                "rect"
                [
                    _class "head"
                    attr "x" (string headAt.X)
                    attr "y" (string headAt.Y)
                    attr "width" (if head.IsSome then "1" else "0")
                    attr "height" (if head.IsSome then "1" else "0")
                ]
                []
            tag
                "circle"
                [
                    _class "food"
                    attr "cx" $"{foodAt.X}.5"
                    attr "cy" $"{foodAt.Y}.5"
                    attr "r" (if food.IsSome then ".4" else "0")
                ]
                []
        ]

/// The board of `game`.
let view (game: Game) : XmlNode =
    svg
        game.Width
        game.Height
        (if Game.isPlaying game then "board" else "board over")
        (game.Body |> List.tail |> List.map square |> String.concat "")
        (Some(Game.head game))
        game.Food

/// An empty board of `width` × `height` (nothing to show yet).
let empty (width: int) (height: int) : XmlNode = svg width height "board" "" None None

/// The element that holds the board `board`.
let frame (board: XmlNode) : XmlNode =
    div [ _id (Selector.TrimStart '#'); _class "frame" ] [ board ]
