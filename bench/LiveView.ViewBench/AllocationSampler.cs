using System.Diagnostics.Tracing;

namespace LiveView.ViewBench;

/// <summary>
/// Samples what a loop allocates, by type: the runtime reports an allocation about every 100 KB
/// (<c>GCAllocationTick</c>), so the counts are shares of the bytes allocated. <c>--profile UPDATE --allocations</c>.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private readonly Dictionary<string, long> _types = [];

    /// <summary>The types sampled, the most allocated first, with their share of the samples.</summary>
    public IEnumerable<(string Type, double Share)> Shares()
    {
        lock (_types)
        {
            var total = Math.Max(1, _types.Values.Sum());
            return [.. _types.OrderByDescending(kv => kv.Value).Select(kv => (kv.Key, (double)kv.Value / total))];
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1); // GC
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) == true
            && eventData.PayloadNames?.IndexOf("TypeName") is >= 0 and var at
            && eventData.Payload?[at] is string type)
        {
            lock (_types)
            {
                _types[type] = _types.GetValueOrDefault(type) + 1;
            }
        }
    }
}
