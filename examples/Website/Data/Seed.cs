using Microsoft.EntityFrameworkCore;

namespace Website.Data;

/// <summary>Creates the database on first run and fills it with a few posts.</summary>
public static class Seed
{
    private static readonly (string Slug, string Title, string Summary)[] Posts =
    [
        ("html-over-the-wire", "HTML over the wire", "Why the server sends HTML, not JSON."),
        ("pure-page-functions", "Pure page functions", "A page is (state, action) -> (state, patches)."),
        ("one-socket-per-tab", "One socket per tab", "What a WebSocket per tab costs, and what it buys."),
        ("effects-as-data", "Effects as data", "Database work happens outside the page function."),
        ("server-side-rendering", "Server-side rendering first", "Every URL renders over plain HTTP first."),
        ("history-without-reloads", "History without reloads", "Back and forward from the session storage."),
        ("forms-that-validate", "Forms that validate as you type", "Validation is a function of the form's fields."),
        ("speaking-spanish", "Hablando español", "The language of every action comes from the page."),
        ("loading-states", "Loading states", "A slow action shows the loading indicator, a fast one does not."),
        ("deploying-behind-nginx", "Deploying behind nginx", "Two location blocks and an Upgrade header."),
    ];

    /// <summary>Creates the schema if the file is new and adds the posts if there are none.</summary>
    public static async Task EnsureAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDb>();
        await db.Database.EnsureCreatedAsync();
        if (await db.Posts.AnyAsync())
        {
            return;
        }

        var day = new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);
        foreach (var (slug, title, summary) in Posts)
        {
            db.Posts.Add(new Post
            {
                Slug = slug,
                Title = title,
                Summary = summary,
                Body = $"{summary} This post is part of the example site of LiveView for .NET; its text lives in SQLite.",
                Published = day,
            });
            day = day.AddDays(9);
        }

        await db.SaveChangesAsync();
    }
}
