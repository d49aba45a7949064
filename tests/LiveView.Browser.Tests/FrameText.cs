using System.Net;
using System.Text;
using System.Text.Json;

namespace LiveView.Browser.Tests;

/// <summary>Reading what a frame puts on the page, whatever its shape.</summary>
public static class FrameText
{
    /// <summary>
    /// Everything a frame puts on the page, decoded: its <c>html</c> (a hand-written patch, a navigation, a v1 client's
    /// frame), the texts, attribute values and HTML of its view changes (protocol 2), and the HTML of its stream
    /// inserts. What is on the page after it can be read only with the page: this says what the frame brings.
    /// </summary>
    public static string Shows(this JsonElement frame)
    {
        var text = new StringBuilder();
        if (frame.TryGetProperty("html", out var html))
        {
            text.Append(html.GetString());
        }

        if (frame.TryGetProperty("changes", out var changes))
        {
            foreach (var change in changes.EnumerateArray())
            {
                var brought = change[0].GetInt32() switch
                {
                    0 or 3 or 7 => change[2], // a text, an element's content, a node replaced
                    1 => change[3], // an attribute's value
                    4 => change[3], // a node inserted
                    _ => default,
                };
                if (brought.ValueKind == JsonValueKind.String)
                {
                    text.Append(brought.GetString()).Append('\n');
                }
            }
        }

        if (frame.TryGetProperty("streams", out var streams))
        {
            foreach (var op in streams.EnumerateArray().Where(op => op[1].GetInt32() == 0))
            {
                text.Append(op[3].GetString()).Append('\n');
            }
        }

        return WebUtility.HtmlDecode(text.ToString());
    }
}
