using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.FSharp.Collections;

namespace LiveView.AspNetCore.Tests;

/// <summary>The decoder is total, and what a client encodes comes back unchanged.</summary>
public sealed class ActionDecoderProperties
{
    [Property(MaxTest = 500)]
    public bool Any_bytes_give_an_action_or_an_error_never_an_exception(byte[] bytes)
    {
        var decoded = ActionDecoder.TryDecode(bytes, out var action, out var error);
        return decoded ? action is not null && error is null : action is null && error is not null;
    }

    /// <summary>Pieces that keep a JSON string valid: escapes (lone surrogates among them), surrogates, odd text.</summary>
    private static readonly string[] StringPieces =
    [
        "\\u0041", "\\ud800", "\\udbff", "\\udc00", "\\udfff", "\\ud83d\\ude00", "\\ud83d", "\\ude00", "\\u0000",
        "\\n", "\\\"", "\\\\", "\\/", "\ud800", "\udc00", "😀", "é", "->", "{", "}", "[", ":", ",", " ", "x",
    ];

    /// <summary>Pieces that break or build JSON around strings.</summary>
    private static readonly string[] StructurePieces =
    [
        "{", "}", "[", "]", ":", ",", "\"", "\\", "null", "1", "-2.5e3", "true", "\"action\"", "\"data\"", "\"form\"",
        "\"lang\"", "\"a->b\"", "\\x", "\\u12", "\r\n",
    ];

    /// <summary>Arbitrary strings of pieces, and frames whose strings are made of pieces.</summary>
    private static readonly Gen<string> Jsonish = JsonishText();

    private static Gen<string> JsonishText()
    {
        static Gen<string> Concat(int most, string[] pieces) =>
            Gen.Choose(0, most).SelectMany(length => Gen.Elements(pieces).ArrayOf(length)).Select(string.Concat);

        // Mostly strings that keep the frame valid JSON, sometimes one that breaks it.
        var inString = Gen.Frequency((9, Concat(4, StringPieces)), (1, Concat(2, StructurePieces)));
        var action = Gen.Frequency((4, Gen.Elements("a->b", "home->go", "p->h\\u0061ndler")), (1, inString));
        var frames =
            from a in action
            from dataKey in inString
            from dataValue in inString
            from lang in inString
            from formKey in inString
            from formValue in inString
            select $$$"""{"action":"{{{a}}}","data":{"{{{dataKey}}}":"{{{dataValue}}}","lang":"{{{lang}}}"},"form":{"{{{formKey}}}":["{{{formValue}}}"]}}""";
        return Gen.Frequency((1, Concat(40, [.. StringPieces, .. StructurePieces])), (3, frames));
    }

    [Property(MaxTest = 1000)]
    public Property JSON_ish_text_never_throws_and_what_decodes_survives_re_encoding() =>
        Prop.ForAll(Arb.From(Jsonish), text =>
        {
            var decoded = ActionDecoder.TryDecode(Encoding.UTF8.GetBytes(text), out var action, out _);
            return (!decoded || (ActionDecoder.TryDecode(Reencode(action!), out var again, out _) && Equals(action, again)))
                .Label(text);
        });

    /// <summary>The action as a client would send it, written by System.Text.Json.</summary>
    private static byte[] Reencode(ClientAction action)
    {
        var data = action.Data.ToDictionary(kv => kv.Key, kv => kv.Value);
        if (action.Lang is { } lang)
        {
            data["lang"] = lang.Value;
        }

        var form = action.Form.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
        return JsonSerializer.SerializeToUtf8Bytes(new { action = action.Name.ToString(), data, form });
    }

    /// <summary>
    /// One UTF-16 code unit (any, lone surrogates included) or a surrogate pair, and whether to write it as a
    /// <c>\uXXXX</c> escape when it could also be written raw.
    /// </summary>
    private static readonly Gen<(string Text, bool Escape)> Unit =
        from text in Gen.OneOf(
            Gen.Choose(0, 0xFFFF).Select(c => ((char)c).ToString()),
            Gen.Elements("\ud800", "\udbff", "\udc00", "\udfff", "😀", "a", "é", "\"", "\\"))
        from escape in ArbMap.Default.GeneratorFor<bool>()
        select (text, escape);

    /// <summary>A JSON string literal of <paramref name="units"/>: lone surrogates and what JSON requires are escaped.</summary>
    private static string Literal(IEnumerable<(string Text, bool Escape)> units)
    {
        static bool MustEscape(string text) =>
            text.Any(c => c < ' ' || c is '"' or '\\') || Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)) != text;

        return "\"" + string.Concat(units.Select(unit => unit.Escape || MustEscape(unit.Text)
            ? string.Concat(unit.Text.Select(c => $"\\u{(int)c:x4}"))
            : unit.Text)) + "\"";
    }

    /// <summary>What a browser's TextEncoder makes of a string: each unpaired surrogate becomes U+FFFD.</summary>
    private static string AsUtf8(string text) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));

    [Property(MaxTest = 500)]
    public Property Escaped_strings_decode_as_their_UTF_8_and_lone_surrogates_as_U_FFFD() =>
        Prop.ForAll(Arb.From(Strings), strings =>
        {
            var (dataKey, dataValue, formKey, formValue) = strings;
            static string Text(IEnumerable<(string Text, bool Escape)> units) => AsUtf8(string.Concat(units.Select(u => u.Text)));

            var frame = $$$"""{"action":"page->\u0068andler","data":{{{{Literal(dataKey)}}}:{{{Literal(dataValue)}}}},"form":{{{{Literal(formKey)}}}:[{{{Literal(formValue)}}},"x"]},"view":{{{Literal(dataValue)}}}}""";
            var decoded = ActionDecoder.TryDecode(Encoding.UTF8.GetBytes(frame), out var action, out _);

            var expected = new ClientAction(
                new ActionName("page", "handler"),
                MapModule.OfSeq([Tuple.Create(Text(dataKey), Text(dataValue))]),
                MapModule.OfSeq([Tuple.Create(Text(formKey), ListModule.OfSeq([Text(formValue), "x"]))]),
                null,
                Text(dataValue));
            return (decoded && Equals(expected, action)).Label(frame);
        });

    /// <summary>A data key (never <c>lang</c>: it starts with <c>k</c>), a data value, a form key and a form value.</summary>
    private static readonly Gen<(List<(string, bool)>, List<(string, bool)>, List<(string, bool)>, List<(string, bool)>)> Strings =
        from dataKey in Unit.ListOf()
        from dataValue in Unit.ListOf()
        from formKey in Unit.ListOf()
        from formValue in Unit.ListOf()
        select (dataKey.Prepend(("k", false)).ToList(), dataValue, formKey, formValue);

    [Property(MaxTest = 300)]
    public Property Any_form_and_data_round_trip(Dictionary<NonNull<string>, NonNull<string>[]> form, Dictionary<NonNull<string>, NonNull<string>> data)
    {
        var formJson = form.ToDictionary(kv => kv.Key.Get, kv => kv.Value.Select(v => v.Get).ToArray());
        var dataJson = data.Where(kv => kv.Key.Get != "lang").ToDictionary(kv => kv.Key.Get, kv => kv.Value.Get);
        var frame = JsonSerializer.SerializeToUtf8Bytes(new { action = "page->handler", data = dataJson, form = formJson });

        var decoded = ActionDecoder.TryDecode(frame, out var action, out _);

        return (decoded
                && action!.Name.Page == "page"
                && action.Name.Handler == "handler"
                && action.Form.Count == formJson.Count
                && formJson.All(kv => action.FormValues(kv.Key).SequenceEqual(kv.Value))
                && action.Data.Count == dataJson.Count
                && dataJson.All(kv => action.DataValue(kv.Key) == kv.Value))
            .ToProperty();
    }

    [Fact]
    public void Lang_moves_from_data_to_its_own_field()
    {
        Assert.True(ActionDecoder.TryDecode("""{"action":"a->b","data":{"lang":"es","x":"1"}}"""u8, out var action, out _));
        Assert.Equal("es", action!.Lang!.Value);
        Assert.Null(action.DataValue("lang"));
        Assert.Equal("1", action.DataValue("x"));
    }
}
