using System.Runtime.ExceptionServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.FSharp.Collections;
using static Giraffe.ViewEngine.HtmlElements;

namespace LiveView.AspNetCore;

/// <summary>
/// Renders a page's first paint over plain HTTP (SSR): mount (its effects included), view, layout, one HTML
/// document. The socket takes over from there.
/// </summary>
internal sealed class PageEndpoint(
    ContextFactory contexts, PageMounter mounter, ClientScript client, Microsoft.Extensions.Options.IOptions<LiveViewOptions> options)
{
    private readonly string loadingDelay =
        ((int)options.Value.LoadingDelay.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The socket path the client script connects to; set by <c>MapLiveView</c>.</summary>
    public string SocketPath { get; set; } = LiveView.Protocol.DefaultSocketPath;

    public RequestDelegate For(Page<object> page, Func<LayoutContext, XmlNode> layout) => async http =>
    {
        var mount = contexts.ForRequest(http);
        var mounted = await mounter.MountAsync(page, mount, http.User, mount.Random, http.RequestAborted);
        if (mounted.Error is PageError.HandlerFailed failed)
        {
            // The page could not be built: let the app's exception handling (developer page, error page) answer.
            ExceptionDispatchInfo.Throw(failed.Error);
        }

        var state = mounted.State;
        var document = layout(new LayoutContext(
            page.Name,
            page.Title.Invoke(state),
            page.Meta.Invoke(state),
            contexts.LanguageOf(mount),
            page.View.Invoke(state),
            ClientScriptTag(page, mount)));

        http.Response.ContentType = "text/html; charset=utf-8";
        Render.documentToUtf8(document, http.Response.BodyWriter);
        await http.Response.BodyWriter.FlushAsync(http.RequestAborted);
    };

    /// <summary>The client's script tag, telling it the socket, and the page and parameters it shows.</summary>
    private XmlNode ClientScriptTag(Page<object> page, MountContext mount) =>
        LayoutModule.clientScript(client.Url, SocketPath, ListModule.OfArray(
        [
            Tuple.Create("page", page.Name),
            Tuple.Create("params", JsonSerializer.Serialize(mount.Params.ToDictionary(kv => kv.Key, kv => kv.Value))),
            Tuple.Create("loading-delay", loadingDelay),
            Tuple.Create("history", options.Value.History ? "on" : "off"),
        ]));
}
