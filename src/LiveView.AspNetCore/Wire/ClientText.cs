using System.Globalization;
using System.Text;

namespace LiveView.AspNetCore;

/// <summary>
/// Client-supplied text made fit for an error message, and hence the log: shortened, and with control characters
/// (line breaks among them) and invisible formatting characters escaped (<c>\r</c>, <c>\n</c>, <c>\u0000</c>, ...),
/// so that a client cannot forge log entries or flood the log.
/// </summary>
internal static class ClientText
{
    /// <summary>How many characters of client text an error message quotes by default.</summary>
    public const int MaxLength = 40;

    /// <summary>
    /// <paramref name="text"/> cut to <paramref name="maxLength"/> characters (never inside a surrogate pair; "…"
    /// marks the cut), with its control and formatting characters escaped.
    /// </summary>
    public static string Escape(string text, int maxLength = MaxLength)
    {
        var escaped = new StringBuilder(Math.Min(text.Length, maxLength) + 1);
        var length = 0;
        foreach (var rune in text.EnumerateRunes()) // an unpaired surrogate comes as U+FFFD
        {
            length += rune.Utf16SequenceLength;
            if (length > maxLength)
            {
                return escaped.Append('…').ToString();
            }

            Append(escaped, rune);
        }

        return escaped.ToString();
    }

    private static void Append(StringBuilder escaped, Rune rune)
    {
        switch (rune.Value)
        {
            case '\r':
                escaped.Append(@"\r");
                break;
            case '\n':
                escaped.Append(@"\n");
                break;
            case '\t':
                escaped.Append(@"\t");
                break;
            default:
                if (IsInvisible(Rune.GetUnicodeCategory(rune)))
                {
                    Span<char> units = stackalloc char[2];
                    foreach (var unit in units[..rune.EncodeToUtf16(units)])
                    {
                        escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)unit:x4}");
                    }
                }
                else
                {
                    escaped.Append(rune.ToString());
                }

                break;
        }
    }

    /// <summary>Characters that break or hide lines in a log: controls, line and paragraph separators, bidi and format marks.</summary>
    private static bool IsInvisible(UnicodeCategory category) =>
        category is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
