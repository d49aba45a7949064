module LiveView.Core.Tests.ViewEscapingTests

open System.Net
open Expecto
open FsCheck.FSharp
open Giraffe.ViewEngine
open LiveView
open LiveView.CSharp
open LiveView.Core.Tests.Support

let private config =
    { FsCheckConfig.defaultConfig with
        maxTest = 500
    }

let private anyString = Arb.fromGen genAnyString

/// The text between `prefix` and `suffix`, failing the test when the HTML does not have that shape.
let private between (prefix: string) (suffix: string) (html: string) =
    Expect.stringStarts html prefix "the rendered element starts as expected"
    Expect.stringEnds html suffix "the rendered element ends as expected"
    Expect.isGreaterThanOrEqual html.Length (prefix.Length + suffix.Length) "prefix and suffix do not overlap"
    html.Substring(prefix.Length, html.Length - prefix.Length - suffix.Length)

/// Text content: no '<' or '>' for every string; decodes back to the input when the input is valid UTF-16.
/// Lone surrogates are excluded from the round trip only: WebUtility.HtmlEncode turns them into U+FFFD.
let private checkText (s: string) (inner: string) =
    Expect.isFalse (inner.Contains '<') $"no '<' in the text of %A{s}: %A{inner}"
    Expect.isFalse (inner.Contains '>') $"no '>' in the text of %A{s}: %A{inner}"

    if not (hasLoneSurrogate s) then
        Expect.equal (WebUtility.HtmlDecode inner) s "the text decodes back to the input"

/// Attribute value: no '"' for every string (so it cannot close the attribute); decodes back as above.
let private checkAttribute (s: string) (value: string) =
    Expect.isFalse (value.Contains '"') $"no '\"' in the attribute value of %A{s}: %A{value}"

    if not (hasLoneSurrogate s) then
        Expect.equal (WebUtility.HtmlDecode value) s "the attribute value decodes back to the input"

/// `s` decoded as the browser decodes it.
let private htmlDecode (s: string) : string = WebUtility.HtmlDecode s |> nonNull

let private property name check =
    testPropertyWithConfig config name (Prop.forAll anyString check)

// Protects against markup injection: any string put into a view as text or attribute value renders escaped.
[<Tests>]
let tests =
    testList
        "View escaping"
        [
            property "F# text: div [] [ str s ]" (fun s ->
                render (div [] [ str s ]) |> between "<div>" "</div>" |> checkText s)

            property "F# attribute: div [ _title s ] []" (fun s ->
                render (div [ _title s ] [])
                |> between "<div title=\"" "\"></div>"
                |> checkAttribute s)

            property "C# text: H.Div(s)" (fun s -> render (H.Div(s).Node) |> between "<div>" "</div>" |> checkText s)

            property "C# attribute: H.Div().Attr(\"title\", s)" (fun s ->
                render (H.Div().Attr("title", s).Node)
                |> between "<div title=\"" "\"></div>"
                |> checkAttribute s)

            property "C# helpers Id, Class, Data encode too" (fun s ->
                render (H.Span().Id(s).Node)
                |> between "<span id=\"" "\"></span>"
                |> checkAttribute s

                render (H.Span().Class(s).Node)
                |> between "<span class=\"" "\"></span>"
                |> checkAttribute s

                render (H.Span().Data("k", s).Node)
                |> between "<span data-k=\"" "\"></span>"
                |> checkAttribute s)

            property "C# text and attributes are encoded as Giraffe's str and attr encode them" (fun s ->
                Expect.equal (H.Text s) (encodedText s) "a text"
                Expect.equal (H.Span(s).Node) (span [] [ encodedText s ]) "an element's text"
                Expect.equal (H.Span().Attr("title", s).Node) (span [ attr "title" s ] []) "an attribute")

            property "Patch.text \"#x\" s renders its nodes escaped" (fun s ->
                match Patch.text "#x" s with
                | Swap("#x", nodes, false) -> RenderView.AsString.htmlNodes nodes |> checkText s
                | other -> failtest $"Patch.text made %A{other}")

            property "Patch.Html(\"#x\", s) renders its nodes escaped" (fun s ->
                match Patch.Html("#x", s) with
                | Swap("#x", nodes, false) -> RenderView.AsString.htmlNodes nodes |> checkText s
                | other -> failtest $"Patch.Html made %A{other}")

            property "the tree holds texts and attribute values as the browser decodes them" (fun s ->
                let decoded = htmlDecode s

                match ViewTree.ofView [ div [ KeyValue("title", s) ] [ rawText s ]; rawText s ] with
                | [ ViewNode.Element("div", [ "title", value ], _); ViewNode.Text text ] ->
                    Expect.equal value decoded "the attribute value"
                    Expect.equal text decoded "the text"
                | [ ViewNode.Element("div", [ "title", value ], _) ] ->
                    Expect.equal value decoded "the attribute value"
                    Expect.equal s "" "no text: an empty one"
                | other -> failtest $"the tree of %A{s} is %A{other}")

            testPropertyWithConfig
                config
                "the tree decodes entities as WebUtility.HtmlDecode"
                (Prop.forAll
                    (Arb.fromGen (
                        Gen.elements
                            [
                                "&lt;"
                                "&gt;"
                                "&amp;"
                                "&quot;"
                                "&#39;"
                                "&"
                                "lt;"
                                "&#x41;"
                                "&nbsp;"
                                "a"
                                ";"
                                "<"
                            ]
                        |> Gen.listOf
                        |> Gen.map (String.concat "")
                    ))
                    (fun s ->
                        match ViewTree.ofView [ div [ KeyValue("title", s) ] [] ] with
                        | [ ViewNode.Element(_, [ _, value ], _) ] -> Expect.equal value (htmlDecode s) s
                        | other -> failtest $"the tree of %A{s} is %A{other}"))

            testCase "a script tag is rendered as text"
            <| fun () ->
                Expect.equal
                    (render (div [] [ str "<script>alert('x')</script>" ]))
                    "<div>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</div>"
                    "encoded text"

            testCase "H.Raw is not encoded (the one escape hatch)"
            <| fun () -> Expect.equal (render (H.Div(H.Raw "<b>x</b>").Node)) "<div><b>x</b></div>" "raw markup"
        ]
