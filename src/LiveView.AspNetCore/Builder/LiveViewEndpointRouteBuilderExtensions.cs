using LiveView;
using LiveView.AspNetCore;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static Giraffe.ViewEngine.HtmlElements;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the LiveView socket, the browser client and server-rendered pages.</summary>
public static class LiveViewEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the LiveView WebSocket at <paramref name="pattern"/> (Django LiveView's <c>/ws/liveview/</c> by default)
    /// and the browser client at <c>/_liveview/liveview.js</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException"><c>AddLiveView</c> was not called.</exception>
    public static IEndpointConventionBuilder MapLiveView(
        this IEndpointRouteBuilder endpoints,
        string pattern = LiveView.Protocol.DefaultSocketPath)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        EnsureLiveViewServices(endpoints);
        var services = endpoints.ServiceProvider;

        // Resolving the registry now turns a page registered twice into a startup error.
        _ = services.GetRequiredService<PageRegistry>();

        // Which pages keep their state is decided now: a state type that cannot be snapshotted is said at startup.
        _ = services.GetRequiredService<PageStates>();
        services.GetRequiredService<PageEndpoint>().SocketPath = pattern;
        services.GetRequiredService<StartupChecks>().SocketMapped = true;

        var client = services.GetRequiredService<ClientScript>();
        endpoints.MapMethods(LiveView.Protocol.ClientScriptPath, [HttpMethods.Get, HttpMethods.Head], client.HandleAsync)
            .WithDisplayName("LiveView client");

        // The socket endpoint brings its own WebSockets middleware, so the app needs no UseWebSockets() call.
        var socket = services.GetRequiredService<SocketEndpoint>();
        var pipeline = endpoints.CreateApplicationBuilder();
        pipeline.UseWebSockets();
        pipeline.Run(socket.HandleAsync);
        return endpoints.Map(pattern, pipeline.Build()).WithDisplayName("LiveView socket");
    }

    /// <summary>
    /// Serves <paramref name="page"/>'s first paint at <paramref name="pattern"/> inside the standard layout
    /// (<see cref="LiveView.CSharp.LiveLayout.Standard"/>: a complete document with every element the client uses), as
    /// <c>MapLivePage(pattern, page, LiveLayout.Standard)</c> does. See docs/layouts.md to write a layout of your own.
    /// </summary>
    /// <exception cref="InvalidOperationException"><c>AddLiveView</c> was not called, the page is not registered, or the
    /// route does not fit the page (a parameter it does not declare, the same parameters as another of its routes).</exception>
    public static IEndpointConventionBuilder MapLivePage<TState>(
        this IEndpointRouteBuilder endpoints,
        string pattern,
        Page<TState> page) =>
        endpoints.MapLivePage(pattern, page, LiveView.CSharp.LiveLayout.Standard);

    /// <summary>
    /// Serves <paramref name="page"/>'s first paint at <paramref name="pattern"/>: its mounted state rendered by its
    /// view inside <paramref name="layout"/> (see docs/layouts.md for what a layout must hold). The page must be registered with <c>AddLiveView().AddPage(page)</c>.
    /// Authorization added to the returned builder (<c>.RequireAuthorization(...)</c>, <c>.AllowAnonymous()</c>) holds
    /// for the page's first paint and for every mount of it over the socket.
    /// </summary>
    /// <exception cref="InvalidOperationException"><c>AddLiveView</c> was not called, the page is not registered, or the
    /// route does not fit the page (a parameter it does not declare, the same parameters as another of its routes).</exception>
    public static IEndpointConventionBuilder MapLivePage<TState>(
        this IEndpointRouteBuilder endpoints,
        string pattern,
        Page<TState> page,
        Func<LayoutContext, XmlNode> layout)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(layout);
        EnsureLiveViewServices(endpoints);

        var services = endpoints.ServiceProvider;
        var registered = services.GetRequiredService<PageRegistry>().Get(page.Name);
        services.GetRequiredService<PageRoutes>().Add(registered, pattern, layout);
        var access = services.GetRequiredService<PageAccess>();
        var handler = services.GetRequiredService<PageEndpoint>().For(registered, layout);
        var builder = endpoints.MapMethods(pattern, [HttpMethods.Get, HttpMethods.Head], handler)
            .WithDisplayName($"LiveView page '{page.Name}'");

        // Once every convention has run (RequireAuthorization included), the socket knows who may mount the page.
        builder.Finally(endpoint => access.Record(page.Name, endpoint.Metadata));
        return builder;
    }

    /// <summary>
    /// Serves <paramref name="page"/> for every URL no other endpoint takes (with no file extension: a missing
    /// <c>/logo.png</c> stays a bare 404), in <paramref name="layout"/>: the app's not-found page. Its state should say
    /// so (<c>.NotFoundWhen(_ =&gt; true)</c>, F# <c>Page.notFoundWhen (fun _ -&gt; true)</c>): the answer's status is
    /// then 404. The path asked for reaches the page as the route value <c>path</c>. Like
    /// <c>MapLivePage</c>, the page must be registered with <c>AddLiveView().AddPage(page)</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException"><c>AddLiveView</c> was not called, or the page is not registered.</exception>
    public static IEndpointConventionBuilder MapLiveNotFound<TState>(
        this IEndpointRouteBuilder endpoints,
        Page<TState> page,
        Func<LayoutContext, XmlNode> layout)
    {
        // As MapFallback: a catch-all that no file name matches, tried after every other endpoint.
        var builder = endpoints.MapLivePage(NotFoundPattern, page, layout);
        builder.Add(endpoint => ((RouteEndpointBuilder)endpoint).Order = int.MaxValue);
        return builder;
    }

    /// <summary>The route of the not-found page (<c>MapLiveNotFound</c>).</summary>
    public const string NotFoundPattern = "/{*path:nonfile}";

    private static void EnsureLiveViewServices(IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<LiveViewMarkerService>() is null)
        {
            throw new InvalidOperationException(
                "Unable to find the required services. Add them by calling 'builder.Services.AddLiveView()' " +
                "before building the application.");
        }
    }
}
