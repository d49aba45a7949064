using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Website;

/// <summary>
/// The site's texts, from Resources/Texts.resx (English) and Texts.es.resx (Spanish), through ASP.NET Core
/// localization. The language is the current UI culture: the request's over HTTP, the action's over the socket.
/// </summary>
public static class Texts
{
    private static readonly IStringLocalizer Localizer =
        new ResourceManagerStringLocalizerFactory(
                Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance)
            .Create(typeof(Texts));

    /// <summary>The text <paramref name="key"/> in the current language.</summary>
    public static string Get(string key) => Localizer[key];

    /// <summary>The text <paramref name="key"/> with <paramref name="values"/> put in.</summary>
    public static string Format(string key, params object[] values) => Localizer[key, values];

    /// <summary>
    /// The text for <paramref name="count"/> things: the key of its plural form in the current language
    /// (<c>Home.Results.One</c>, <c>Home.Results.Other</c>; <see cref="Plural.KeyOf"/>) with the count put in.
    /// </summary>
    public static string Plural(string key, int count) =>
        Localizer[LiveView.Plural.KeyOf(key, CultureInfo.CurrentUICulture, count), count];
}
