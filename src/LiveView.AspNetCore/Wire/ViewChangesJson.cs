using System.Text.Json;
using Microsoft.FSharp.Collections;

namespace LiveView.AspNetCore;

/// <summary>
/// Encodes view changes for our client (protocol 2): a JSON array of changes, each an array whose first element says
/// what it is, with paths as arrays of child indexes and nodes as their HTML (the client's <c>applyChanges</c> reads it).
/// </summary>
internal static class ViewChangesJson
{
    /// <summary>The kinds of change, as the client reads them.</summary>
    public enum Kind
    {
        /// <summary><c>[0, path, text]</c></summary>
        SetText = 0,

        /// <summary><c>[1, path, name, value]</c></summary>
        SetAttribute = 1,

        /// <summary><c>[2, path, name]</c></summary>
        RemoveAttribute = 2,

        /// <summary><c>[3, path, html]</c>: the element's content.</summary>
        SetContent = 3,

        /// <summary><c>[4, parent, index, html]</c></summary>
        Insert = 4,

        /// <summary><c>[5, path]</c></summary>
        Remove = 5,

        /// <summary><c>[6, parent, from, to]</c></summary>
        Move = 6,

        /// <summary><c>[7, path, html]</c></summary>
        Replace = 7,
    }

    /// <summary>Writes <paramref name="changes"/> as one JSON array.</summary>
    public static void Write(Utf8JsonWriter writer, FSharpList<ViewChange> changes)
    {
        writer.WriteStartArray();

        // The lists walked by hand: a foreach would make an enumerator for each.
        for (var rest = changes; !rest.IsEmpty; rest = rest.Tail)
        {
            var change = rest.Head;
            writer.WriteStartArray();
            switch (change)
            {
                case ViewChange.SetText text:
                    Start(writer, Kind.SetText, text.Path);
                    writer.WriteStringValue(text.Text);
                    break;
                case ViewChange.SetAttribute set:
                    Start(writer, Kind.SetAttribute, set.Path);
                    writer.WriteStringValue(set.Name);
                    writer.WriteStringValue(set.Value);
                    break;
                case ViewChange.RemoveAttribute remove:
                    Start(writer, Kind.RemoveAttribute, remove.Path);
                    writer.WriteStringValue(remove.Name);
                    break;
                case ViewChange.SetContent content:
                    Start(writer, Kind.SetContent, content.Path);
                    writer.WriteStringValue(ViewHtml.ofContent(content.Content));
                    break;
                case ViewChange.Insert insert:
                    Start(writer, Kind.Insert, insert.Parent);
                    writer.WriteNumberValue(insert.Index);
                    writer.WriteStringValue(ViewHtml.ofNode(insert.Node));
                    break;
                case ViewChange.Remove remove:
                    Start(writer, Kind.Remove, remove.Path);
                    break;
                case ViewChange.Move move:
                    Start(writer, Kind.Move, move.Parent);
                    writer.WriteNumberValue(move.From);
                    writer.WriteNumberValue(move.To);
                    break;
                case ViewChange.Replace replace:
                    Start(writer, Kind.Replace, replace.Path);
                    writer.WriteStringValue(ViewHtml.ofNode(replace.Node));
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(changes), change, "Unknown view change.");
            }

            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }

    private static void Start(Utf8JsonWriter writer, Kind kind, FSharpList<int> path)
    {
        writer.WriteNumberValue((int)kind);
        writer.WriteStartArray();
        for (var rest = path; !rest.IsEmpty; rest = rest.Tail)
        {
            writer.WriteNumberValue(rest.Head);
        }

        writer.WriteEndArray();
    }
}
