namespace LiveView

open System
open System.Buffers
open System.Text
open Giraffe.ViewEngine

/// Renders view nodes as HTML, straight to UTF-8 bytes in a caller's buffer: no intermediate strings, so a
/// connection can render every reply into the same memory. The output is the same as Giraffe.ViewEngine's HTML
/// rendering (void elements without a closing tag; text and attribute values as they were encoded when the nodes
/// were built).
[<RequireQualifiedAccess>]
module Render =

    let private openBracket = "<"B
    let private closeBracket = ">"B
    let private endTagOpen = "</"B
    let private space = " "B
    let private valueOpen = "=\""B
    let private quote = "\""B
    let private doctype = "<!DOCTYPE html>"B

    let private bytes (output: IBufferWriter<byte>) (literal: byte array) =
        output.Write(ReadOnlySpan<byte>(literal))

    let private text (output: IBufferWriter<byte>) (value: string) =
        if value.Length > 0 then
            let span = output.GetSpan(Encoding.UTF8.GetMaxByteCount value.Length)
            output.Advance(Encoding.UTF8.GetBytes(value.AsSpan(), span))

    let private attribute (output: IBufferWriter<byte>) (attribute: XmlAttribute) =
        bytes output space

        match attribute with
        | KeyValue(key, value) ->
            text output key
            bytes output valueOpen
            text output value
            bytes output quote
        | Boolean key -> text output key

    let private startTag (output: IBufferWriter<byte>) (tag: string) (attributes: XmlAttribute array) =
        bytes output openBracket
        text output tag

        for a in attributes do
            attribute output a

        bytes output closeBracket

    let rec private node (output: IBufferWriter<byte>) (value: XmlNode) =
        match value with
        | Text content -> text output content
        | VoidElement(tag, attributes) -> startTag output tag attributes
        | ParentNode((tag, attributes), children) ->
            startTag output tag attributes

            for child in children do
                node output child

            bytes output endTagOpen
            text output tag
            bytes output closeBracket

    /// Writes `nodes` as HTML to `output`.
    let toUtf8 (nodes: XmlNode list) (output: IBufferWriter<byte>) =
        for n in nodes do
            node output n

    /// Writes a whole document, `<!DOCTYPE html>` first, to `output`.
    let documentToUtf8 (root: XmlNode) (output: IBufferWriter<byte>) =
        bytes output doctype
        node output root

    /// The HTML of `nodes`, as a string (for tests and logs; the host renders to bytes).
    let toString (nodes: XmlNode list) =
        let buffer = ArrayBufferWriter<byte>()
        toUtf8 nodes buffer
        Encoding.UTF8.GetString(buffer.WrittenSpan)
