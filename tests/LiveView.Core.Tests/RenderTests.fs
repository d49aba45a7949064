module LiveView.Core.Tests.RenderTests

open System.Buffers
open System.Text
open Expecto
open FsCheck
open FsCheck.FSharp
open Giraffe.ViewEngine
open LiveView
open LiveView.Core.Tests.Support

/// Random view trees: elements, void elements, encoded and raw text, key-value and boolean attributes.
let private genTree: Gen<XmlNode> =
    let genTag =
        Gen.elements [ "div"; "span"; "p"; "ul"; "li"; "button"; "h2"; "section" ]

    let genVoid = Gen.elements [ "br"; "hr"; "img"; "input"; "meta" ]

    let genAttribute =
        Gen.oneof
            [
                Gen.map2 attr (Gen.elements [ "id"; "class"; "title"; "data-x" ]) genAnyString
                Gen.map flag (Gen.elements [ "hidden"; "disabled"; "checked" ])
            ]

    let genText = Gen.oneof [ Gen.map str genAnyString; Gen.map rawText genAnyString ]

    let rec tree size =
        if size <= 1 then
            Gen.oneof
                [
                    genText
                    Gen.map2 (fun tag attrs -> voidTag tag attrs) genVoid (Gen.listOf genAttribute)
                ]
        else
            Gen.map3
                (fun name attrs children -> tag name attrs children)
                genTag
                (Gen.listOf genAttribute)
                (Gen.listOfLength 3 (tree (size / 3)))

    Gen.sized (fun size -> tree (min size 30))

let private utf8 (render: IBufferWriter<byte> -> unit) =
    let buffer = ArrayBufferWriter<byte>()
    render buffer
    buffer.WrittenSpan.ToArray()

// Protects the host's renderer: it writes exactly the UTF-8 bytes of what Giraffe.ViewEngine renders (compared as
// bytes: UTF-8 turns a lone surrogate into U+FFFD, in both).
[<Tests>]
let tests =
    testList
        "Render"
        [
            testProperty "UTF-8 rendering equals Giraffe.ViewEngine's HTML rendering"
            <| Prop.forAll (Arb.fromGen (Gen.listOf genTree)) (fun nodes ->
                Expect.equal
                    (utf8 (Render.toUtf8 nodes))
                    (Encoding.UTF8.GetBytes(RenderView.AsString.htmlNodes nodes))
                    "same HTML")

            testProperty "A document starts with the doctype and equals Giraffe's"
            <| Prop.forAll (Arb.fromGen genTree) (fun root ->
                let document = html [] [ body [] [ root ] ]
                // Giraffe puts a line break after the doctype; ours does not, the rest is the same.
                let expected = "<!DOCTYPE html>" + RenderView.AsString.htmlNode document

                Expect.equal (utf8 (Render.documentToUtf8 document)) (Encoding.UTF8.GetBytes expected) "same document")

            testCase "Rendering appends to what the buffer already holds"
            <| fun () ->
                let buffer = ArrayBufferWriter<byte>()
                Render.toUtf8 [ str "a" ] buffer
                Render.toUtf8 [ div [ _id "b" ] [ str "c & d" ] ] buffer
                Expect.equal (Encoding.UTF8.GetString(buffer.WrittenSpan)) "a<div id=\"b\">c &amp; d</div>" "appended"
        ]
