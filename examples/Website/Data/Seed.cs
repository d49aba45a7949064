using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Website.Data;

/// <summary>Creates the database on first run and fills it with a few posts, each in English and in Spanish.</summary>
public static class Seed
{
    /// <summary>A post's title and summary in one language.</summary>
    private sealed record Text(string Title, string Summary);

    private static readonly (string Slug, Text En, Text Es)[] Posts =
    [
        ("html-over-the-wire",
            new("HTML over the wire", "Why the server sends HTML, not JSON."),
            new("HTML por el cable", "Por qué el servidor envía HTML y no JSON.")),
        ("pure-page-functions",
            new("Pure page functions", "A page is (state, action) -> (state, patches)."),
            new("Funciones de página puras", "Una página es (estado, acción) -> (estado, parches).")),
        ("one-socket-per-tab",
            new("One socket per tab", "What a WebSocket per tab costs, and what it buys."),
            new("Un socket por pestaña", "Lo que cuesta un WebSocket por pestaña, y lo que aporta.")),
        ("effects-as-data",
            new("Effects as data", "Database work happens outside the page function."),
            new("Efectos como datos", "El trabajo con la base de datos ocurre fuera de la función de la página.")),
        ("server-side-rendering",
            new("Server-side rendering first", "Every URL renders over plain HTTP first."),
            new("Primero, HTML desde el servidor", "Cada URL se pinta primero por HTTP, sin más.")),
        ("history-without-reloads",
            new("History without reloads", "Back and forward from the session storage."),
            new("Historial sin recargas", "Atrás y adelante desde el almacenamiento de la sesión.")),
        ("forms-that-validate",
            new("Forms that validate as you type", "Validation is a function of the form's fields."),
            new("Formularios que validan mientras escribes", "La validación es una función de los campos del formulario.")),
        ("speaking-spanish",
            new("Speaking Spanish", "The language of every action comes from the page."),
            new("Hablando español", "El idioma de cada acción viene de la página.")),
        ("loading-states",
            new("Loading states", "A slow action shows the loading indicator, a fast one does not."),
            new("Estados de carga", "Una acción lenta muestra el indicador de carga; una rápida, no.")),
        ("deploying-behind-nginx",
            new("Deploying behind nginx", "Two location blocks and an Upgrade header."),
            new("Desplegar detrás de nginx", "Dos bloques location y una cabecera Upgrade.")),
    ];

    /// <summary>What follows each summary in a post's body, by language.</summary>
    private static readonly Dictionary<string, string> Coda = new()
    {
        ["en"] = "This post is part of the example site of LiveView for .NET; its text lives in SQLite.",
        ["es"] = "Este artículo forma parte del sitio de ejemplo de LiveView para .NET; su texto vive en SQLite.",
    };

    /// <summary>
    /// Creates the schema if the file is new and adds the posts if there are none. A file from an older version of the
    /// site (its posts in English only) is made again.
    /// </summary>
    public static async Task EnsureAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDb>();
        if (!await db.Database.EnsureCreatedAsync() && !await HasLanguagesAsync(db))
        {
            await db.Database.EnsureDeletedAsync();
            await db.Database.EnsureCreatedAsync();
        }

        if (await db.Posts.AnyAsync())
        {
            return;
        }

        var day = new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);
        foreach (var (slug, en, es) in Posts)
        {
            db.Posts.AddRange(Translation(slug, "en", en, day), Translation(slug, "es", es, day));
            day = day.AddDays(9);
        }

        await db.SaveChangesAsync();
    }

    private static Post Translation(string slug, string lang, Text text, DateTime published) => new()
    {
        Slug = slug,
        Lang = lang,
        Title = text.Title,
        Summary = text.Summary,
        Body = $"{text.Summary} {Coda[lang]}",
        Published = published,
    };

    private static async Task<bool> HasLanguagesAsync(SiteDb db)
    {
        try
        {
            await db.Posts.AnyAsync(post => post.Lang == "en");
            return true;
        }
        catch (SqliteException)
        {
            return false; // no Lang column: the posts of an older version
        }
    }
}
