namespace LiveView.CSharp

open System
open Giraffe.ViewEngine
open LiveView

/// Layouts for C#: the pieces every layout needs (docs/layouts.md), and the standard layout made of them.
/// `LiveLayout.Document(page, page.Title + " · My site", [H.Style(...)], [.. LiveLayout.Status, nav, LiveLayout.Main(page)])`.
[<AbstractClass; Sealed>]
type LiveLayout =

    /// The layout of a page mapped without one (`app.MapLivePage("/", Home.Page)`): a complete document with the
    /// page's title, the client's status elements, `<main id="main">` and the client's script.
    static member Standard(context: LayoutContext) : XmlNode = Layout.standard context

    /// `<meta charset="utf-8">` and the viewport for phones: the first tags of a layout's `<head>`.
    static member Basics: XmlNode array = Array.ofList Layout.basics

    /// The `<head>` of a page: `Basics`, the document title `title`, the page's meta tags, then `extra`.
    static member Head(context: LayoutContext, title: string, [<ParamArray>] extra: XmlNode array) : XmlNode =
        Layout.head title (List.ofArray extra) context

    /// `#loading`, the indicator the client shows while an action waits for its answer, showing `content`.
    static member Loading([<ParamArray>] content: XmlNode array) : XmlNode = Layout.loading (List.ofArray content)

    /// `#notifications`, where the client puts its toasts.
    static member Notifications: XmlNode = Layout.notifications

    /// `#no_connection`, the banner the client shows while the socket is down, showing `content`.
    static member NoConnection([<ParamArray>] content: XmlNode array) : XmlNode =
        Layout.noConnection (List.ofArray content)

    /// The client's status elements with English texts: `Loading`, `Notifications` and `NoConnection`.
    static member Status: XmlNode array = Array.ofList Layout.status

    /// `<main id="main">` holding the page's view.
    static member Main(context: LayoutContext) : XmlNode = Layout.main context

    /// A whole document: `<html lang>`, `Head(context, title, head)`, and a `<body>` holding `body` then the client's
    /// `<script>` tag. `body` must hold `Main(context)` (and should hold `Status`).
    static member Document(context: LayoutContext, title: string, head: XmlNode array, body: XmlNode array) : XmlNode =
        Layout.document title (List.ofArray head) (List.ofArray body) context
