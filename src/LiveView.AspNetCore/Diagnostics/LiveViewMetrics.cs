using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace LiveView.AspNetCore;

/// <summary>
/// The host's instruments, on the meter <see cref="LiveViewDiagnostics.MeterName"/> made by the application's
/// <see cref="IMeterFactory"/> (as ASP.NET Core's own). Every recording looks at its instrument's <c>Enabled</c> first:
/// while nobody listens nothing is computed, tagged or allocated. The observable instruments (open connections, mailbox
/// depth) are read from <see cref="OpenConnections"/> only when a listener collects.
/// </summary>
internal sealed class LiveViewMetrics
{
    // Actions take tens of microseconds; a slow one (a big view) milliseconds.
    private static readonly IReadOnlyList<double> ActionBuckets =
        [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

    // Effects are I/O: ASP.NET Core's request buckets.
    private static readonly IReadOnlyList<double> EffectBuckets =
        [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    private readonly Counter<long> actions;
    private readonly Histogram<double> actionDuration;
    private readonly Histogram<double> effectDuration;
    private readonly Counter<long> errors;
    private readonly Counter<long> bytesSent;
    private readonly Counter<long> bytesReceived;
    private readonly Counter<long> pushes;
    private readonly Counter<long> broadcasts;

    public LiveViewMetrics(IMeterFactory meters, OpenConnections connections)
    {
        var meter = meters.Create(LiveViewDiagnostics.MeterName);
        meter.CreateObservableUpDownCounter(
            "liveview.connections.open",
            () => (long)connections.Count,
            unit: "{connection}",
            description: "Sockets open now.");
        meter.CreateObservableUpDownCounter(
            "liveview.mailbox.depth",
            connections.Waiting,
            unit: "{message}",
            description: "Messages waiting for the connections' loops now (client actions, effects' results, server messages), all connections together.");
        actions = meter.CreateCounter<long>(
            "liveview.actions",
            unit: "{action}",
            description: "Actions stepped: client actions, server messages and timer ticks, by page, handler, origin and outcome.");
        actionDuration = meter.CreateHistogram(
            "liveview.action.duration",
            unit: "s",
            description: "How long an action took on its connection's loop: the fold, the view, the frames sent.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = ActionBuckets });
        effectDuration = meter.CreateHistogram(
            "liveview.effect.duration",
            unit: "s",
            description: "How long an effect's work took, from its start to its end, off the connection's loop.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = EffectBuckets });
        errors = meter.CreateCounter<long>(
            "liveview.errors",
            unit: "{error}",
            description: "Errors sent to clients or logged, by code (error.type).");
        bytesSent = meter.CreateCounter<long>(
            "liveview.bytes.sent",
            unit: "By",
            description: "Bytes of the frames sent to clients (the WebSocket messages' payloads).");
        bytesReceived = meter.CreateCounter<long>(
            "liveview.bytes.received",
            unit: "By",
            description: "Bytes of the messages received from clients (the WebSocket messages' payloads).");
        pushes = meter.CreateCounter<long>(
            "liveview.pushes",
            unit: "{push}",
            description: "Updates pushed to a client that answer no action of its own: a message's or a timer's fold, an effect started by one.");
        broadcasts = meter.CreateCounter<long>(
            "liveview.broadcasts",
            unit: "{message}",
            description: "Messages sent to an audience: by a page's reply (with its liveview.page) or through ILiveHub.");
    }

    /// <summary>True when an action's count or duration is wanted.</summary>
    public bool ActionsObserved => actions.Enabled || actionDuration.Enabled;

    /// <summary>True when an effect's duration is wanted.</summary>
    public bool EffectsObserved => effectDuration.Enabled;

    /// <summary>An action ended; <paramref name="started"/> is its <see cref="Stopwatch"/> timestamp.</summary>
    public void ActionEnded(in TagList tags, long started)
    {
        actions.Add(1, in tags);
        if (actionDuration.Enabled)
        {
            actionDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, in tags);
        }
    }

    /// <summary>An effect's work ended; <paramref name="started"/> is its <see cref="Stopwatch"/> timestamp.</summary>
    public void EffectEnded(in TagList tags, long started) =>
        effectDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, in tags);

    /// <summary>An error frame was sent, or a failure logged, with the code <paramref name="code"/>.</summary>
    public void Failed(string code)
    {
        if (errors.Enabled)
        {
            errors.Add(1, new KeyValuePair<string, object?>(DiagnosticTags.ErrorType, code));
        }
    }

    /// <summary>Frames of <paramref name="bytes"/> bytes in all were sent.</summary>
    public void Sent(long bytes)
    {
        if (bytesSent.Enabled)
        {
            bytesSent.Add(bytes);
        }
    }

    /// <summary>A message of <paramref name="bytes"/> bytes was received.</summary>
    public void Received(long bytes)
    {
        if (bytesReceived.Enabled)
        {
            bytesReceived.Add(bytes);
        }
    }

    /// <summary>Page <paramref name="page"/> pushed an update.</summary>
    public void Pushed(string page)
    {
        if (pushes.Enabled)
        {
            pushes.Add(1, new KeyValuePair<string, object?>(DiagnosticTags.Page, page));
        }
    }

    /// <summary>A message went to <paramref name="audience"/>: from page <paramref name="page"/>, or from the hub (null).</summary>
    public void Broadcast(AudienceKind audience, string? page)
    {
        if (!broadcasts.Enabled)
        {
            return;
        }

        var to = new KeyValuePair<string, object?>(DiagnosticTags.Audience, DiagnosticTags.AudienceOf(audience));
        if (page is null)
        {
            broadcasts.Add(1, to);
        }
        else
        {
            broadcasts.Add(1, to, new KeyValuePair<string, object?>(DiagnosticTags.Page, page));
        }
    }
}
