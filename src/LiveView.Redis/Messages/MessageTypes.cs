using System.Collections.Concurrent;
using LiveView.AspNetCore;
using Microsoft.FSharp.Reflection;

namespace LiveView.Redis;

/// <summary>
/// Which message types may be read from Redis: those a registered page handles (its <c>OnMessage&lt;T&gt;</c>), or
/// derived from one. A message names its type; a name is only ever looked up among them, in assemblies already loaded,
/// so that what arrives from Redis can never make this node load an assembly or build an arbitrary type.
/// </summary>
internal sealed class MessageTypes
{
    // How many refused names are remembered (each one is logged as a warning once).
    private const int MaxRemembered = 1024;

    private readonly Type[] handled;
    private readonly Dictionary<(string Assembly, string Name), Type> handledByName;
    private readonly ConcurrentDictionary<(string Assembly, string Name), Type?> resolved = new();

    public MessageTypes(IEnumerable<PageRegistration> pages)
    {
        // A handler of object would let any type in: it takes what this node sends itself, never what Redis brings.
        handled = [.. pages.SelectMany(p => p.Page.Messages).Select(h => h.Type).Where(t => t != typeof(object)).Distinct()];
        handledByName = handled.DistinctBy(NameOf).ToDictionary(NameOf);
    }

    /// <summary>
    /// The name a message of <paramref name="type"/> travels under: its assembly and full name. A case of an F# union
    /// travels as the union (what FSharp.SystemTextJson writes and reads).
    /// </summary>
    public static (string Assembly, string Name) NameOf(Type type)
    {
        var wire = WireType(type);
        return (wire.Assembly.GetName().Name ?? "", wire.FullName ?? wire.Name);
    }

    /// <summary>The type a message of <paramref name="type"/> is written as.</summary>
    public static Type WireType(Type type) =>
        type.BaseType is { } union && union != typeof(object) && FSharpType.IsUnion(union, null) ? union : type;

    /// <summary>
    /// The type named <paramref name="name"/>, if a registered page handles it; null otherwise, with
    /// <paramref name="firstRefusal"/> true the first time that name is refused (to log it once).
    /// </summary>
    public Type? Resolve((string Assembly, string Name) name, out bool firstRefusal)
    {
        firstRefusal = false;
        if (handledByName.TryGetValue(name, out var exact))
        {
            return exact;
        }

        if (resolved.TryGetValue(name, out var known))
        {
            return known;
        }

        var type = Find(name);
        if (type is not null)
        {
            resolved.TryAdd(name, type);
        }
        else
        {
            firstRefusal = resolved.Count < MaxRemembered && resolved.TryAdd(name, null);
        }

        return type;
    }

    /// <summary>A type derived from a handled one, in an assembly already loaded; generic ones only when handled as such.</summary>
    private Type? Find((string Assembly, string Name) name)
    {
        if (name.Name.Contains('[', StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (!assembly.IsDynamic && assembly.GetName().Name == name.Assembly
                && assembly.GetType(name.Name, throwOnError: false) is { } type
                && Array.Exists(handled, h => h.IsAssignableFrom(type)))
            {
                return type;
            }
        }

        return null;
    }
}
