using Microsoft.Extensions.DependencyInjection;

namespace LiveView.AspNetCore;

/// <summary>Returned by <c>AddLiveView()</c>: registers the pages the socket can run.</summary>
public interface ILiveViewBuilder
{
    /// <summary>The application's services.</summary>
    IServiceCollection Services { get; }

    /// <summary>Registers <paramref name="page"/> so that actions named <c>page-&gt;handler</c> reach it.</summary>
    ILiveViewBuilder AddPage<TState>(Page<TState> page);
}

internal sealed class LiveViewBuilder(IServiceCollection services) : ILiveViewBuilder
{
    public IServiceCollection Services { get; } = services;

    public ILiveViewBuilder AddPage<TState>(Page<TState> page)
    {
        ArgumentNullException.ThrowIfNull(page);
        Services.AddSingleton(new PageRegistration(Page.erase(page), typeof(TState)));
        return this;
    }
}
