using System.Collections.Concurrent;
using System.Collections.Frozen;
using Microsoft.Extensions.Logging;

namespace LiveView.AspNetCore;

/// <summary>A page whose state is kept across reconnects: its state type and the fingerprint of its shape.</summary>
internal sealed record KeptPage(string Name, Type StateType, ulong Shape);

/// <summary>
/// Which registered pages keep their state across reconnects, decided once at startup: a page keeps it unless it
/// forgets it (<c>Page.forgetState</c>, <c>.ForgetState()</c>) or its state type cannot be snapshotted
/// (<see cref="StateShape"/>). The latter is logged as a warning that names the page, the type and the member; a page
/// that asked to keep its state (<c>Page.keepState</c>, <c>.KeepState()</c>) fails the startup instead.
/// </summary>
internal sealed class PageStates
{
    private readonly FrozenDictionary<string, KeptPage> kept;

    // Pages whose state could not be snapshotted once already (too large, or it threw): logged once per process.
    private readonly ConcurrentDictionary<string, bool> troubled = new(StringComparer.Ordinal);

    public PageStates(IEnumerable<PageRegistration> registrations, ILogger<PageStates> logger)
    {
        var byName = new Dictionary<string, KeptPage>(StringComparer.Ordinal);
        foreach (var registration in registrations)
        {
            var page = registration.Page;
            if (page.Keeping.IsForgotten)
            {
                continue;
            }

            var shape = StateShape.Of(registration.StateType);
            if (shape.Problem is { } problem)
            {
                if (page.Keeping.IsRequired)
                {
                    throw new InvalidOperationException(
                        $"Page '{page.Name}' asks to keep its state across reconnects (KeepState), but its state type " +
                        $"{StateShape.NameOf(registration.StateType)} cannot be snapshotted: {problem}.");
                }

                Log.StateNotKept(logger, page.Name, StateShape.NameOf(registration.StateType), problem);
                continue;
            }

            byName.TryAdd(page.Name, new KeptPage(page.Name, registration.StateType, shape.Fingerprint));
        }

        kept = byName.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The page <paramref name="name"/> if it keeps its state, else null.</summary>
    public KeptPage? Of(string name) => kept.GetValueOrDefault(name);

    /// <summary>True the first time a snapshot of page <paramref name="name"/> fails, so that it is logged once.</summary>
    public bool FirstProblem(string name) => troubled.TryAdd(name, true);
}
