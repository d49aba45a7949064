namespace Website.Tests;

/// <summary>The site's "not found" page: any URL no page takes, status 404, in the site's layout and language.</summary>
public sealed class NotFoundTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public void An_unknown_address_shows_the_not_found_page_with_status_404_in_the_layout()
    {
        var page = LiveTest.Mount(HomePage.Page, site.Options("/", layout: true)).Visit("/no/such/page");
        Assert.Equal(404, page.Status);
        Assert.Equal("not_found", page.PageName);
        Assert.Equal("/no/such/page", page.Url);
        Assert.Equal("Page not found · LiveView Website", page.Title);
        Assert.Equal("Page not found", page.Text("#main h1"));
        Assert.Equal(["Home", "Blog", "About", "Contact"], page.All("nav a").Select(link => link.TextContent));
        Assert.Equal("no/such/page", page.StateAs<string>());
    }

    [Fact]
    public void Its_links_lead_back_into_the_site()
    {
        var page = LiveTest.Mount(NotFoundPage.Page, site.Options("/nowhere", LiveViewRoute, layout: true)).Click("#main a[data-page=home]");
        Assert.Equal("/", page.Url);
        Assert.Equal(200, page.Status);
        Assert.Equal("Welcome", page.Text("#main h1"));
    }

    [Fact]
    public void It_speaks_spanish()
    {
        var page = LiveTest.Mount(NotFoundPage.Page, site.Options("/nada", LiveViewRoute, culture: "es"));
        Assert.Equal(404, page.Status);
        Assert.Equal("Página no encontrada", page.Text("h1"));
        Assert.Equal(["Ir a la página de inicio", "Volver al blog"], page.All("#main a").Select(link => link.TextContent));
    }

    private const string LiveViewRoute = Microsoft.AspNetCore.Builder.LiveViewEndpointRouteBuilderExtensions.NotFoundPattern;
}
