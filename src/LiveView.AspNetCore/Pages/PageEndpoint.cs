using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.FSharp.Collections;
using Microsoft.FSharp.Core;
using static Giraffe.ViewEngine.HtmlElements;

namespace LiveView.AspNetCore;

/// <summary>
/// Renders a page's first paint over plain HTTP (SSR): mount (its effects included), view, layout, one HTML
/// document. The socket takes over from there.
/// </summary>
internal sealed class PageEndpoint(FirstPaint mounter, Cultures cultures, ClientScript client, IOptions<LiveViewOptions> options)
{
    private readonly string loadingDelay =
        ((int)options.Value.LoadingDelay.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);

    /// <summary>The socket path the client script connects to; set by <c>MapLiveView</c>.</summary>
    public string SocketPath { get; set; } = LiveView.Protocol.DefaultSocketPath;

    public RequestDelegate For(Page<object> page, Func<LayoutContext, XmlNode> layout) => async http =>
    {
        var lang = cultures.LanguageOf(CultureInfo.CurrentCulture);
        var request = new MountRequest(page.Name, http.Request.Path.Value + http.Request.QueryString.Value, RouteValues(http), FSharpOption<string>.Some(lang));
        var mounted = await mounter.MountAsync(request, http.User, http.RequestAborted);

        // The view as the runtime rendered it at mount, the mount's patches applied (stream items included), and its
        // fingerprint: the socket's mount compares it with its own.
        var state = mounted.State;
        var shown = mounted.Shown.IsSome ? mounted.Shown.Value : mounted.View;
        var view = ViewHtml.ofNodes(shown);
        var document = layout(new LayoutContext(
            page.Name,
            page.Title.Invoke(state),
            page.Meta.Invoke(state),
            lang,
            rawText(view),
            ClientScriptTag(page, request.Params, ViewHtml.fingerprint(shown))));

        // A state that says what was asked for does not exist (Page.notFoundWhen) answers 404, its view in the layout.
        http.Response.StatusCode = mounted.Status.HttpStatus;
        http.Response.ContentType = "text/html; charset=utf-8";
        Render.documentToUtf8(document, http.Response.BodyWriter);
        await http.Response.BodyWriter.FlushAsync(http.RequestAborted);
    };

    private static FSharpMap<string, string> RouteValues(HttpContext http)
    {
        var values = MapModule.Empty<string, string>();
        foreach (var (key, value) in http.Request.RouteValues)
        {
            if (value is not null)
            {
                values = values.Add(key, Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
            }
        }

        return values;
    }

    /// <summary>The client's script tag, telling it the socket, and the page and parameters it shows.</summary>
    private XmlNode ClientScriptTag(Page<object> page, FSharpMap<string, string> parameters, string view) =>
        LayoutModule.clientScript(client.Url, SocketPath, ListModule.OfArray(
        [
            Tuple.Create("page", page.Name),
            Tuple.Create("params", JsonSerializer.Serialize(parameters.ToDictionary(kv => kv.Key, kv => kv.Value))),
            Tuple.Create("view", view),
            Tuple.Create("loading-delay", loadingDelay),
            Tuple.Create("history", options.Value.History ? "on" : "off"),
        ]));
}
