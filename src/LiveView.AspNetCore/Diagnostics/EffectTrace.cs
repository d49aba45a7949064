using System.Diagnostics;

namespace LiveView.AspNetCore;

/// <summary>
/// One effect's measurement and span, from the start of its work to its end: <c>liveview.effect.duration</c> and its
/// span (current while the work runs, so that the work's own spans, a database's or an HTTP client's, are its
/// children). The default value is a trace nobody listens to: it records nothing and costs nothing.
/// </summary>
internal readonly struct EffectTrace
{
    private readonly LiveViewMetrics? metrics;
    private readonly EffectTags tags;
    private readonly long started;

    private EffectTrace(LiveViewMetrics? metrics, Activity? activity, EffectTags tags, long started)
    {
        this.metrics = metrics;
        Activity = activity;
        this.tags = tags;
        this.started = started;
    }

    /// <summary>The effect's span, if someone wanted one.</summary>
    public Activity? Activity { get; }

    /// <summary>
    /// The tags of the effect <paramref name="origin"/> names (<see cref="EffectTags.Of"/>) when someone listens to
    /// effects; none otherwise: only then are they worth reading.
    /// </summary>
    public static EffectTags? TagsFor(
        LiveViewMetrics metrics, LiveViewActivitySource activities, LiveView.Origin origin, Instance? live, ActivityContext parent) =>
        metrics.EffectsObserved || activities.Observed ? EffectTags.Of(origin, live, parent) : null;

    /// <summary>
    /// Starts the trace of an effect tagged <paramref name="tags"/> (none: nobody listened when it was started). Its
    /// span becomes the current one of the calling async method, that runs the work.
    /// </summary>
    public static EffectTrace Start(LiveViewMetrics metrics, LiveViewActivitySource activities, in EffectTags? tags)
    {
        if (tags is not { } tagged)
        {
            return default;
        }

        var measured = metrics.EffectsObserved;
        var activity = activities.StartEffect(tagged);
        return measured || activity is not null
            ? new EffectTrace(measured ? metrics : null, activity, tagged, Stopwatch.GetTimestamp())
            : default;
    }

    /// <summary>The work ended, having thrown <paramref name="error"/> (null: it succeeded).</summary>
    public void End(Exception? error)
    {
        if (metrics is null && Activity is null)
        {
            return;
        }

        var outcome = error switch
        {
            null => DiagnosticTags.Ok,
            OperationCanceledException => DiagnosticTags.Cancelled,
            _ => DiagnosticTags.Error,
        };
        var errorType = outcome == DiagnosticTags.Error ? error!.GetType().FullName : null;
        if (metrics is not null)
        {
            metrics.EffectEnded(TraceOutcome.Tags(tags.Page, tags.Handler, tags.Origin, outcome, errorType), started);
        }

        if (Activity is not null)
        {
            TraceOutcome.Stop(Activity, outcome, errorType);
        }
    }
}
