namespace LiveView

open System.Runtime.InteropServices
open Giraffe.ViewEngine

/// A change of a stream: a list in the page whose items the server sends once and keeps no copy of (Phoenix
/// LiveView's streams). Its container is the element whose id is the stream's name, marked `data-liveview-stream`.
[<RequireQualifiedAccess>]
type StreamOp =
    /// Inserts `Item` (an element whose id is its key), or replaces the item of that key where it is. `At`: -1 the
    /// end, 0 the start, `i` before the item at `i`. `Limit` prunes from the other end: `n > 0` keeps the first `n`
    /// items, `n < 0` the last `-n`, 0 keeps all.
    | Insert of Key: string * Item: XmlNode * At: int * Limit: int
    /// Removes the item of that key.
    | Delete of Key: string
    /// Removes every item.
    | Reset

/// What patches carry, made ready when the patch is made (where a failure is the page's).
module internal PatchData =

    /// The web's defaults (camel case); the frames travel in a WebSocket, never in a page: `<` needs no escape.
    let private options =
        System.Text.Json.JsonSerializerOptions(
            System.Text.Json.JsonSerializerOptions.Web,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping
        )

    /// `payload` as JSON, with the web's defaults (camel case).
    let json (payload: obj) =
        System.Text.Json.JsonSerializer.Serialize(payload, options)

    /// `item` with the id `key`: how the client finds it again.
    let withKey (key: string) (item: XmlNode) =
        let put (attributes: XmlAttribute array) =
            Array.append
                [| KeyValue("id", key) |]
                (attributes
                 |> Array.filter (function
                     | KeyValue(name, _)
                     | Boolean name -> name <> "id"))

        match item with
        | ParentNode((tag, attributes), children) -> ParentNode((tag, put attributes), children)
        | VoidElement(tag, attributes) -> VoidElement(tag, put attributes)
        | Text _ -> invalidArg (nameof item) "A stream item must be an element (it gets its key as its id)."

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
    /// Send the event `Name` with `Payload` (JSON) to the page's hooks that handle it (`this.handleEvent(name,
    /// payload => ...)` in a hook; Phoenix LiveView's `push_event`); it is also dispatched on `window` as the DOM event
    /// `liveview:{name}`. Our client only.
    | PushEvent of Name: string * Payload: string
    /// Change the stream `Stream` (the id of its container).
    | Stream of Stream: string * Op: StreamOp

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

    /// Sends the event `name` with `payload` (written as JSON, with the web's defaults: camel case) to the page's hooks
    /// that handle it. A payload that cannot be written fails the fold that makes it.
    static member Event(name: string, payload: obj) = PushEvent(name, PatchData.json payload)

    /// Inserts `item` into the stream `stream` as the item `key` (its id), or replaces the item of that key where it
    /// is. `at`: -1 the end (the default), 0 the start, `i` before the item at `i`. `limit` prunes from the other end:
    /// `n > 0` keeps the first `n` items, `n < 0` the last `-n`, 0 (the default) keeps all.
    static member StreamInsert
        (
            stream: string,
            key: string,
            item: XmlNode,
            [<Optional; DefaultParameterValue(-1)>] at: int,
            [<Optional; DefaultParameterValue(0)>] limit: int
        ) =
        Stream(stream, StreamOp.Insert(key, PatchData.withKey key item, at, limit))

    /// Removes the item `key` from the stream `stream`.
    static member StreamDelete(stream: string, key: string) = Stream(stream, StreamOp.Delete key)

    /// Removes every item of the stream `stream`.
    static member StreamReset(stream: string) = Stream(stream, StreamOp.Reset)

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

    /// Sends the event `name` with `payload` (written as JSON, camel case) to the page's hooks that handle it. A
    /// payload that cannot be written fails the fold that makes it.
    let pushEvent (name: string) (payload: obj) = PushEvent(name, PatchData.json payload)

    /// Inserts `item` into the stream `stream` as the item `key` at `at` (-1 the end, 0 the start), pruning to `limit`
    /// (`n > 0` the first `n`, `n < 0` the last `-n`, 0 all); an item of that key is replaced where it is.
    let streamInsert (stream: string) (key: string) (item: XmlNode) (at: int) (limit: int) =
        Stream(stream, StreamOp.Insert(key, PatchData.withKey key item, at, limit))

    /// Appends `item` to the stream `stream` as the item `key` (or replaces the item of that key where it is).
    let streamAppend (stream: string) (key: string) (item: XmlNode) = streamInsert stream key item -1 0

    /// Prepends `item` to the stream `stream` as the item `key` (or replaces the item of that key where it is).
    let streamPrepend (stream: string) (key: string) (item: XmlNode) = streamInsert stream key item 0 0

    /// Removes the item `key` from the stream `stream`.
    let streamDelete (stream: string) (key: string) = Stream(stream, StreamOp.Delete key)

    /// Removes every item of the stream `stream`.
    let streamReset (stream: string) = Stream(stream, StreamOp.Reset)

    /// Shows `text` as a toast of `kind` (success, info, warning, error) in `#notifications` for the default 4 s;
    /// the arguments in the order of C#'s `Patch.Notify(text, kind)`.
    let notify (text: string) (kind: string) =
        Toast(kind, text, Protocol.NotificationTimeout)
