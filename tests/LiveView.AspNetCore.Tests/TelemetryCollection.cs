namespace LiveView.AspNetCore.Tests;

/// <summary>
/// The tests that listen to the host's meter and activity source, run one at a time and apart from the other tests:
/// a listener to an activity source hears every host in the process, and one test checks what happens while nobody
/// listens at all.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}
