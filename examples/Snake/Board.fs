/// The board as inline SVG, one unit per cell: the game page and the watch page both show it, and the game page sends
/// it again after every step, so it stays small (a path for the body, a square for the head, a dot for the food).
[<RequireQualifiedAccess>]
module Snake.Board

open Giraffe.ViewEngine

/// The id of the element the board goes into (`Patch.html "#board"`).
[<Literal>]
let Selector = "#board"

let private square (cell: Cell) = $"M{cell.X} {cell.Y}h1v1h-1z"

let private svg (width: int) (height: int) (classes: string) (children: XmlNode list) =
    tag "svg" [ attr "viewBox" $"0 0 {width} {height}"; _class classes ] children

/// The board of `game`.
let view (game: Game) : XmlNode =
    let head = Game.head game

    svg
        game.Width
        game.Height
        (if Game.isPlaying game then "board" else "board over")
        [
            tag
                "path"
                [
                    _class "body"
                    attr "d" (game.Body |> List.tail |> List.map square |> String.concat "")
                ]
                []
            tag
                "rect"
                [
                    _class "head"
                    attr "x" (string head.X)
                    attr "y" (string head.Y)
                    attr "width" "1"
                    attr "height" "1"
                ]
                []
            match game.Food with
            | Some food ->
                tag
                    "circle"
                    [
                        _class "food"
                        attr "cx" $"{food.X}.5"
                        attr "cy" $"{food.Y}.5"
                        attr "r" ".4"
                    ]
                    []
            | None -> ()
        ]

/// An empty board of `width` × `height` (nothing to show yet).
let empty (width: int) (height: int) : XmlNode = svg width height "board" []

/// The element the board is patched into, holding `board`.
let frame (board: XmlNode) : XmlNode =
    div [ _id (Selector.TrimStart '#'); _class "frame" ] [ board ]
