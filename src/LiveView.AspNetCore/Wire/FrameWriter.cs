using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using LiveView.CSharp;
using Microsoft.FSharp.Collections;
using static Giraffe.ViewEngine.HtmlElements;

namespace LiveView.AspNetCore;

/// <summary>
/// Encodes patches as wire frames, one JSON object per WebSocket message, with the fields of Django LiveView v1:
/// <c>{"action":"home-&gt;random_number","selector":"#output","html":"7"}</c>. A URL, a title or a scroll that
/// follows an HTML patch rides in the same frame, as a v1 client expects. Owned by one connection; not thread-safe.
/// Between replies it holds no memory: the frames' buffer is rented per reply, and the JSON writer and the HTML
/// scratch buffer belong to the thread (they are only used synchronously, within one call).
/// </summary>
internal sealed class FrameWriter
{
    // The frames travel inside a WebSocket, never inside an HTML page: '<' and non-ASCII need no escaping.
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    [ThreadStatic]
    private static Utf8JsonWriter? threadJson;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? threadHtml;

    private readonly PooledBufferWriter buffer = new();
    private readonly bool extended;
    private int[] ends = [];

    /// <param name="extended">
    /// True for our own client, which understands the extensions (<c>remove</c>). A Django LiveView v1 client gets a
    /// removed element emptied instead.
    /// </param>
    public FrameWriter(bool extended) => this.extended = extended;

    /// <summary>How many frames were written since the last <see cref="Release"/>.</summary>
    public int Count { get; private set; }

    /// <summary>Frame <paramref name="index"/> of those written.</summary>
    public ReadOnlyMemory<byte> Frame(int index) =>
        buffer.WrittenMemory[(index == 0 ? 0 : ends[index - 1])..ends[index]];

    /// <summary>Forgets the frames written so far and gives their memory back.</summary>
    public void Release()
    {
        buffer.Release();
        Count = 0;
    }

    /// <summary>
    /// Encodes <paramref name="patches"/> as frames answering <paramref name="action"/>, or answering nothing when it is
    /// null (a push: a message's fold, a timer's). With <paramref name="stillWorking"/>, each frame says
    /// <c>"loading":true</c> (our client only): the action's effects are still running, so the loading indicator stays.
    /// </summary>
    public void WritePatches(ActionName? action, FSharpList<Patch> patches, bool stillWorking = false)
    {
        var frame = new FrameParts { Loading = stillWorking && extended };
        foreach (var patch in patches)
        {
            if (patch is Patch.Changes { Update: var update } && !extended)
            {
                // A v1 client gets the new content of the elements that cover the changes.
                foreach (var cover in ViewCoverModule.patches(update))
                {
                    Add(cover);
                }
            }
            else if (patch is Patch.Stream stream && !extended)
            {
                foreach (var v1 in ViewStream.forV1(stream.Stream, stream.Op))
                {
                    Add(v1);
                }
            }
            else
            {
                Add(patch);
            }
        }

        if (!frame.IsEmpty)
        {
            WriteFrame(action, frame);
        }

        void Add(Patch patch)
        {
            if (!frame.TryAdd(patch, extended))
            {
                WriteFrame(action, frame);
                frame = new FrameParts { Loading = stillWorking && extended };
                frame.TryAdd(patch, extended);
            }
        }
    }

    /// <summary>
    /// Encodes <c>{"action":"page-&gt;handler","loading":...}</c> (our client only): the answer to an action that
    /// changed nothing on screen, so that the client knows it is done (or, with <paramref name="stillWorking"/>,
    /// that its effects run).
    /// </summary>
    public void WriteAck(ActionName action, bool stillWorking)
    {
        if (!extended)
        {
            return;
        }

        WriteFrame(action, new FrameParts { Loading = stillWorking });
    }

    /// <summary>
    /// Encodes <c>{"state":"...","view":"..."}</c> (our client only): the snapshot of the live page's state for the
    /// client to keep and send back with its mount when it reconnects, and the fingerprint of the view it shows then
    /// (none when the server cannot vouch for it). A null <paramref name="token"/> writes <c>{"state":null}</c>: forget
    /// the snapshot kept (the state is no longer kept).
    /// </summary>
    public void WriteSnapshot(string? token, string? view)
    {
        if (!extended)
        {
            return;
        }

        var json = StartFrame();
        if (token is null)
        {
            json.WriteNull("state"u8);
        }
        else
        {
            json.WriteString("state"u8, token);
        }

        if (token is not null && view is not null)
        {
            json.WriteString("view"u8, view);
        }

        json.WriteEndObject();
        EndFrame(json);
    }

    /// <summary>Encodes one error frame.</summary>
    public void WriteError(WireError error)
    {
        var json = StartFrame();
        if (error.Action is { } action)
        {
            WriteAction(json, action);
        }

        json.WriteStartObject("error"u8);
        json.WriteString("code"u8, error.Code);
        json.WriteString("message"u8, error.Message);
        json.WriteEndObject();
        if (extended && error.Loading)
        {
            json.WriteBoolean("loading"u8, true);
        }

        if (extended && error.Redirect is not null)
        {
            json.WriteString("redirect"u8, error.Redirect);
        }

        json.WriteEndObject();
        EndFrame(json);
    }

    private void WriteFrame(ActionName? action, FrameParts frame)
    {
        var json = StartFrame();
        if (action is { } answered)
        {
            WriteAction(json, answered);
        }

        if (frame.Selector is not null)
        {
            json.WriteString("selector"u8, frame.Selector);
        }

        if (frame.Nodes is not null)
        {
            var html = threadHtml ??= new ArrayBufferWriter<byte>(256);
            html.ResetWrittenCount();
            Render.toUtf8(frame.Nodes, html);
            json.WriteString("html"u8, html.WrittenSpan);
        }

        if (frame.Append)
        {
            json.WriteBoolean("append"u8, true);
        }

        if (frame.Remove)
        {
            json.WriteBoolean("remove"u8, true);
        }

        if (frame.Changes is not null)
        {
            json.WritePropertyName("changes"u8);
            ViewChangesJson.Write(json, frame.Changes);
        }

        if (frame.Streams is not null)
        {
            json.WritePropertyName("streams"u8);
            WriteStreams(json, frame.Streams);
        }

        if (frame.Scroll is not null)
        {
            json.WriteString("scroll"u8, frame.Scroll);
        }

        if (frame.ScrollTop)
        {
            json.WriteBoolean("scrollTop"u8, true);
        }

        if (frame.Url is not null)
        {
            json.WriteString("url"u8, frame.Url);
        }

        if (frame.Title is not null)
        {
            json.WriteString("title"u8, frame.Title);
        }

        if (frame.Notify is { } toast)
        {
            json.WriteStartObject("notify"u8);
            json.WriteString("kind"u8, toast.Kind);
            json.WriteString("text"u8, toast.Text);
            json.WriteNumber("timeout"u8, toast.Timeout);
            json.WriteEndObject();
        }

        if (frame.Event is { } pushed)
        {
            json.WriteStartObject("event"u8);
            json.WriteString("name"u8, pushed.Name);
            json.WritePropertyName("payload"u8);
            json.WriteRawValue(pushed.Payload, skipInputValidation: true);
            json.WriteEndObject();
        }

        if (frame.Loading)
        {
            json.WriteBoolean("loading"u8, true);
        }

        if (frame.Meta is not null)
        {
            json.WriteStartObject("meta"u8);
            foreach (var (name, content) in frame.Meta)
            {
                json.WriteString(name, content);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        EndFrame(json);
    }

    /// <summary>
    /// Writes stream changes, in order: <c>[stream, 0, key, html, at, limit]</c> inserts (or replaces),
    /// <c>[stream, 1, key]</c> deletes, <c>[stream, 2]</c> resets.
    /// </summary>
    private static void WriteStreams(Utf8JsonWriter json, List<Patch.Stream> streams)
    {
        json.WriteStartArray();
        foreach (var stream in streams)
        {
            json.WriteStartArray();
            json.WriteStringValue(stream.Stream);
            switch (stream.Op)
            {
                case StreamOp.Insert insert:
                    json.WriteNumberValue(0);
                    json.WriteStringValue(insert.Key);
                    var html = threadHtml ??= new ArrayBufferWriter<byte>(256);
                    html.ResetWrittenCount();
                    Render.toUtf8(ListModule.OfArray([insert.Item]), html);
                    json.WriteStringValue(html.WrittenSpan);
                    json.WriteNumberValue(insert.At);
                    json.WriteNumberValue(insert.Limit);
                    break;
                case StreamOp.Delete delete:
                    json.WriteNumberValue(1);
                    json.WriteStringValue(delete.Key);
                    break;
                default:
                    json.WriteNumberValue(2);
                    break;
            }

            json.WriteEndArray();
        }

        json.WriteEndArray();
    }

    /// <summary>The thread's JSON writer, set to write into this connection's buffer, with a frame's object opened.</summary>
    private Utf8JsonWriter StartFrame()
    {
        var json = threadJson ??= new Utf8JsonWriter(buffer, WriterOptions);
        json.Reset(buffer);
        json.WriteStartObject();
        return json;
    }

    /// <summary>Writes <c>"action":"page-&gt;handler"</c> without building the joined string.</summary>
    private static void WriteAction(Utf8JsonWriter json, ActionName action)
    {
        json.WritePropertyName("action"u8);
        json.WriteStringValueSegment(action.Page, isFinalSegment: false);
        json.WriteStringValueSegment(LiveView.Protocol.ActionSeparator, isFinalSegment: false);
        json.WriteStringValueSegment(action.Handler, isFinalSegment: true);
    }

    private void EndFrame(Utf8JsonWriter json)
    {
        json.Flush();
        if (Count == ends.Length)
        {
            Array.Resize(ref ends, Math.Max(4, ends.Length * 2));
        }

        ends[Count++] = buffer.WrittenCount;
    }

    private static XmlNode ToastNode(Patch.Toast toast) =>
        H.Div(toast.Text).Class($"notification notification--{toast.Kind}").Attr("role", "status");

    /// <summary>The fields of one frame, gathered before it is written.</summary>
    private struct FrameParts
    {
        public string? Selector;
        public FSharpList<XmlNode>? Nodes;
        public bool Append;
        public bool Remove;
        public FSharpList<ViewChange>? Changes;
        public List<Patch.Stream>? Streams;
        public string? Scroll;
        public bool ScrollTop;
        public string? Url;
        public string? Title;
        public FSharpList<Tuple<string, string>>? Meta;
        public Patch.Toast? Notify;
        public Patch.PushEvent? Event;
        public bool Loading;

        public readonly bool IsEmpty =>
            Selector is null && Changes is null && Streams is null && Scroll is null && !ScrollTop && Url is null && Title is null && Meta is null && Notify is null && Event is null;

        /// <summary>Adds the patch to this frame, or returns false when it needs a frame of its own.</summary>
        public bool TryAdd(Patch patch, bool extended)
        {
            switch (patch)
            {
                // A frame is applied HTML first, then the view's changes, then streams: a patch that follows them in
                // the list needs a frame of its own.
                case Patch.Swap swap when Selector is null && Changes is null && Streams is null:
                    Selector = swap.Selector;
                    Nodes = swap.Nodes;
                    Append = swap.Append;
                    return true;
                case Patch.Delete delete when Selector is null && Changes is null && Streams is null:
                    Selector = delete.Selector;
                    if (extended)
                    {
                        Remove = true;
                    }
                    else
                    {
                        Nodes = FSharpList<XmlNode>.Empty;
                    }

                    return true;
                // Streams and view changes commute: a change never goes inside a stream's container.
                case Patch.Changes changes when Changes is null:
                    Changes = changes.Update.Changes;
                    return true;
                case Patch.Stream stream:
                    (Streams ??= []).Add(stream);
                    return true;
                case Patch.ScrollInto scroll when Scroll is null:
                    Scroll = scroll.Selector;
                    return true;
                case { IsScrollToTop: true } when !ScrollTop:
                    ScrollTop = true;
                    return true;
                case Patch.PushUrl push when Url is null:
                    Url = push.Url;
                    return true;
                case Patch.SetTitle title when Title is null:
                    Title = title.Title;
                    return true;
                case Patch.SetMeta when !extended:
                    // A v1 client has no use for it; the title and the URL already changed.
                    return true;
                case Patch.SetMeta meta when Meta is null:
                    Meta = meta.Meta;
                    return true;
                case Patch.PushEvent when !extended:
                    // A v1 client has no hooks.
                    return true;
                case Patch.PushEvent pushed when Event is null:
                    Event = pushed;
                    return true;
                case Patch.Toast toast when extended && Notify is null:
                    Notify = toast;
                    return true;
                case Patch.Toast toast when !extended && Selector is null && Changes is null && Streams is null:
                    // A v1 client gets the toast appended to #notifications; it will not dismiss itself.
                    Selector = "#notifications";
                    Nodes = ListModule.OfArray([ToastNode(toast)]);
                    Append = true;
                    return true;
                default:
                    return false;
            }
        }
    }
}
