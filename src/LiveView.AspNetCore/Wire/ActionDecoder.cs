using System.Text;
using System.Text.Json;
using Microsoft.FSharp.Collections;
using Microsoft.FSharp.Core;

namespace LiveView.AspNetCore;

/// <summary>
/// Decodes one client frame, <c>{"action":"home-&gt;random_number","data":{"lang":"en"},"form":{"q":"x"}}</c>,
/// straight from its UTF-8 bytes. Total: any input gives an action or a <see cref="WireError"/>, never an exception.
/// Strings are read leniently (<see cref="LenientJson"/>): an escaped unpaired surrogate becomes U+FFFD.
/// Unknown fields are ignored; <c>data</c> values may be strings, numbers or booleans; <c>form</c> values may
/// also be arrays of those (multi-valued fields). A reconnecting client's mount may carry <c>state</c>, the snapshot of
/// its page's state it kept (a string, or null).
/// </summary>
internal static class ActionDecoder
{
    private const int MaxDepth = 8;

    public static bool TryDecode(ReadOnlySpan<byte> utf8, out ClientAction? action, out WireError? error) =>
        TryDecode(utf8, out action, out _, out error);

    public static bool TryDecode(ReadOnlySpan<byte> utf8, out ClientAction? action, out string? state, out WireError? error)
    {
        action = null;
        state = null;
        try
        {
            error = Decode(utf8, out action, out state);
        }
        catch (JsonException ex)
        {
            error = new WireError(WireErrorCodes.MalformedJson, $"The message is not valid JSON ({Position(ex)}).");
        }

        return error is null;
    }

    private static string Position(JsonException ex) =>
        $"line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}";

    private static WireError? Decode(ReadOnlySpan<byte> utf8, out ClientAction? action, out string? state)
    {
        action = null;
        state = null;
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            ReadToEnd(ref reader);
            return Invalid("A message must be a JSON object.");
        }

        string? actionText = null;
        var data = MapModule.Empty<string, string>();
        var form = MapModule.Empty<string, FSharpList<string>>();
        string? lang = null;
        string? view = null;

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (LenientJson.TextEquals(ref reader, "action"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.String)
                {
                    ReadToEnd(ref reader);
                    return Invalid("'action' must be a string of the form 'page->handler'.");
                }

                actionText = LenientJson.GetString(ref reader);
            }
            else if (LenientJson.TextEquals(ref reader, "data"u8))
            {
                reader.Read();
                var problem = ReadData(ref reader, ref data, ref lang);
                if (problem is not null)
                {
                    ReadToEnd(ref reader);
                    return problem;
                }
            }
            else if (LenientJson.TextEquals(ref reader, "view"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.String)
                {
                    ReadToEnd(ref reader);
                    return Invalid("'view' must be a string.");
                }

                view = LenientJson.GetString(ref reader);
            }
            else if (LenientJson.TextEquals(ref reader, "state"u8))
            {
                reader.Read();
                if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Null))
                {
                    ReadToEnd(ref reader);
                    return Invalid("'state' must be a string.");
                }

                state = reader.TokenType == JsonTokenType.String ? LenientJson.GetString(ref reader) : null;
            }
            else if (LenientJson.TextEquals(ref reader, "form"u8))
            {
                reader.Read();
                var problem = ReadForm(ref reader, ref form);
                if (problem is not null)
                {
                    ReadToEnd(ref reader);
                    return problem;
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        ReadToEnd(ref reader);

        if (actionText is null)
        {
            return Invalid("The message has no 'action'.");
        }

        var name = ActionNameModule.parse(actionText);
        if (name.IsError)
        {
            // The text as sent (its first 80 characters, printable ASCII or '?'): a data-action written wrong
            // (click-home#go) is recognised in it.
            var shown = string.Concat(actionText.Take(80).Select(c => c is >= ' ' and <= '~' ? c : '?'));
            return new WireError(WireErrorCodes.InvalidAction, $"Malformed action '{shown}': {name.ErrorValue}.");
        }

        action = new ClientAction(
            name.ResultValue,
            data,
            form,
            string.IsNullOrEmpty(lang) ? FSharpOption<string>.None : FSharpOption<string>.Some(lang),
            view is null ? FSharpOption<string>.None : FSharpOption<string>.Some(view));
        return null;
    }

    /// <summary>Reads what is left so that malformed JSON after an early error is still reported as malformed.</summary>
    private static void ReadToEnd(ref Utf8JsonReader reader)
    {
        while (reader.Read())
        {
        }
    }

    private static WireError Invalid(string message) => new(WireErrorCodes.InvalidMessage, message);

    /// <summary>Reads <c>data</c>; its <c>lang</c> goes to <paramref name="lang"/>, not into the map.</summary>
    private static WireError? ReadData(ref Utf8JsonReader reader, ref FSharpMap<string, string> data, ref string? lang)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return Invalid("'data' must be an object.");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isLang = LenientJson.TextEquals(ref reader, "lang"u8);
            var key = isLang ? "lang" : LenientJson.GetString(ref reader);
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }

            if (ScalarText(ref reader) is not { } value)
            {
                return Invalid($"'data.{ClientText.Escape(key)}' must be a string, a number or a boolean.");
            }

            if (isLang)
            {
                lang = value;
            }
            else
            {
                data = data.Add(key, value);
            }
        }

        return null;
    }

    private static WireError? ReadForm(ref Utf8JsonReader reader, ref FSharpMap<string, FSharpList<string>> form)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return Invalid("'form' must be an object.");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = LenientJson.GetString(ref reader);
            reader.Read();
            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    continue;
                case JsonTokenType.StartArray:
                    var values = new List<string>();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        if (ScalarText(ref reader) is not { } item)
                        {
                            return Invalid($"'form.{ClientText.Escape(key)}' must hold strings, numbers or booleans.");
                        }

                        values.Add(item);
                    }

                    form = form.Add(key, ListModule.OfSeq(values));
                    break;
                default:
                    if (ScalarText(ref reader) is not { } value)
                    {
                        return Invalid($"'form.{ClientText.Escape(key)}' must be a string, a number, a boolean or an array of those.");
                    }

                    form = form.Add(key, FSharpList<string>.Cons(value, FSharpList<string>.Empty));
                    break;
            }
        }

        return null;
    }

    private static string? ScalarText(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => LenientJson.GetString(ref reader),
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => null,
    };
}
