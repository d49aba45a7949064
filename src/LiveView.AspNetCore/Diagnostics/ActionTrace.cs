using System.Diagnostics;

namespace LiveView.AspNetCore;

/// <summary>
/// One action's measurements and span, from the moment its connection's loop takes it to the moment its frames are
/// sent: <c>liveview.actions</c>, <c>liveview.action.duration</c> and its span. The default value is a trace nobody
/// listens to: it records nothing and costs nothing.
/// </summary>
internal struct ActionTrace
{
    private readonly LiveViewMetrics? metrics;
    private readonly Activity? activity;
    private readonly ActionTags tags;
    private readonly long started;
    private string? error;

    private ActionTrace(LiveViewMetrics? metrics, Activity? activity, ActionTags tags, long started)
    {
        this.metrics = metrics;
        this.activity = activity;
        this.tags = tags;
        this.started = started;
    }

    /// <summary>
    /// Starts the trace of <paramref name="input"/> when it is an action (a client action, a message, a timer's tick: an
    /// effect's end is not, its effect has a trace of its own) and someone listens: its tags are read only then.
    /// <paramref name="live"/> is the live page; <paramref name="socket"/> the socket's request span, which the action's
    /// span links to.
    /// </summary>
    public static ActionTrace Start(
        Input input, ISite site, Instance? live, LiveViewMetrics metrics, LiveViewActivitySource activities, ActivityContext socket)
    {
        if (!metrics.ActionsObserved && !activities.Observed)
        {
            return default;
        }

        ActionTags tags;
        switch (input)
        {
            case Input.Action client:
                tags = ActionTags.Of(client.Action, site);
                break;
            case Input.Resume resume:
                tags = ActionTags.Of(resume.Action, site);
                break;
            case Input.Message message:
                tags = ActionTags.Of(message.Origin, live);
                break;
            default:
                return default;
        }

        var measured = metrics.ActionsObserved;
        var activity = activities.StartAction(tags, socket);
        return measured || activity is not null
            ? new ActionTrace(measured ? metrics : null, activity, tags, Stopwatch.GetTimestamp())
            : default;
    }

    /// <summary>The action failed with <paramref name="code"/> (the first failure is the one told).</summary>
    public void Failed(string code) => error ??= code;

    /// <summary>The action's frames are sent: its measurements are recorded and its span ends.</summary>
    public readonly void End()
    {
        if (metrics is null && activity is null)
        {
            return;
        }

        var outcome = error is null ? DiagnosticTags.Ok : DiagnosticTags.Error;
        if (metrics is not null)
        {
            metrics.ActionEnded(TraceOutcome.Tags(tags.Page, tags.Handler, tags.Origin, outcome, error), started);
        }

        if (activity is not null)
        {
            TraceOutcome.Stop(activity, outcome, error);
        }
    }
}
