namespace LiveView.Bench.FanOut;

/// <summary>
/// Something read over a round's timed broadcasts beside the clients' times (a cluster's Redis traffic): started just
/// before the first of them, stopped just after the last.
/// </summary>
public interface IBroadcastWatch
{
    Task StartAsync();

    /// <summary>Stops it; <paramref name="broadcasts"/> were timed meanwhile.</summary>
    Task StopAsync(int broadcasts);
}
