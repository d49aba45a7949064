using Microsoft.AspNetCore.Http;
using static Giraffe.ViewEngine.HtmlElements;

namespace LiveView.AspNetCore;

/// <summary>
/// Renders a page's first paint over plain HTTP (SSR): mount, view, layout, one HTML document. The socket takes
/// over from there.
/// </summary>
internal sealed class PageEndpoint(ContextFactory contexts, ClientScript client)
{
    /// <summary>The socket path the client script connects to; set by <c>MapLiveView</c>.</summary>
    public string SocketPath { get; set; } = LiveView.Protocol.DefaultSocketPath;

    public RequestDelegate For(Page<object> page, Func<LayoutContext, XmlNode> layout) => async http =>
    {
        var mount = contexts.ForRequest(http);
        var state = page.Init.Invoke(mount);
        var document = layout(new LayoutContext(
            page.Name,
            page.Title.Invoke(state),
            contexts.LanguageOf(mount),
            page.View.Invoke(state),
            LayoutModule.clientScript(client.Url, SocketPath)));

        http.Response.ContentType = "text/html; charset=utf-8";
        Render.documentToUtf8(document, http.Response.BodyWriter);
        await http.Response.BodyWriter.FlushAsync(http.RequestAborted);
    };
}
