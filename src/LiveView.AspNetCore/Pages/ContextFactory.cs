using System.Collections.Frozen;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.FSharp.Collections;
using Microsoft.FSharp.Core;

namespace LiveView.AspNetCore;

/// <summary>
/// Builds the contexts pages receive: the clock is read here, once per mount or action, and randomness comes from
/// the connection's generator, so that page functions stay pure (a test replays them with seeded contexts).
/// </summary>
internal sealed class ContextFactory(TimeProvider time, IOptions<LiveViewOptions> options)
{
    // Every culture the platform knows, by name: a client's `lang` is looked up here, never parsed, so an unknown
    // or hostile value costs a dictionary miss rather than an exception.
    private static readonly FrozenDictionary<string, CultureInfo> Cultures =
        CultureInfo.GetCultures(CultureTypes.AllCultures)
            .Where(culture => culture.Name.Length > 0)
            .ToFrozenDictionary(culture => culture.Name, StringComparer.OrdinalIgnoreCase);

    private readonly string defaultLanguage = options.Value.DefaultLanguage;

    // The cultures actions may run in; empty: any culture the platform knows.
    private readonly FrozenDictionary<string, CultureInfo> supported = options.Value.SupportedCultures
        .Select(name => CultureInfo.GetCultureInfo(name))
        .ToFrozenDictionary(culture => culture.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The mount context of a page rendered over HTTP: its route values are its parameters.</summary>
    public MountContext ForRequest(HttpContext http)
    {
        var culture = CultureInfo.CurrentCulture;
        var lang = culture.Equals(CultureInfo.InvariantCulture) ? defaultLanguage : culture.Name;
        var parameters = MapModule.Empty<string, string>();
        foreach (var (key, value) in http.Request.RouteValues)
        {
            if (value is not null)
            {
                parameters = parameters.Add(key, Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
            }
        }

        return new MountContext(
            http.Request.Path.Value + http.Request.QueryString.Value,
            parameters,
            FSharpOption<string>.Some(lang),
            culture,
            http.User,
            new Random(),
            time.GetUtcNow());
    }

    /// <summary>
    /// The mount context of a page reached over the socket: by navigation (<paramref name="url"/> known, the link's
    /// data as parameters) or by a first action on a page that was never mounted (no URL, no parameters).
    /// </summary>
    public MountContext ForSocket(ClientAction action, string url, ClaimsPrincipal user, Random random) =>
        new(url, url.Length == 0 ? MapModule.Empty<string, string>() : action.Data, action.Lang, CultureOf(action.Lang), user, random, time.GetUtcNow());

    /// <summary>The context of one action (or of one effect's result).</summary>
    public ActionContext ForAction(ClientAction action, ClaimsPrincipal user, Random random) =>
        new(action, CultureOf(action.Lang), user, random, time.GetUtcNow());

    /// <summary>The language a page is rendered in, for <c>html[lang]</c>.</summary>
    public string LanguageOf(MountContext mount) => mount.Lang?.Value ?? defaultLanguage;

    /// <summary>
    /// The culture named by the client's <c>lang</c>. With <see cref="LiveViewOptions.SupportedCultures"/>, only those
    /// (<c>es-MX</c> falls back to <c>es</c>), else the first of them; without, any known culture, else the invariant one.
    /// </summary>
    public CultureInfo CultureOf(FSharpOption<string>? lang)
    {
        var name = lang?.Value;
        if (supported.Count == 0)
        {
            return name is not null && Cultures.TryGetValue(name, out var any) ? any : CultureInfo.InvariantCulture;
        }

        if (name is not null && Cultures.TryGetValue(name, out var requested))
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
