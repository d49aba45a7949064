namespace LiveView.CSharp

open System
open System.Runtime.CompilerServices
open Giraffe.ViewEngine
open LiveView

/// Attributes for C#, as extension methods on nodes that are not an `Element` (`H.Memo`'s, a list's, F#'s): the same
/// methods as `Element`'s. Each returns a new node; setting an attribute that is already there replaces it.
[<Extension; AbstractClass; Sealed>]
type NodeExtensions =

    static member private With(node: XmlNode, attribute: XmlAttribute) =
        match node with
        | ParentNode((tag, attributes), children) -> ParentNode((tag, Attributes.put attributes attribute), children)
        | VoidElement(tag, attributes) -> VoidElement(tag, Attributes.put attributes attribute)
        | Text _ -> invalidArg (nameof node) "A text node has no attributes; put it inside an element."

    /// Sets the attribute `name` to `value` (HTML-encoded).
    [<Extension>]
    static member Attr(node: XmlNode, name: string, value: string) =
        NodeExtensions.With(node, Attributes.text name value)

    /// Sets the boolean attribute `name` (e.g. `disabled`, `checked`).
    [<Extension>]
    static member Flag(node: XmlNode, name: string) = NodeExtensions.With(node, flag name)

    /// Sets `id`.
    [<Extension>]
    static member Id(node: XmlNode, id: string) = NodeExtensions.Attr(node, "id", id)

    /// Sets `class`.
    [<Extension>]
    static member Class(node: XmlNode, classes: string) =
        NodeExtensions.Attr(node, "class", classes)

    /// Sets `href`.
    [<Extension>]
    static member Href(node: XmlNode, url: string) = NodeExtensions.Attr(node, "href", url)

    /// Sets `name` (form fields).
    [<Extension>]
    static member Name(node: XmlNode, name: string) = NodeExtensions.Attr(node, "name", name)

    /// Sets `value` (form fields).
    [<Extension>]
    static member Value(node: XmlNode, value: string) =
        NodeExtensions.Attr(node, "value", value)

    /// Sets `type` (inputs, buttons).
    [<Extension>]
    static member Type(node: XmlNode, kind: string) = NodeExtensions.Attr(node, "type", kind)

    /// Sets the attribute `data-{key}`; the client sends it in the action's `data`.
    [<Extension>]
    static member Data(node: XmlNode, key: string, value: string) =
        NodeExtensions.Attr(node, "data-" + key, value)

    /// Sets `data-action`, e.g. `click->home#randomNumber` (sends `home->random_number` on click).
    [<Extension>]
    static member Action(node: XmlNode, descriptor: string) =
        NodeExtensions.With(node, Attributes.action descriptor)

    /// Binds the DOM event `eventName` to the page's handler `handler`, a method registered with `.On(method)`
    /// (`data-action="click->counter#increment"`); bindings of other events of the element stay
    /// (`.On("input", Search).On("submit", Send)`). Rendering fails if the page has not registered it.
    [<Extension>]
    static member On(node: XmlNode, eventName: string, handler: System.Delegate) =
        let attributes =
            match node with
            | ParentNode((_, attributes), _)
            | VoidElement(_, attributes) -> attributes
            | Text _ -> [||]

        NodeExtensions.With(node, Attributes.binding attributes eventName handler)

    /// Gives the element's content to the page's scripts (maps, editors): the view never changes it.
    [<Extension>]
    static member Ignore(node: XmlNode) = NodeExtensions.With(node, Live.ignore)

    /// Makes the element the container of a stream whose name is the element's id (`Patch.StreamInsert`).
    [<Extension>]
    static member Stream(node: XmlNode) = NodeExtensions.With(node, Live.stream)

    /// Names the element's hook, the JavaScript object registered as `LiveView.hooks.{name}`.
    [<Extension>]
    static member Hook(node: XmlNode, name: string) =
        NodeExtensions.With(node, Live.hook name)

    /// The element's key among its siblings: a keyed child that moves is moved, not rebuilt.
    [<Extension>]
    static member Key(node: XmlNode, key: string) = NodeExtensions.With(node, Live.key key)

    /// Fills the element (which has no children) with `view(item)` for each of `items`, in order: a list kept between
    /// renders. An item equal to the one the last render showed under the same key (`key(item)`) is not rendered
    /// again: its nodes and tree are reused, and the diff passes by what did not change, so that an update renders what
    /// changed rather than every row (a comparison of references per row remains). `view` must render an element
    /// (give it the item's key as `Id` or `Key`, so that the client moves it rather than rebuilding it) and show the
    /// item and nothing else, as for `H.Memo`. `H.Tbody().Each(people, person => person.Id, Row)`.
    [<Extension>]
    static member Each<'T, 'K when 'K: not null>
        (node: XmlNode, items: seq<'T>, key: Func<'T, 'K>, view: Func<'T, XmlNode>)
        =
        ViewMemo.List(node, items, key.Invoke, view.Invoke, view)
