/// The example's layout: the standard pieces (the client's status elements, `#main`, the script), its keys on `<body>`.
module Snake.Layout

open Giraffe.ViewEngine
open LiveView

/// The game's icon, food on the board: an SVG in a data URL, so that no request asks for it.
let private favicon =
    "data:image/svg+xml,"
    + System.Uri.EscapeDataString
        "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'><rect width='32' height='32' rx='6' fill='#2f5d3a'/><circle cx='16' cy='16' r='7' fill='#d2452f'/></svg>"

let private styles =
    """
body { font-family: system-ui, sans-serif; margin: 0; color: #1d2330; background: #f7f8fa; }
.container { max-width: 52rem; margin: 0 auto; padding: 1rem; }
nav a { margin-right: 1rem; color: #3451b2; text-decoration: none; }
main { background: #fff; border-radius: .5rem; padding: 1rem 1.5rem; margin: 1rem 0; box-shadow: 0 1px 3px #0002; }
footer { color: #667; font-size: .9rem; }
.snake { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
.frame { width: min(100%, 26rem); aspect-ratio: 1; }
.board { display: block; width: 100%; height: 100%; background: #eef1e6; border: 2px solid #2f5d3a; border-radius: .3rem; shape-rendering: crispEdges; }
.board .body { fill: #3f8f4f; }
.board .head { fill: #1f5a2c; }
.board .food { fill: #d2452f; shape-rendering: geometricPrecision; }
.board.over .head { fill: #b3261e; }
aside { flex: 1; min-width: 14rem; }
aside h1 { font-size: 1.3rem; margin-top: 0; }
aside h2 { font-size: 1rem; margin-top: 1.5rem; }
.score { font-size: 1.4rem; margin-top: 0; }
#score { font-weight: bold; }
.button { display: inline-block; font-size: 1rem; padding: .5rem 1rem; border: 0; border-radius: .3rem; background: #3451b2; color: #fff; cursor: pointer; text-decoration: none; }
.games { list-style: none; padding: 0; }
.games li { padding: .2rem 0; }
.games li.you, .games li.watched { font-weight: bold; }
.muted { color: #667; }
.no-connection, #loading, .notification { position: fixed; padding: .4rem .9rem; border-radius: .3rem; color: #fff; }
.no-connection { top: .5rem; left: 50%; transform: translateX(-50%); background: #b3261e; }
#loading { top: .5rem; right: .5rem; background: #2f5d3a; }
.no-connection--hide, #loading[hidden] { display: none; }
.notifications .notification { position: static; background: #2f5d3a; }
.notifications { position: fixed; bottom: 1rem; right: 1rem; display: grid; gap: .5rem; }
"""

/// Wraps a page's content in the document. The game page's keys are bound on `<body>`: a key pressed anywhere on
/// the page reaches them, whatever has the focus (the New game button after a click, or nothing at all), and
/// `data-loading="false"` keeps the loading indicator away from the game's many small actions.
let page (context: LayoutContext) : XmlNode =
    let keys =
        if context.Page = GamePage.Name then
            [ _data "action" GamePage.keys; _data "loading" "false" ]
        else
            []

    // The standard pieces (docs/layouts.md), with `<body>` written here for its keys.
    html
        [ _lang context.Lang ]
        [
            Layout.head
                (context.Title + " · LiveView Snake")
                [ link [ _rel "icon"; _href favicon ]; style [] [ rawText styles ] ]
                context
            body
                keys
                [
                    yield! Layout.status
                    div
                        [ _class "container" ]
                        [
                            header [ _id "content-header" ] [ nav [] [ a [ _href "/" ] [ str "Play" ] ] ]
                            Layout.main context
                            footer [ _id "content-footer" ] [ str "Made with LiveView for .NET, in F#" ]
                        ]
                    context.ClientScript
                ]
        ]
