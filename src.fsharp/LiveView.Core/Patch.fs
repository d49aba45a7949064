namespace LiveView

open Giraffe.ViewEngine

/// One change the browser applies to the page. The host turns a list of patches into wire frames
/// (Django LiveView v1 fields: `selector`, `html`, `append`, `scroll`, `scrollTop`, `url`, `title`).
type Patch =
    /// Put `Nodes` into the element matching `Selector`, replacing its content or appending to it.
    | Swap of Selector: string * Nodes: XmlNode list * Append: bool
    /// Remove the element matching the selector.
    | Delete of Selector: string
    /// The page's view changed (made by the runtime after a fold, never by hand): our client applies
    /// `Update.Changes` to `#main`; a Django LiveView v1 client gets the new content of the elements with an id that
    /// cover them (`ViewCover.patches`).
    | Changes of Update: ViewUpdate
    /// Scroll the element matching the selector into view.
    | ScrollInto of Selector: string
    /// Scroll to the top of the page.
    | ScrollToTop
    /// Push a new URL onto the browser history (no reload).
    | PushUrl of Url: string
    /// Set the document title.
    | SetTitle of Title: string
    /// Set `<meta>` tags of the document's head: `description`, `og:title`... (names starting with `og:` are
    /// written as `property`, others as `name`).
    | SetMeta of Meta: (string * string) list
    /// Show a toast in `#notifications` that dismisses itself after `Timeout` milliseconds. `Kind` is a CSS
    /// modifier (`success`, `info`, `warning`, `error`): the toast gets `notification notification--{kind}`.
    | Toast of Kind: string * Text: string * Timeout: int
    /// Send the event `Name` with `Payload` (written as JSON) to the page's hooks that handle it
    /// (`this.handleEvent(name, payload => ...)` in a hook; Phoenix LiveView's `push_event`); it is also dispatched on
    /// `window` as the DOM event `liveview:{name}`. Our client only.
    | PushEvent of Name: string * Payload: obj

    /// Replaces the content of `selector` with `nodes`.
    static member Html(selector: string, [<System.ParamArray>] nodes: XmlNode array) =
        Swap(selector, List.ofArray nodes, false)

    /// Replaces the content of `selector` with `text`, HTML-encoded.
    static member Html(selector: string, text: string) =
        Swap(selector, [ HtmlElements.encodedText text ], false)

    /// Appends `nodes` to the content of `selector`.
    static member Append(selector: string, [<System.ParamArray>] nodes: XmlNode array) =
        Swap(selector, List.ofArray nodes, true)

    /// Removes the element matching `selector`.
    static member Remove(selector: string) = Delete selector

    /// Scrolls the element matching `selector` into view.
    static member ScrollTo(selector: string) = ScrollInto selector

    /// Scrolls to the top of the page.
    static member ScrollTop = ScrollToTop

    /// Pushes `url` onto the browser history.
    static member Url(url: string) = PushUrl url

    /// Sets the document title.
    static member Title(title: string) = SetTitle title

    /// Shows a toast in `#notifications` (`kind`: success, info, warning, error) for `timeout` milliseconds.
    static member Notify(text: string, kind: string, timeout: int) = Toast(kind, text, timeout)

    /// Shows a toast of `kind` (success, info, warning, error) in `#notifications` for 4 seconds.
    static member Notify(text: string, kind: string) =
        Toast(kind, text, Protocol.NotificationTimeout)

    /// Shows an `info` toast in `#notifications` for 4 seconds.
    static member Notify(text: string) =
        Toast("info", text, Protocol.NotificationTimeout)

    /// Sends the event `name` with `payload` (written as JSON) to the page's hooks that handle it.
    static member Event(name: string, payload: obj) = PushEvent(name, payload)

    /// Sets `<meta>` tags of the document's head (`description`, `og:title`...).
    static member Meta
        (meta: System.Collections.Generic.IEnumerable<System.Collections.Generic.KeyValuePair<string, string>>)
        =
        SetMeta [ for pair in meta -> pair.Key, pair.Value ]

/// Patch constructors for F# pipelines.
[<RequireQualifiedAccess>]
module Patch =

    /// Replaces the content of `selector` with `node`.
    let html (selector: string) (node: XmlNode) = Swap(selector, [ node ], false)

    /// Replaces the content of `selector` with `nodes`.
    let htmlMany (selector: string) (nodes: XmlNode list) = Swap(selector, nodes, false)

    /// Replaces the content of `selector` with `text`, HTML-encoded.
    let text (selector: string) (text: string) =
        Swap(selector, [ HtmlElements.encodedText text ], false)

    /// Appends `node` to the content of `selector`.
    let append (selector: string) (node: XmlNode) = Swap(selector, [ node ], true)

    /// Removes the element matching `selector`.
    let remove (selector: string) = Delete selector

    /// Scrolls the element matching `selector` into view.
    let scrollTo (selector: string) = ScrollInto selector

    /// Scrolls to the top of the page.
    let scrollTop = ScrollToTop

    /// Pushes `url` onto the browser history.
    let url (url: string) = PushUrl url

    /// Sets the document title.
    let title (title: string) = SetTitle title

    /// Sets `<meta>` tags of the document's head (`description`, `og:title`...).
    let meta (meta: (string * string) list) = SetMeta meta

    /// Sends the event `name` with `payload` (written as JSON) to the page's hooks that handle it.
    let pushEvent (name: string) (payload: obj) = PushEvent(name, payload)

    /// Shows `text` as a toast of `kind` (success, info, warning, error) in `#notifications` for the default 4 s;
    /// the arguments in the order of C#'s `Patch.Notify(text, kind)`.
    let notify (text: string) (kind: string) =
        Toast(kind, text, Protocol.NotificationTimeout)
