using Microsoft.EntityFrameworkCore;
using Website;
using Website.About;
using Website.Data;
using Website.Pages;

var builder = WebApplication.CreateBuilder(args);
string[] cultures = ["en", "es"];

// The blog and the contact messages live in SQLite; the file is created and seeded on first run.
builder.Services.AddDbContext<SiteDb>(options =>
    options.UseSqlite(builder.Configuration.GetConnectionString("Site") ?? "Data Source=website.db"));

var about = AboutPage.create(Texts.Get);
builder.Services
    .AddLiveView(options =>
    {
        foreach (var culture in cultures)
        {
            options.SupportedCultures.Add(culture);
        }
    })
    .AddPage(HomePage.Page)
    .AddPage(BlogPage.Page)
    .AddPage(BlogPostPage.Page)
    .AddPage(about)
    .AddPage(ContactPage.Page);

var app = builder.Build();
await Seed.EnsureAsync(app.Services);

// The language of the first paint: ?culture=es, then the culture cookie the language switch sets, then the browser's.
app.UseRequestLocalization(options => options
    .SetDefaultCulture(cultures[0]).AddSupportedCultures(cultures).AddSupportedUICultures(cultures));

app.MapLiveView();
app.MapLivePage("/", HomePage.Page, Layout.Base);
app.MapLivePage("/blog", BlogPage.Page, Layout.Base);
app.MapLivePage("/blog/{slug}", BlogPostPage.Page, Layout.Base);
app.MapLivePage("/about", about, Layout.Base);
app.MapLivePage("/contact", ContactPage.Page, Layout.Base);
app.Run();

