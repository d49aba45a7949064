using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LiveView.AspNetCore;

/// <summary>
/// Lets effects' work finish when the server stops. An effect's work is not cancelled when its page goes away (only
/// its <c>Abandoned</c> token fires), so a write a user started always completes; when the server stops, this
/// service waits for the work still running, up to the host's shutdown timeout, and only then cancels
/// <c>EffectContext.Cancellation</c> for what is left, and logs it.
/// </summary>
internal sealed partial class EffectDrain(ILogger<EffectDrain> logger) : IHostedService
{
    // Never disposed: it has no timer, and effects may read its token after the host is gone.
    private readonly CancellationTokenSource stopping = new();
    private int running;

    /// <summary>Cancelled when the server can wait no longer.</summary>
    public CancellationToken Stopping => stopping.Token;

    /// <summary>Effects' work running now, on every connection and first paint.</summary>
    public int Running => Volatile.Read(ref running);

    /// <summary>An effect's work starts.</summary>
    public void Enter() => Interlocked.Increment(ref running);

    /// <summary>An effect's work ended.</summary>
    public void Exit() => Interlocked.Decrement(ref running);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (Running > 0 && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout: what still runs is abandoned below.
        }

        if (Running > 0)
        {
            LogAbandoned(logger, Running);
        }

        await stopping.CancelAsync();
    }

    [LoggerMessage(20, LogLevel.Warning, "LiveView stopped with {Count} effects still running; their work is cancelled.")]
    private static partial void LogAbandoned(ILogger logger, int count);
}
