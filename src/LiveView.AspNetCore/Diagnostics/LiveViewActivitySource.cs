using System.Diagnostics;

namespace LiveView.AspNetCore;

/// <summary>
/// The host's <see cref="ActivitySource"/> (<see cref="LiveViewDiagnostics.ActivitySourceName"/>), one per application
/// as ASP.NET Core's own. It makes a span per action and per effect, and none while nobody listens.
/// </summary>
internal sealed class LiveViewActivitySource : IDisposable
{
    private readonly ActivitySource source = new(LiveViewDiagnostics.ActivitySourceName);

    /// <summary>True when a listener may want a span.</summary>
    public bool Observed => source.HasListeners();

    /// <summary>
    /// Starts an action's span: a new trace (a socket lives for hours: its actions are not all one trace), linked to the
    /// socket's own request span, <paramref name="socket"/>, when there is one. Null when nobody wants it.
    /// </summary>
    public Activity? StartAction(in ActionTags tags, ActivityContext socket)
    {
        if (!source.HasListeners())
        {
            return null;
        }

        // The connection's loop has no current span (LiveConnection clears the request's): this one is a root.
        var activity = source.StartActivity(
            tags.Origin == DiagnosticTags.Client ? ActivityKind.Server : ActivityKind.Internal,
            parentContext: default,
            links: socket == default ? null : [new ActivityLink(socket)],
            name: tags.SpanName);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(DiagnosticTags.Page, tags.Page);
            activity.SetTag(DiagnosticTags.Handler, tags.Handler);
            activity.SetTag(DiagnosticTags.Origin, tags.Origin);
        }

        return activity;
    }

    /// <summary>
    /// Starts an effect's span, the child of its tags' <c>Parent</c> (default: of the current span, the action's that
    /// started it), made current for the work. Null when nobody wants it.
    /// </summary>
    public Activity? StartEffect(in EffectTags tags)
    {
        if (!source.HasListeners())
        {
            return null;
        }

        var activity = source.StartActivity(ActivityKind.Internal, parentContext: tags.Parent, name: tags.SpanName);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(DiagnosticTags.Page, tags.Page);
            activity.SetTag(DiagnosticTags.Handler, tags.Handler);
            activity.SetTag(DiagnosticTags.Origin, tags.Origin);
        }

        return activity;
    }

    public void Dispose() => source.Dispose();
}
