namespace LiveView.CSharp

open System
open System.Net
open System.Runtime.CompilerServices
open Giraffe.ViewEngine
open LiveView

/// Attributes as C# views set them: values HTML-encoded (Giraffe keeps them encoded), one of each name.
module internal Attributes =

    /// The name of `attribute`.
    let nameOf (attribute: XmlAttribute) =
        match attribute with
        | KeyValue(key, _)
        | Boolean key -> key

    /// True when `attribute` (null: none) is named `name`.
    let named (name: string) (attribute: XmlAttribute | null) =
        match attribute with
        | null -> false
        | attribute -> String.Equals(nameOf attribute, name)

    /// The first of `attributes` named `name`, or null.
    let find (name: string) (attributes: XmlAttribute array) : XmlAttribute | null =
        let mutable found = null

        for attribute in attributes do
            if isNull found && named name attribute then
                found <- attribute

        found

    /// `attributes` with `attribute` in place of those of its name, after the others.
    let replacing (attributes: XmlAttribute array) (attribute: XmlAttribute) =
        let name = nameOf attribute
        Array.append (attributes |> Array.filter (fun a -> not (String.Equals(nameOf a, name)))) [| attribute |]

    /// The attribute `name` set to `value`, HTML-encoded.
    let text (name: string) (value: string) = KeyValue(name, Encoded.text value)

    /// `data-action` set to `descriptor`, e.g. `click->home#randomNumber`.
    let action (descriptor: string) =
        KeyValue("data-action", Encoded.descriptor descriptor)

    /// `data-action` binding `eventName` to the page's handler `handler` (a method registered with `.On(method)`), after
    /// the bindings of `bound`, the element's `data-action` (null: none).
    let binding (bound: XmlAttribute | null) (eventName: string) (handler: Delegate) =
        let binding = Binding.descriptor eventName (Handler.nameOf handler.Method.Name)

        match bound with
        // Giraffe keeps attribute values encoded.
        | KeyValue(_, before) -> action $"{WebUtility.HtmlDecode before} {binding}"
        | _ -> action binding

/// An element a C# view writes: `H.Button("Go")` makes one, `.Id("go").Class("primary")` set its attributes, and it
/// becomes a Giraffe.ViewEngine node wherever one is expected (a parent's child, a view's result, a patch). A value:
/// setting an attribute returns a new element, and the one it was set on is unchanged. Its first four attributes are
/// held in the value itself, so that setting them makes no node, no array and no copy of either: the node is made once,
/// when the element becomes one (a view renders at every update).
[<Struct; IsReadOnly; NoEquality; NoComparison>]
type Element =
    /// Null only in `default(Element)`, an element never made.
    val private tag: string | null
    /// Null for a void element.
    val private children: XmlNode list | null
    val private a0: XmlAttribute | null
    val private a1: XmlAttribute | null
    val private a2: XmlAttribute | null
    val private a3: XmlAttribute | null
    /// The attributes after the first four.
    val private more: XmlAttribute array | null
    val private count: int

    private new(tag, children, a0, a1, a2, a3, more, count) =
        {
            tag = tag
            children = children
            a0 = a0
            a1 = a1
            a2 = a2
            a3 = a3
            more = more
            count = count
        }

    /// The element `tag` holding `children` (null: a void element, such as `input`), with no attributes.
    static member internal Of(tag: string, children: XmlNode list | null) =
        Element(tag, children, null, null, null, null, null, 0)

    /// The element `tag` holding `children` with `attributes`.
    static member private Of(tag, children: XmlNode list | null, attributes: XmlAttribute array) =
        let at i : XmlAttribute | null =
            if i < attributes.Length then attributes[i] else null

        Element(
            tag,
            children,
            at 0,
            at 1,
            at 2,
            at 3,
            (if attributes.Length > 4 then attributes[4..] else null),
            attributes.Length
        )

    /// The element `node` is, to set its attributes (`NodeExtensions`): a text has none.
    static member internal From(node: XmlNode) =
        match node with
        | ParentNode((tag, attributes), children) -> Element.Of(tag, children, attributes)
        | VoidElement(tag, attributes) -> Element.Of(tag, null, attributes)
        | Text _ -> invalidArg (nameof node) "A text node has no attributes; put it inside an element."

    /// Its attributes, in the order they were set.
    member private x.Attributes: XmlAttribute array =
        match x.count with
        | 0 -> Array.Empty()
        | count ->
            let attributes = Array.zeroCreate count
            attributes[0] <- nonNull x.a0

            if count > 1 then
                attributes[1] <- nonNull x.a1

            if count > 2 then
                attributes[2] <- nonNull x.a2

            if count > 3 then
                attributes[3] <- nonNull x.a3

            if count > 4 then
                Array.blit (nonNull x.more) 0 attributes 4 (count - 4)

            attributes

    /// The attribute `name`, if it is set (else null).
    member private x.Find(name: string) : XmlAttribute | null =
        if Attributes.named name x.a0 then
            x.a0
        elif Attributes.named name x.a1 then
            x.a1
        elif Attributes.named name x.a2 then
            x.a2
        elif Attributes.named name x.a3 then
            x.a3
        else
            match x.more with
            | null -> null
            | more -> Attributes.find name more

    /// Fails for an element never made.
    static member private NeverMade() =
        invalidOp "This element was never made (`default(Element)`): make elements with `H`."

    /// The element with `attribute` set: added at the end, or, when one of its name is there, in place of it (last).
    member private x.With(attribute: XmlAttribute) : Element =
        match x.tag with
        | null -> Element.NeverMade()
        | tag when not (isNull (x.Find(Attributes.nameOf attribute))) ->
            Element.Of(tag, x.children, Attributes.replacing x.Attributes attribute)
        | tag ->
            let children, a0, a1, a2, a3 = x.children, x.a0, x.a1, x.a2, x.a3

            match x.count with
            | 0 -> Element(tag, children, attribute, null, null, null, null, 1)
            | 1 -> Element(tag, children, a0, attribute, null, null, null, 2)
            | 2 -> Element(tag, children, a0, a1, attribute, null, null, 3)
            | 3 -> Element(tag, children, a0, a1, a2, attribute, null, 4)
            | count ->
                let more =
                    match x.more with
                    | null -> [| attribute |]
                    | more -> Array.append more [| attribute |]

                Element(tag, children, a0, a1, a2, a3, more, count + 1)

    /// The Giraffe.ViewEngine node of the element.
    member x.Node: XmlNode =
        match x.tag, x.children with
        | null, _ -> Element.NeverMade()
        | tag, null -> VoidElement(tag, x.Attributes)
        | tag, children -> ParentNode((tag, x.Attributes), children)

    /// The element's node (`Node`): an element goes wherever a node does.
    static member op_Implicit(element: Element) : XmlNode = element.Node

    /// Sets the attribute `name` to `value` (HTML-encoded).
    member x.Attr(name: string, value: string) = x.With(Attributes.text name value)

    /// Sets the boolean attribute `name` (e.g. `disabled`, `checked`).
    member x.Flag(name: string) = x.With(flag name)

    /// Sets `id`.
    member x.Id(id: string) = x.Attr("id", id)

    /// Sets `class`.
    member x.Class(classes: string) = x.Attr("class", classes)

    /// Sets `href`.
    member x.Href(url: string) = x.Attr("href", url)

    /// Sets `name` (form fields).
    member x.Name(name: string) = x.Attr("name", name)

    /// Sets `value` (form fields).
    member x.Value(value: string) = x.Attr("value", value)

    /// Sets `type` (inputs, buttons).
    member x.Type(kind: string) = x.Attr("type", kind)

    /// Sets the attribute `data-{key}`; the client sends it in the action's `data`.
    member x.Data(key: string, value: string) = x.Attr("data-" + key, value)

    /// Sets `data-action`, e.g. `click->home#randomNumber` (sends `home->random_number` on click).
    member x.Action(descriptor: string) = x.With(Attributes.action descriptor)

    /// Binds the DOM event `eventName` to the page's handler `handler`, a method registered with `.On(method)`
    /// (`data-action="click->counter#increment"`); bindings of other events of the element stay
    /// (`.On("input", Search).On("submit", Send)`). Rendering fails if the page has not registered it.
    member x.On(eventName: string, handler: Delegate) =
        x.With(Attributes.binding (x.Find "data-action") eventName handler)

    /// Gives the element's content to the page's scripts (maps, editors): the view never changes it.
    member x.Ignore() = x.With Live.ignore

    /// Makes the element the container of a stream whose name is the element's id (`Patch.StreamInsert`).
    member x.Stream() = x.With Live.stream

    /// Names the element's hook, the JavaScript object registered as `LiveView.hooks.{name}`.
    member x.Hook(name: string) = x.With(Live.hook name)

    /// The element's key among its siblings: a keyed child that moves is moved, not rebuilt.
    member x.Key(key: string) = x.With(Live.key key)

    /// Fills the element (which has no children) with `view(item)` for each of `items`, in order: a list kept between
    /// renders. An item equal to the one the last render showed under the same key (`key(item)`) is not rendered
    /// again: its nodes and tree are reused, and the diff passes by what did not change, so that an update renders what
    /// changed rather than every row (a comparison of references per row remains). `view` must render an element
    /// (give it the item's key as `Id` or `Key`, so that the client moves it rather than rebuilding it) and show the
    /// item and nothing else, as for `H.Memo`. `H.Tbody().Each(people, person => person.Id, Row)`.
    member x.Each<'T, 'K when 'K: not null>(items: seq<'T>, key: Func<'T, 'K>, view: Func<'T, XmlNode>) : XmlNode =
        ViewMemo.List(x.Node, items, key.Invoke, view.Invoke, view)
