using System.Collections.Frozen;
using System.Globalization;
using Microsoft.Extensions.Options;
using Microsoft.FSharp.Core;

namespace LiveView.AspNetCore;

/// <summary>
/// The cultures folds run in, from the <c>lang</c> a client sends: a table lookup, never a parse, so an unknown or
/// hostile value costs a dictionary miss rather than an exception.
/// </summary>
internal sealed class Cultures(IOptions<LiveViewOptions> options)
{
    // Every culture the platform knows, by name.
    private static readonly FrozenDictionary<string, CultureInfo> Known =
        CultureInfo.GetCultures(CultureTypes.AllCultures)
            .Where(culture => culture.Name.Length > 0)
            .ToFrozenDictionary(culture => culture.Name, StringComparer.OrdinalIgnoreCase);

    // The cultures actions may run in; empty: any culture the platform knows.
    private readonly FrozenDictionary<string, CultureInfo> supported = options.Value.SupportedCultures
        .Select(name => CultureInfo.GetCultureInfo(name))
        .ToFrozenDictionary(culture => culture.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The language of a page when nothing names one.</summary>
    public string DefaultLanguage { get; } = options.Value.DefaultLanguage;

    /// <summary>The language for <c>html[lang]</c> and layouts: <paramref name="lang"/>, or the default one.</summary>
    public string LanguageOf(FSharpOption<string>? lang) => lang?.Value ?? DefaultLanguage;

    /// <summary>The language of a request's first paint: its culture (request localization), else the default one.</summary>
    public string LanguageOf(CultureInfo culture) =>
        culture.Equals(CultureInfo.InvariantCulture) ? DefaultLanguage : culture.Name;

    /// <summary>
    /// The culture named by the client's <c>lang</c>. With <see cref="LiveViewOptions.SupportedCultures"/>, only those
    /// (<c>es-MX</c> falls back to <c>es</c>), else the first of them; without, any known culture, else the invariant one.
    /// </summary>
    public CultureInfo CultureOf(FSharpOption<string>? lang)
    {
        var name = lang?.Value;
        if (supported.Count == 0)
        {
            return name is not null && Known.TryGetValue(name, out var any) ? any : CultureInfo.InvariantCulture;
        }

        if (name is not null && Known.TryGetValue(name, out var requested))
        {
            for (var culture = requested; !culture.Equals(CultureInfo.InvariantCulture); culture = culture.Parent)
            {
                if (supported.TryGetValue(culture.Name, out var match))
                {
                    return match;
                }
            }
        }

        return supported.Values[0];
    }
}
