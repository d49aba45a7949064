namespace LiveView.AspNetCore;

/// <summary>
/// The names under which the host reports what it does, for OpenTelemetry and any other listener:
/// <c>.WithMetrics(m =&gt; m.AddMeter(LiveViewDiagnostics.MeterName))</c> and
/// <c>.WithTracing(t =&gt; t.AddSource(LiveViewDiagnostics.ActivitySourceName))</c>. Nothing is measured and no span is
/// made while nobody listens. See docs/observability.md for the instruments and the spans.
/// </summary>
public static class LiveViewDiagnostics
{
    /// <summary>The meter of the host's instruments (<c>liveview.*</c>): <c>LiveView.AspNetCore</c>.</summary>
    public const string MeterName = "LiveView.AspNetCore";

    /// <summary>The activity source of the host's spans, one per action and one per effect: <c>LiveView.AspNetCore</c>.</summary>
    public const string ActivitySourceName = "LiveView.AspNetCore";
}
