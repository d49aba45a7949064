using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiveView.AspNetCore;

/// <summary>
/// How a page's state is written as JSON in its snapshot: System.Text.Json, with F# records, unions, options, lists,
/// sets, maps and tuples through FSharp.SystemTextJson; NaN and infinities as named literals so that any double
/// round-trips.
/// </summary>
internal static class StateJson
{
    /// <summary>The options every snapshot is written and read with.</summary>
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            MaxDepth = 256,
        };
        options.Converters.Add(new JsonFSharpConverter(overrides: null));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
