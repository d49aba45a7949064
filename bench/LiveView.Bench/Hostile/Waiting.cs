namespace LiveView.Bench.Hostile;

/// <summary>Bounded waits: the probe never hangs on a server that stopped answering.</summary>
public static class Waiting
{
    /// <summary>
    /// Waits for <paramref name="task"/> at most <paramref name="limit"/>, or until <paramref name="stop"/> fires:
    /// true if it completed in time (its exceptions, if any, are thrown), false otherwise (it keeps running).
    /// </summary>
    public static async Task<bool> CompletesWithinAsync(Task task, TimeSpan limit, CancellationToken stop = default)
    {
        try
        {
            await task.WaitAsync(limit, stop);
            return true;
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && stop.IsCancellationRequested))
        {
            if (!task.IsCompleted)
            {
                return false;
            }

            // It finished just as the wait gave up: its outcome counts.
            await task;
            return true;
        }
    }

    /// <summary>Waits for a task the probe gives up on, swallowing what it throws once its socket is aborted.</summary>
    public static async Task ObserveAsync(Task? task)
    {
        if (task is null)
        {
            return;
        }

        try
        {
            await task;
        }
        catch (Exception ex) when (ex is System.Net.WebSockets.WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // The socket was aborted under it: what it was doing no longer matters.
        }
    }
}
