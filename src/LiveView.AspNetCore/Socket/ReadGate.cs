namespace LiveView.AspNetCore;

/// <summary>
/// Stops a connection's reader while the connection has as much work as it may (every effect slot taken): the
/// client's frames then wait in the network buffers, and the client in its send, instead of in server memory.
/// Opened and closed by the connection's loop; waited on by its reader.
/// </summary>
internal sealed class ReadGate
{
    private volatile TaskCompletionSource? closed;

    /// <summary>Completes at once while the gate is open; else when it opens.</summary>
    public Task WaitAsync() => closed?.Task ?? Task.CompletedTask;

    /// <summary>Closes the gate when <paramref name="saturated"/>, opens it otherwise.</summary>
    public void Set(bool saturated)
    {
        if (saturated)
        {
            closed ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        else if (closed is { } gate)
        {
            closed = null;
            gate.TrySetResult();
        }
    }

    /// <summary>Opens the gate for good (the connection ends).</summary>
    public void Release() => Set(saturated: false);
}
