namespace LiveView.CSharp

open System
open Giraffe.ViewEngine
open LiveView

/// HTML for C#: `H.Div(H.Button("Random number").Action("click->home#randomNumber"), H.H2("").Id("output"))`.
/// Every element takes child nodes or a text (HTML-encoded) and is an `Element`, whose methods set its attributes and
/// which becomes the same Giraffe.ViewEngine node F# pages use wherever a node is expected.
[<AbstractClass; Sealed>]
type H =

    /// The element `tag` with `children`.
    static member Element(tag: string, [<ParamArray>] children: XmlNode array) : Element =
        Element.Of(tag, List.ofArray children)

    /// The element `tag` holding `text`, HTML-encoded.
    static member Element(tag: string, text: string) : Element =
        Element.Of(tag, [ XmlNode.Text(Encoded.text text) ])

    /// The void element `tag` (no children, no closing tag), such as `input`.
    static member Void(tag: string) : Element = Element.Of(tag, null)

    /// A text node, HTML-encoded.
    static member Text(text: string) = XmlNode.Text(Encoded.text text)

    /// Markup written as is, not encoded: never pass it text that came from a user.
    static member Raw(html: string) = HtmlElements.rawText html

    /// A part of the view kept between renders: `H.Memo(row, Row)` is `Row(row)`, rendered again only when the last
    /// render had no `Row` part with a key equal to `row` (then its nodes and their tree are reused, and the diff passes
    /// them by). `view` must show its key and nothing else: what it reads besides (a captured variable, the clock) does
    /// not render it again. For long lists: `H.Ul([.. rows.Select(row => H.Memo(row, Row))])`.
    static member Memo<'K>(key: 'K, view: Func<'K, XmlNode>) : XmlNode = ViewMemo.PartFunc(key, view)

    /// `<html>` with children.
    static member Html([<ParamArray>] children: XmlNode array) = H.Element("html", children)

    /// `<html>` holding a text.
    static member Html(text: string) = H.Element("html", text)

    /// `<head>` with children.
    static member Head([<ParamArray>] children: XmlNode array) = H.Element("head", children)

    /// `<head>` holding a text.
    static member Head(text: string) = H.Element("head", text)

    /// `<body>` with children.
    static member Body([<ParamArray>] children: XmlNode array) = H.Element("body", children)

    /// `<body>` holding a text.
    static member Body(text: string) = H.Element("body", text)

    /// `<title>` with children.
    static member Title([<ParamArray>] children: XmlNode array) = H.Element("title", children)

    /// `<title>` holding a text.
    static member Title(text: string) = H.Element("title", text)

    /// `<style>` with children.
    static member Style([<ParamArray>] children: XmlNode array) = H.Element("style", children)

    /// `<style>` holding a text.
    static member Style(text: string) = H.Element("style", text)

    /// `<script>` with children.
    static member Script([<ParamArray>] children: XmlNode array) = H.Element("script", children)

    /// `<script>` holding a text.
    static member Script(text: string) = H.Element("script", text)

    /// `<div>` with children.
    static member Div([<ParamArray>] children: XmlNode array) = H.Element("div", children)

    /// `<div>` holding a text.
    static member Div(text: string) = H.Element("div", text)

    /// `<span>` with children.
    static member Span([<ParamArray>] children: XmlNode array) = H.Element("span", children)

    /// `<span>` holding a text.
    static member Span(text: string) = H.Element("span", text)

    /// `<p>` with children.
    static member P([<ParamArray>] children: XmlNode array) = H.Element("p", children)

    /// `<p>` holding a text.
    static member P(text: string) = H.Element("p", text)

    /// `<a>` with children.
    static member A([<ParamArray>] children: XmlNode array) = H.Element("a", children)

    /// `<a>` holding a text.
    static member A(text: string) = H.Element("a", text)

    /// `<button>` with children.
    static member Button([<ParamArray>] children: XmlNode array) = H.Element("button", children)

    /// `<button>` holding a text.
    static member Button(text: string) = H.Element("button", text)

    /// `<label>` with children.
    static member Label([<ParamArray>] children: XmlNode array) = H.Element("label", children)

    /// `<label>` holding a text.
    static member Label(text: string) = H.Element("label", text)

    /// `<form>` with children.
    static member Form([<ParamArray>] children: XmlNode array) = H.Element("form", children)

    /// `<form>` holding a text.
    static member Form(text: string) = H.Element("form", text)

    /// `<textarea>` with children.
    static member Textarea([<ParamArray>] children: XmlNode array) = H.Element("textarea", children)

    /// `<textarea>` holding a text.
    static member Textarea(text: string) = H.Element("textarea", text)

    /// `<select>` with children.
    static member Select([<ParamArray>] children: XmlNode array) = H.Element("select", children)

    /// `<select>` holding a text.
    static member Select(text: string) = H.Element("select", text)

    /// `<option>` with children.
    static member Option([<ParamArray>] children: XmlNode array) = H.Element("option", children)

    /// `<option>` holding a text.
    static member Option(text: string) = H.Element("option", text)

    /// `<h1>` with children.
    static member H1([<ParamArray>] children: XmlNode array) = H.Element("h1", children)

    /// `<h1>` holding a text.
    static member H1(text: string) = H.Element("h1", text)

    /// `<h2>` with children.
    static member H2([<ParamArray>] children: XmlNode array) = H.Element("h2", children)

    /// `<h2>` holding a text.
    static member H2(text: string) = H.Element("h2", text)

    /// `<h3>` with children.
    static member H3([<ParamArray>] children: XmlNode array) = H.Element("h3", children)

    /// `<h3>` holding a text.
    static member H3(text: string) = H.Element("h3", text)

    /// `<h4>` with children.
    static member H4([<ParamArray>] children: XmlNode array) = H.Element("h4", children)

    /// `<h4>` holding a text.
    static member H4(text: string) = H.Element("h4", text)

    /// `<ul>` with children.
    static member Ul([<ParamArray>] children: XmlNode array) = H.Element("ul", children)

    /// `<ul>` holding a text.
    static member Ul(text: string) = H.Element("ul", text)

    /// `<ol>` with children.
    static member Ol([<ParamArray>] children: XmlNode array) = H.Element("ol", children)

    /// `<ol>` holding a text.
    static member Ol(text: string) = H.Element("ol", text)

    /// `<li>` with children.
    static member Li([<ParamArray>] children: XmlNode array) = H.Element("li", children)

    /// `<li>` holding a text.
    static member Li(text: string) = H.Element("li", text)

    /// `<section>` with children.
    static member Section([<ParamArray>] children: XmlNode array) = H.Element("section", children)

    /// `<section>` holding a text.
    static member Section(text: string) = H.Element("section", text)

    /// `<article>` with children.
    static member Article([<ParamArray>] children: XmlNode array) = H.Element("article", children)

    /// `<article>` holding a text.
    static member Article(text: string) = H.Element("article", text)

    /// `<main>` with children.
    static member Main([<ParamArray>] children: XmlNode array) = H.Element("main", children)

    /// `<main>` holding a text.
    static member Main(text: string) = H.Element("main", text)

    /// `<header>` with children.
    static member Header([<ParamArray>] children: XmlNode array) = H.Element("header", children)

    /// `<header>` holding a text.
    static member Header(text: string) = H.Element("header", text)

    /// `<footer>` with children.
    static member Footer([<ParamArray>] children: XmlNode array) = H.Element("footer", children)

    /// `<footer>` holding a text.
    static member Footer(text: string) = H.Element("footer", text)

    /// `<nav>` with children.
    static member Nav([<ParamArray>] children: XmlNode array) = H.Element("nav", children)

    /// `<nav>` holding a text.
    static member Nav(text: string) = H.Element("nav", text)

    /// `<aside>` with children.
    static member Aside([<ParamArray>] children: XmlNode array) = H.Element("aside", children)

    /// `<aside>` holding a text.
    static member Aside(text: string) = H.Element("aside", text)

    /// `<strong>` with children.
    static member Strong([<ParamArray>] children: XmlNode array) = H.Element("strong", children)

    /// `<strong>` holding a text.
    static member Strong(text: string) = H.Element("strong", text)

    /// `<em>` with children.
    static member Em([<ParamArray>] children: XmlNode array) = H.Element("em", children)

    /// `<em>` holding a text.
    static member Em(text: string) = H.Element("em", text)

    /// `<small>` with children.
    static member Small([<ParamArray>] children: XmlNode array) = H.Element("small", children)

    /// `<small>` holding a text.
    static member Small(text: string) = H.Element("small", text)

    /// `<code>` with children.
    static member Code([<ParamArray>] children: XmlNode array) = H.Element("code", children)

    /// `<code>` holding a text.
    static member Code(text: string) = H.Element("code", text)

    /// `<pre>` with children.
    static member Pre([<ParamArray>] children: XmlNode array) = H.Element("pre", children)

    /// `<pre>` holding a text.
    static member Pre(text: string) = H.Element("pre", text)

    /// `<table>` with children.
    static member Table([<ParamArray>] children: XmlNode array) = H.Element("table", children)

    /// `<table>` holding a text.
    static member Table(text: string) = H.Element("table", text)

    /// `<thead>` with children.
    static member Thead([<ParamArray>] children: XmlNode array) = H.Element("thead", children)

    /// `<thead>` holding a text.
    static member Thead(text: string) = H.Element("thead", text)

    /// `<tbody>` with children.
    static member Tbody([<ParamArray>] children: XmlNode array) = H.Element("tbody", children)

    /// `<tbody>` holding a text.
    static member Tbody(text: string) = H.Element("tbody", text)

    /// `<tr>` with children.
    static member Tr([<ParamArray>] children: XmlNode array) = H.Element("tr", children)

    /// `<tr>` holding a text.
    static member Tr(text: string) = H.Element("tr", text)

    /// `<th>` with children.
    static member Th([<ParamArray>] children: XmlNode array) = H.Element("th", children)

    /// `<th>` holding a text.
    static member Th(text: string) = H.Element("th", text)

    /// `<td>` with children.
    static member Td([<ParamArray>] children: XmlNode array) = H.Element("td", children)

    /// `<td>` holding a text.
    static member Td(text: string) = H.Element("td", text)

    /// `<output>` with children.
    static member Output([<ParamArray>] children: XmlNode array) = H.Element("output", children)

    /// `<output>` holding a text.
    static member Output(text: string) = H.Element("output", text)

    /// `<fieldset>` with children.
    static member Fieldset([<ParamArray>] children: XmlNode array) = H.Element("fieldset", children)

    /// `<fieldset>` holding a text.
    static member Fieldset(text: string) = H.Element("fieldset", text)

    /// `<legend>` with children.
    static member Legend([<ParamArray>] children: XmlNode array) = H.Element("legend", children)

    /// `<legend>` holding a text.
    static member Legend(text: string) = H.Element("legend", text)

    /// `<blockquote>` with children.
    static member Blockquote([<ParamArray>] children: XmlNode array) = H.Element("blockquote", children)

    /// `<blockquote>` holding a text.
    static member Blockquote(text: string) = H.Element("blockquote", text)

    /// `<figure>` with children.
    static member Figure([<ParamArray>] children: XmlNode array) = H.Element("figure", children)

    /// `<figure>` holding a text.
    static member Figure(text: string) = H.Element("figure", text)

    /// `<figcaption>` with children.
    static member Figcaption([<ParamArray>] children: XmlNode array) = H.Element("figcaption", children)

    /// `<figcaption>` holding a text.
    static member Figcaption(text: string) = H.Element("figcaption", text)

    /// `<time>` with children.
    static member Time([<ParamArray>] children: XmlNode array) = H.Element("time", children)

    /// `<time>` holding a text.
    static member Time(text: string) = H.Element("time", text)

    /// `<dl>` with children.
    static member Dl([<ParamArray>] children: XmlNode array) = H.Element("dl", children)

    /// `<dl>` holding a text.
    static member Dl(text: string) = H.Element("dl", text)

    /// `<dt>` with children.
    static member Dt([<ParamArray>] children: XmlNode array) = H.Element("dt", children)

    /// `<dt>` holding a text.
    static member Dt(text: string) = H.Element("dt", text)

    /// `<dd>` with children.
    static member Dd([<ParamArray>] children: XmlNode array) = H.Element("dd", children)

    /// `<dd>` holding a text.
    static member Dd(text: string) = H.Element("dd", text)

    /// `<details>` with children.
    static member Details([<ParamArray>] children: XmlNode array) = H.Element("details", children)

    /// `<details>` holding a text.
    static member Details(text: string) = H.Element("details", text)

    /// `<summary>` with children.
    static member Summary([<ParamArray>] children: XmlNode array) = H.Element("summary", children)

    /// `<summary>` holding a text.
    static member Summary(text: string) = H.Element("summary", text)

    /// `<dialog>` with children.
    static member Dialog([<ParamArray>] children: XmlNode array) = H.Element("dialog", children)

    /// `<dialog>` holding a text.
    static member Dialog(text: string) = H.Element("dialog", text)

    /// `<caption>` with children.
    static member Caption([<ParamArray>] children: XmlNode array) = H.Element("caption", children)

    /// `<caption>` holding a text.
    static member Caption(text: string) = H.Element("caption", text)

    /// `<meta>`.
    static member Meta() = H.Void "meta"

    /// `<link>`.
    static member Link() = H.Void "link"

    /// `<input>`.
    static member Input() = H.Void "input"

    /// `<img>`.
    static member Img() = H.Void "img"

    /// `<br>`.
    static member Br() = H.Void "br"

    /// `<hr>`.
    static member Hr() = H.Void "hr"
