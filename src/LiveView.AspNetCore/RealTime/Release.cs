namespace LiveView.AspNetCore;

/// <summary>A subscription's end: runs <c>release</c> on the first <see cref="Dispose"/>, never again.</summary>
internal sealed class Release(Action release) : IDisposable
{
    private int released;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref released, 1) == 0)
        {
            release();
        }
    }
}
