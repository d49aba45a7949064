using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace LiveView.AspNetCore.Tests;

/// <summary>One measurement: its instrument, its value and its tags.</summary>
public sealed record Measured(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags)
{
    /// <summary>True when every tag of <paramref name="tags"/> has the value given, and the measurement no other tag.</summary>
    public bool Tagged(params (string Key, string Value)[] tags) =>
        Tags.Count == tags.Length && tags.All(tag => Tags.TryGetValue(tag.Key, out var value) && Equals(value, tag.Value));
}

/// <summary>
/// Listens as a telemetry exporter would: to the instruments of one host's meter (made by the <see cref="IMeterFactory"/>
/// of its services: other hosts' tests running meanwhile are not heard)
/// and to the spans of the host's activity source and of ASP.NET Core's (the socket's request). Spans are
/// process-wide: tests tell theirs by their pages' names.
/// </summary>
public sealed class TelemetryRecorder : IDisposable
{
    private readonly ActivityListener activities;
    private readonly ConcurrentQueue<Measured> measured = new();
    private readonly ConcurrentQueue<Activity> stopped = new();
    private MeterListener? listener;

    /// <summary>Listens to the spans; <see cref="ListenTo"/> adds a host's instruments.</summary>
    public TelemetryRecorder()
    {
        activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name is LiveViewDiagnostics.ActivitySourceName or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(activities);
    }

    /// <summary>Listens to the host's instruments: those of the meter <paramref name="meters"/> made.</summary>
    public void ListenTo(IMeterFactory meters)
    {
        listener = new MeterListener
        {
            InstrumentPublished = (instrument, published) =>
            {
                if (instrument.Meter.Scope == meters && instrument.Meter.Name == LiveViewDiagnostics.MeterName)
                {
                    published.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.Start();
    }

    /// <summary>Every measurement so far.</summary>
    public IReadOnlyCollection<Measured> Measurements => measured;

    /// <summary>The measurements of <paramref name="instrument"/> so far.</summary>
    public List<Measured> Of(string instrument) => [.. measured.Where(m => m.Instrument == instrument)];

    /// <summary>The sum of <paramref name="instrument"/>'s measurements so far.</summary>
    public double Sum(string instrument) => Of(instrument).Sum(m => m.Value);

    /// <summary>Reads the observable instruments now: returns their measurements only.</summary>
    public List<Measured> Observe(string instrument)
    {
        var before = measured.Count;
        listener!.RecordObservableInstruments();
        return [.. measured.Skip(before).Where(m => m.Instrument == instrument)];
    }

    /// <summary>The spans of the host's source that ended, tagged with page <paramref name="page"/>.</summary>
    public List<Activity> Spans(string page) =>
    [
        .. stopped.Where(a => a.Source.Name == LiveViewDiagnostics.ActivitySourceName && (string?)a.GetTagItem("liveview.page") == page),
    ];

    /// <summary>The requests' spans that ended (ASP.NET Core's).</summary>
    public List<Activity> Requests() => [.. stopped.Where(a => a.Source.Name == "Microsoft.AspNetCore")];

    /// <summary>Waits (up to 10 s) for a span of page <paramref name="page"/> named <paramref name="name"/>.</summary>
    public async Task<Activity> SpanAsync(string page, string name)
    {
        Activity? span = null;
        await Gates.UntilAsync(() => (span = Spans(page).FirstOrDefault(a => a.DisplayName == name)) is not null, $"a span '{name}'");
        return span!;
    }

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct
    {
        var copied = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copied[tag.Key] = tag.Value;
        }

        measured.Enqueue(new Measured(instrument.Name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), copied));
    }

    public void Dispose()
    {
        listener?.Dispose();
        activities.Dispose();
    }
}
