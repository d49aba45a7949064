using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Website.About;
using Website.Data;
using Website.Pages;

namespace Website;

/// <summary>
/// The site's languages, its F# about page, and its services: what Program.cs registers, and what the site's tests
/// build the same way (on a database of their own).
/// </summary>
public static class Site
{
    /// <summary>The languages the site speaks; the first is the default.</summary>
    public static readonly string[] Cultures = ["en", "es"];

    /// <summary>The site's language for <paramref name="culture"/> (<c>es-MX</c>: <c>es</c>), the default for others.</summary>
    public static string LanguageOf(CultureInfo culture) =>
        Cultures.Contains(culture.TwoLetterISOLanguageName) ? culture.TwoLetterISOLanguageName : Cultures[0];

    /// <summary>The about page (F#), with the site's texts.</summary>
    public static readonly Page<AboutPage.State> About = AboutPage.create(Texts.Get);

    /// <summary>
    /// The site's database (SQLite at <paramref name="connectionString"/>) and LiveView with the site's languages and
    /// pages. <see cref="Seed.EnsureAsync"/> creates and fills the database.
    /// </summary>
    public static IServiceCollection AddWebsite(this IServiceCollection services, string connectionString)
    {
        services.AddDbContext<SiteDb>(options => options.UseSqlite(connectionString));
        services
            .AddLiveView(options =>
            {
                foreach (var culture in Cultures)
                {
                    options.SupportedCultures.Add(culture);
                }
            })
            .AddPage(HomePage.Page)
            .AddPage(BlogPage.Page)
            .AddPage(BlogPostPage.Page)
            .AddPage(About)
            .AddPage(ContactPage.Page)
            .AddPage(NotFoundPage.Page);
        return services;
    }
}
