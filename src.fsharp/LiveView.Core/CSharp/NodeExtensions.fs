namespace LiveView.CSharp

open System
open System.Runtime.CompilerServices
open Giraffe.ViewEngine
open LiveView

/// `Element`'s methods for nodes that are not an `Element` (`H.Memo`'s, a list's, F#'s), as extension methods: each
/// returns a new node, the element the node is with the attribute set (`Element.From`).
[<Extension; AbstractClass; Sealed>]
type NodeExtensions =

    /// `Element.Attr`.
    [<Extension>]
    static member Attr(node: XmlNode, name: string, value: string) =
        Element.From(node).Attr(name, value).Node

    /// `Element.Flag`.
    [<Extension>]
    static member Flag(node: XmlNode, name: string) = Element.From(node).Flag(name).Node

    /// `Element.Id`.
    [<Extension>]
    static member Id(node: XmlNode, id: string) = Element.From(node).Id(id).Node

    /// `Element.Class`.
    [<Extension>]
    static member Class(node: XmlNode, classes: string) = Element.From(node).Class(classes).Node

    /// `Element.Href`.
    [<Extension>]
    static member Href(node: XmlNode, url: string) = Element.From(node).Href(url).Node

    /// `Element.Name`.
    [<Extension>]
    static member Name(node: XmlNode, name: string) = Element.From(node).Name(name).Node

    /// `Element.Value`.
    [<Extension>]
    static member Value(node: XmlNode, value: string) = Element.From(node).Value(value).Node

    /// `Element.Type`.
    [<Extension>]
    static member Type(node: XmlNode, kind: string) = Element.From(node).Type(kind).Node

    /// `Element.Data`.
    [<Extension>]
    static member Data(node: XmlNode, key: string, value: string) =
        Element.From(node).Data(key, value).Node

    /// `Element.Action`.
    [<Extension>]
    static member Action(node: XmlNode, descriptor: string) =
        Element.From(node).Action(descriptor).Node

    /// `Element.On`.
    [<Extension>]
    static member On(node: XmlNode, eventName: string, handler: Delegate) =
        Element.From(node).On(eventName, handler).Node

    /// `Element.Ignore`.
    [<Extension>]
    static member Ignore(node: XmlNode) = Element.From(node).Ignore().Node

    /// `Element.Stream`.
    [<Extension>]
    static member Stream(node: XmlNode) = Element.From(node).Stream().Node

    /// `Element.Hook`.
    [<Extension>]
    static member Hook(node: XmlNode, name: string) = Element.From(node).Hook(name).Node

    /// `Element.Key`.
    [<Extension>]
    static member Key(node: XmlNode, key: string) = Element.From(node).Key(key).Node

    /// `Element.Each`.
    [<Extension>]
    static member Each<'T, 'K when 'K: not null>
        (node: XmlNode, items: seq<'T>, key: Func<'T, 'K>, view: Func<'T, XmlNode>)
        =
        ViewMemo.List(node, items, key.Invoke, view.Invoke, view)
