using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace LiveView.AspNetCore;

/// <summary>One page registered with <c>AddPage</c>, its state type erased (and kept aside, for its snapshots).</summary>
internal sealed record PageRegistration(Page<object> Page, Type StateType);

/// <summary>
/// The pages the socket can run, by name. Client strings only ever index this table: no reflection, no eval.
/// </summary>
internal sealed class PageRegistry
{
    private readonly FrozenDictionary<string, Page<object>> pages;

    public PageRegistry(IEnumerable<PageRegistration> registrations)
    {
        var byName = new Dictionary<string, Page<object>>(StringComparer.Ordinal);
        foreach (var registration in registrations)
        {
            if (!byName.TryAdd(registration.Page.Name, registration.Page))
            {
                throw new InvalidOperationException(
                    $"Two pages are registered with the name '{registration.Page.Name}'; page names must be unique.");
            }
        }

        pages = byName.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The names of the registered pages.</summary>
    public IEnumerable<string> Names => pages.Keys;

    public bool TryGet(string name, [MaybeNullWhen(false)] out Page<object> page) => pages.TryGetValue(name, out page);

    public Page<object> Get(string name) =>
        TryGet(name, out var page)
            ? page
            : throw new InvalidOperationException(
                $"The page '{name}' is mapped to a route but was not registered. " +
                $"Register it with 'builder.Services.AddLiveView().AddPage(...)'.");
}
