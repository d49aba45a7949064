namespace LiveView

open Giraffe.ViewEngine

/// The attributes a view uses to talk to the runtime and the client: `button [ Live.on "click" increment ] [ ... ]`.
[<RequireQualifiedAccess>]
module Live =

    /// Binds the DOM event `event` to `handler` of the page (`data-action="click->counter#increment"`). Rendering fails
    /// if the page has not registered it (`Page.handle`).
    let on (event: string) (handler: Handler<'S>) : XmlAttribute = Binding.attribute event handler.Name

    /// Binds several DOM events of one element, each to a handler of the page: `Live.onEach [ "input", search;
    /// "submit", send ]` (an element has one `data-action`).
    let onEach (bindings: (string * Handler<'S>) list) : XmlAttribute =
        bindings
        |> List.map (fun (event, handler) -> Binding.descriptor event handler.Name)
        |> String.concat " "
        |> attr "data-action"

    /// Gives the element's content to the page's scripts (maps, editors): the view never changes it.
    let ignore: XmlAttribute = flag ViewTree.IgnoreAttribute

    /// Makes the element the container of a stream whose name is the element's id (`Patch.streamAppend`).
    let stream: XmlAttribute = flag ViewTree.StreamAttribute

    /// Names the element's hook: the JavaScript object registered as `LiveView.hooks.{name}` is told when the element
    /// is added, updated and removed.
    let hook (name: string) : XmlAttribute = attr "data-liveview-hook" name

    /// The element's key among its siblings: a keyed child that moves is moved, not rebuilt (an `id` serves too).
    let key (key: string) : XmlAttribute = attr "data-key" key

    /// A part of the view kept between renders: `Live.memo row viewRow` is `viewRow row`, rendered again only when the
    /// last render had no `viewRow` part with a key equal to `row` (then its nodes and their tree are reused, and the
    /// diff passes them by). `view` must show its key and nothing else: what it reads besides (a captured variable, the
    /// clock) does not render it again. For long lists: `rows |> List.map (fun row -> Live.memo row viewRow)`.
    let memo (key: 'K) (view: 'K -> XmlNode) : XmlNode = ViewMemo.Part(key, view)

    /// `container` (an element with no children) holding `view item` for each of `items`, in order: a list kept between
    /// renders. An item equal to the one the last render showed under the same key (`key item`) is not rendered again:
    /// its nodes and tree are reused, and the diff passes by what did not change, so that an update renders what
    /// changed rather than every row (a comparison of references per row remains). `view` must render an element (give
    /// it the item's key as `id` or `Live.key`, so that the client moves it rather than rebuilding it) and show the
    /// item and nothing else, as for `memo`. `tbody [] [] |> Live.each (fun person -> person.Id) row people`.
    let each (key: 'T -> 'K) (view: 'T -> XmlNode) (items: 'T seq) (container: XmlNode) : XmlNode =
        ViewMemo.List(container, items, key, view, view)
