using LiveView.AspNetCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers LiveView in an application's services.</summary>
public static class LiveViewServiceCollectionExtensions
{
    /// <summary>
    /// Adds the LiveView host: the page registry, the socket connections and the server-side renderer.
    /// Register pages on the returned builder: <c>builder.Services.AddLiveView().AddPage(Home.Page)</c>.
    /// </summary>
    public static ILiveViewBuilder AddLiveView(this IServiceCollection services, Action<LiveViewOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<LiveViewOptions>().BindConfiguration(LiveViewOptions.Section);
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton<LiveViewMarkerService>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PageRegistry>();
        services.TryAddSingleton<Cultures>();
        services.TryAddSingleton<PageRoutes>();
        services.TryAddSingleton<PageAccess>();
        services.TryAddSingleton<LiveSite>();
        services.TryAddSingleton<EffectDrain>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, EffectDrain>(provider => provider.GetRequiredService<EffectDrain>()));
        services.TryAddSingleton<EffectRunner>();
        services.TryAddSingleton<FirstPaint>();
        services.TryAddSingleton<OriginPolicy>();
        services.TryAddSingleton<ClientScript>();
        services.TryAddSingleton<SocketEndpoint>();
        services.TryAddSingleton<PageEndpoint>();
        return new LiveViewBuilder(services);
    }
}
