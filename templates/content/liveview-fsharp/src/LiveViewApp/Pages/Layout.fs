/// The document around every page. The LiveView client uses `#main` (the page's content), `#loading`,
/// `#notifications`, `#no_connection` and the client's script tag.
module LiveViewApp.Pages.Layout

open Giraffe.ViewEngine
open LiveView

let private styles =
    """
body { font-family: system-ui, sans-serif; margin: 0; color: #1d2330; background: #f7f8fa; }
.container { max-width: 40rem; margin: 2rem auto; padding: 1rem 1.5rem; background: #fff; border-radius: .5rem; box-shadow: 0 1px 3px #0002; }
.button { font-size: 1.2rem; padding: .4rem 1rem; border: 0; border-radius: .3rem; background: #3451b2; color: #fff; cursor: pointer; }
.counter { display: flex; gap: 1rem; align-items: center; }
#count { font-size: 2rem; min-width: 3rem; text-align: center; }
.no-connection { position: fixed; top: 0; left: 0; right: 0; padding: .5rem; text-align: center; background: #b3261e; color: #fff; }
.no-connection--hide { display: none; }
#loading { position: fixed; top: .5rem; right: .5rem; background: #1d2330; color: #fff; padding: .3rem .8rem; border-radius: 1rem; }
#loading[hidden] { display: none; }
.notifications { position: fixed; bottom: 1rem; right: 1rem; display: grid; gap: .5rem; }
.notification { padding: .6rem 1rem; border-radius: .3rem; background: #1d2330; color: #fff; }
.notification--error { background: #b3261e; }
"""

/// Wraps a page's content in the document.
let page (context: LayoutContext) : XmlNode =
    html
        [ _lang context.Lang ]
        [
            head
                []
                [
                    meta [ _charset "utf-8" ]
                    meta [ _name "viewport"; _content "width=device-width, initial-scale=1" ]
                    title [] [ str (context.Title + " · LiveViewApp") ]
                    yield! Layout.metaTags context
                    style [] [ rawText styles ]
                ]
            body
                []
                [
                    section [ _id "loading"; _hidden ] [ str "Loading…" ]
                    section [ _id "notifications"; _class "notifications"; attr "aria-live" "polite" ] []
                    section
                        [ _id "no_connection"; _class "no-connection no-connection--hide" ]
                        [ str "Connection lost. Reconnecting…" ]
                    main [ _id "main"; _class "container" ] [ context.Content ]
                    context.ClientScript
                ]
        ]
