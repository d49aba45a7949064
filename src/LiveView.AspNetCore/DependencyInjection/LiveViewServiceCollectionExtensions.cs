using LiveView.AspNetCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers LiveView in an application's services.</summary>
public static class LiveViewServiceCollectionExtensions
{
    /// <summary>
    /// Adds the LiveView host: the page registry, Data Protection (page state snapshots are signed and encrypted with
    /// its key ring, which nodes must share: see docs/page-state.md), the socket connections, the server-side renderer, and real time
    /// (<see cref="ILiveHub"/>, with an in-memory <see cref="IPubSub"/> and <see cref="IPresence"/> unless others are
    /// registered first).
    /// Register pages on the returned builder: <c>builder.Services.AddLiveView().AddPage(Home.Page)</c>.
    /// </summary>
    public static ILiveViewBuilder AddLiveView(this IServiceCollection services, Action<LiveViewOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<LiveViewOptions>()
            .BindConfiguration(LiveViewOptions.Section)
            .Validate(options => options.MaxEffectsPerConnection >= 1, "LiveView:MaxEffectsPerConnection must be at least 1.")
            .Validate(options => options.MailboxCapacity >= 1, "LiveView:MailboxCapacity must be at least 1.")
            .Validate(options => options.MaxQueuedMessages >= 1, "LiveView:MaxQueuedMessages must be at least 1.")
            .Validate(options => options.UserId is not null, "LiveView:UserId must be set.")
            .Validate(options => options.MaxMessageBytes >= 1, "LiveView:MaxMessageBytes must be at least 1.")
            .Validate(
                options => options.MessageTimeout > TimeSpan.Zero && options.SendTimeout > TimeSpan.Zero,
                "LiveView:MessageTimeout and LiveView:SendTimeout must be longer than zero.")
            .Validate(options => options.MaxStateBytes >= 256, "LiveView:MaxStateBytes must be at least 256.")
            .Validate(
                options => options.StateSnapshotDelay >= TimeSpan.Zero && options.StateSnapshotInterval > TimeSpan.Zero && options.StateSnapshotInterval >= options.StateSnapshotDelay,
                "LiveView:StateSnapshotDelay must not be negative, and LiveView:StateSnapshotInterval must be longer than zero and not shorter than it.")
            .Validate(options => options.MaxStateAge > TimeSpan.Zero, "LiveView:MaxStateAge must be longer than zero.")
            .ValidateOnStart();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        // Page state snapshots are signed and encrypted with the application's key ring; nodes must share it.
        services.AddDataProtection();
        services.TryAddSingleton<LiveViewMarkerService>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PageRegistry>();
        services.TryAddSingleton<Cultures>();
        services.TryAddSingleton<PageRoutes>();
        services.TryAddSingleton<PageAccess>();
        services.TryAddSingleton<LiveSite>();
        services.TryAddSingleton<PageStates>();
        services.TryAddSingleton<StateSnapshots>();
        // The instruments' meter comes from the application's IMeterFactory, as ASP.NET Core's own.
        services.AddMetrics();
        services.TryAddSingleton<OpenConnections>();
        services.TryAddSingleton<LiveViewMetrics>();
        services.TryAddSingleton<LiveViewActivitySource>();
        services.TryAddSingleton<EffectDrain>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, EffectDrain>(provider => provider.GetRequiredService<EffectDrain>()));
        services.TryAddSingleton<EffectRunner>();
        services.TryAddSingleton<IPubSub, InMemoryPubSub>();
        services.TryAddSingleton<IPresence, InMemoryPresence>();
        services.TryAddSingleton<ILiveHub, LiveHub>();
        services.TryAddSingleton<FirstPaint>();
        services.TryAddSingleton<OriginPolicy>();
        services.TryAddSingleton<ClientScript>();
        services.TryAddSingleton<SocketEndpoint>();
        services.TryAddSingleton<PageEndpoint>();
        services.TryAddSingleton<StartupChecks>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, StartupChecks>(provider => provider.GetRequiredService<StartupChecks>()));
        return new LiveViewBuilder(services);
    }
}
