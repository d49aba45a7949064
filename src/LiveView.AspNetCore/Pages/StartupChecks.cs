using Microsoft.Extensions.Hosting;
using Microsoft.FSharp.Collections;

namespace LiveView.AspNetCore;

/// <summary>
/// The checks of an app's wiring that can only be made once it is complete, as the host starts (before any hosted
/// service, the server included): pages registered but no socket mapped (<see cref="StartupCheck.socket"/>). A failed
/// check fails the start with a sentence saying how to fix it. (The checks of one route are made as it is mapped:
/// <see cref="PageRoutes.Add"/>.)
/// </summary>
internal sealed class StartupChecks(PageRegistry pages) : IHostedLifecycleService
{
    /// <summary>Set by <c>MapLiveView</c>.</summary>
    public bool SocketMapped { get; set; }

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        if (StartupCheck.socket(ListModule.OfSeq(pages.Names.Order(StringComparer.Ordinal)), SocketMapped) is { } problem)
        {
            throw new InvalidOperationException(problem.Value);
        }

        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
