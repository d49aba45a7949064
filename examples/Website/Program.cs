using Website;
using Website.Data;
using Website.Pages;

var builder = WebApplication.CreateBuilder(args);

// The blog and the contact messages live in SQLite; the file is created and seeded on first run.
builder.Services.AddWebsite(builder.Configuration.GetConnectionString("Site") ?? "Data Source=website.db");

var app = builder.Build();
await Seed.EnsureAsync(app.Services);

// The language of the first paint: ?culture=es, then the culture cookie the language switch sets, then the browser's.
app.UseRequestLocalization(options => options
    .SetDefaultCulture(Site.Cultures[0]).AddSupportedCultures(Site.Cultures).AddSupportedUICultures(Site.Cultures));

app.MapLiveView();
app.MapLivePage("/", HomePage.Page, Layout.Base);
app.MapLivePage("/blog", BlogPage.Page, Layout.Base);
app.MapLivePage("/blog/{slug}", BlogPostPage.Page, Layout.Base);
app.MapLivePage("/about", Site.About, Layout.Base);
app.MapLivePage("/contact", ContactPage.Page, Layout.Base);
// Any other URL: the site's "not found" page, with status 404.
app.MapLiveNotFound(NotFoundPage.Page, Layout.Base);
app.Run();

