using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Website.Tests;

/// <summary>
/// The site's services as Program.cs registers them (<see cref="Site.AddWebsite"/>), on a SQLite file of their own in
/// a temporary folder, seeded as the app seeds it, and deleted at the end; the clock's delays pass at once (the
/// search is slow on purpose). One per test class: its tests share the database, the classes run side by side.
/// </summary>
public sealed class SiteFixture : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("liveview-website-tests-").FullName;
    private readonly ServiceProvider services;

    public SiteFixture()
    {
        services = new ServiceCollection()
            .AddWebsite($"Data Source={Path.Combine(folder, "website.db")}")
            .AddSingleton<TimeProvider>(new InstantTime())
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        Seed.EnsureAsync(services).GetAwaiter().GetResult();
    }

    /// <summary>
    /// How a test opens a page of the site at <paramref name="url"/> (its route <paramref name="route"/>): on the
    /// site's services, in <paramref name="culture"/> (the site's default, English, unless told), with every page of
    /// the site a link may reach; in the site's own layout (its menu, its titles) when <paramref name="layout"/>.
    /// </summary>
    public LiveTestOptions Options(
        string url, string? route = null, string culture = "en", EffectMode effects = EffectMode.RunAll, bool layout = false) =>
        new LiveTestOptions
        {
            Url = url,
            Route = route,
            Culture = CultureInfo.GetCultureInfo(culture),
            Services = services,
            Effects = effects,
            Layout = layout ? Layout.Base : null,
        }
        .AddPage("/", HomePage.Page)
        .AddPage("/blog", BlogPage.Page)
        .AddPage("/blog/{slug}", BlogPostPage.Page)
        .AddPage("/about", Site.About)
        .AddPage("/contact", ContactPage.Page)
        .AddPage(LiveViewEndpointRouteBuilderExtensions.NotFoundPattern, NotFoundPage.Page);

    /// <summary>The contact messages stored, oldest first.</summary>
    public List<ContactMessage> Messages()
    {
        using var scope = services.CreateScope();
        return [.. scope.ServiceProvider.GetRequiredService<SiteDb>().Messages.AsNoTracking().OrderBy(message => message.Id)];
    }

    public void Dispose()
    {
        services.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>The system's clock, but a delay or a timer is due at once.</summary>
    private sealed class InstantTime : TimeProvider
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            base.CreateTimer(callback, state, TimeSpan.Zero, period);
    }
}
