using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LiveView.AspNetCore;

/// <summary>
/// Reads JSON strings as a browser would have encoded them. <c>JSON.stringify</c> writes a string holding an unpaired
/// surrogate as an escape (<c>"\ud800"</c>), which <see cref="Utf8JsonReader.GetString"/> refuses with an exception;
/// here each unpaired surrogate (and each invalid UTF-8 byte) becomes U+FFFD, as a browser's TextEncoder makes it.
/// The fast path is the reader's own; the slow one runs only when the reader refuses the string.
/// </summary>
internal static class LenientJson
{
    private const char Replacement = '\uFFFD';

    /// <summary>The current string value or property name.</summary>
    public static string GetString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return Unescape(reader.ValueSpan);
        }
    }

    /// <summary>
    /// Whether the current string or property name is <paramref name="ascii"/>. A name the reader refuses holds a
    /// U+FFFD once read, so it is no ASCII name.
    /// </summary>
    public static bool TextEquals(ref Utf8JsonReader reader, ReadOnlySpan<byte> ascii)
    {
        try
        {
            return reader.ValueTextEquals(ascii);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Unescapes a string's raw bytes (the reader has checked its escapes), repairing what is broken.</summary>
    private static string Unescape(ReadOnlySpan<byte> raw)
    {
        // Each byte gives at most one UTF-16 code unit: a UTF-8 sequence gives no more units than bytes, an escape fewer.
        var chars = new char[raw.Length];
        var count = 0;
        while (true)
        {
            var backslash = raw.IndexOf((byte)'\\');
            count += Encoding.UTF8.GetChars(backslash < 0 ? raw : raw[..backslash], chars.AsSpan(count));
            if (backslash < 0)
            {
                break;
            }

            var (unit, length) = raw[backslash + 1] switch
            {
                (byte)'u' => ((char)ushort.Parse(raw.Slice(backslash + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture), 6),
                (byte)'b' => ('\b', 2),
                (byte)'f' => ('\f', 2),
                (byte)'n' => ('\n', 2),
                (byte)'r' => ('\r', 2),
                (byte)'t' => ('\t', 2),
                var escaped => ((char)escaped, 2), // \" \\ \/
            };
            chars[count++] = unit;
            raw = raw[(backslash + length)..];
        }

        ReplaceUnpairedSurrogates(chars.AsSpan(0, count));
        return new string(chars, 0, count);
    }

    private static void ReplaceUnpairedSurrogates(Span<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                text[i] = Replacement;
            }
        }
    }
}
