using System.Diagnostics;

namespace LiveView.AspNetCore;

/// <summary>How an action's or an effect's trace ends: the tags of its measurements, and its span's outcome and status.</summary>
internal static class TraceOutcome
{
    /// <summary>The measurements' tags: page, handler, origin, outcome, and the error's type when it failed.</summary>
    public static TagList Tags(string page, string handler, string origin, string outcome, string? error)
    {
        var tags = new TagList
        {
            { DiagnosticTags.Page, page },
            { DiagnosticTags.Handler, handler },
            { DiagnosticTags.Origin, origin },
            { DiagnosticTags.Outcome, outcome },
        };
        if (error is not null)
        {
            tags.Add(DiagnosticTags.ErrorType, error);
        }

        return tags;
    }

    /// <summary>Ends <paramref name="span"/> with its outcome; a failure (<paramref name="error"/>) sets the error status.</summary>
    public static void Stop(Activity span, string outcome, string? error)
    {
        span.SetTag(DiagnosticTags.Outcome, outcome);
        if (error is not null)
        {
            span.SetTag(DiagnosticTags.ErrorType, error);
            span.SetStatus(ActivityStatusCode.Error, error);
        }

        span.Stop();
    }
}
