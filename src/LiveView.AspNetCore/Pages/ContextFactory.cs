using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.FSharp.Core;

namespace LiveView.AspNetCore;

/// <summary>
/// Builds the contexts pages receive: the clock and randomness are read here, once per mount or action, so that
/// page functions stay pure and a test can replay them with fixed values.
/// </summary>
internal sealed class ContextFactory(TimeProvider time, IOptions<LiveViewOptions> options)
{
    private readonly string defaultLanguage = options.Value.DefaultLanguage;

    /// <summary>The mount context of a page rendered over HTTP.</summary>
    public MountContext ForRequest(HttpContext http)
    {
        var culture = CultureInfo.CurrentCulture;
        var lang = culture.Equals(CultureInfo.InvariantCulture) ? defaultLanguage : culture.Name;
        return new MountContext(
            http.Request.Path.Value + http.Request.QueryString.Value,
            FSharpOption<string>.Some(lang),
            culture,
            http.User,
            NewRandom(),
            time.GetUtcNow());
    }

    /// <summary>The mount context of a page first reached over the socket.</summary>
    public MountContext ForSocket(ClientAction action, ClaimsPrincipal user) =>
        new(string.Empty, action.Lang, CultureOf(action.Lang), user, NewRandom(), time.GetUtcNow());

    /// <summary>The context of one action (or of one effect's result).</summary>
    public ActionContext ForAction(ClientAction action, ClaimsPrincipal user) =>
        new(action, CultureOf(action.Lang), user, NewRandom(), time.GetUtcNow());

    /// <summary>The language a page is rendered in, for <c>html[lang]</c>.</summary>
    public string LanguageOf(MountContext mount) => mount.Lang?.Value ?? defaultLanguage;

    private static Random NewRandom() => new(Random.Shared.Next());

    private static CultureInfo CultureOf(FSharpOption<string>? lang)
    {
        if (lang?.Value is { Length: > 0 } name)
        {
            try
            {
                return CultureInfo.GetCultureInfo(name, predefinedOnly: true);
            }
            catch (CultureNotFoundException)
            {
                // An unknown language from the client is not an error: the action runs in the invariant culture.
            }
        }

        return CultureInfo.InvariantCulture;
    }
}
