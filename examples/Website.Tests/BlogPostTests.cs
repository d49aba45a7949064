namespace Website.Tests;

/// <summary>A post, opened by its slug: read from the database before the first paint, with how many read it now.</summary>
public sealed class BlogPostTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private LiveTest Open(string slug, LiveTestHub? hub = null)
    {
        var options = site.Options($"/blog/{slug}", "/blog/{slug}");
        options.Hub = hub;
        return LiveTest.Mount(BlogPostPage.Page, options);
    }

    [Fact]
    public void A_post_shows_its_title_date_and_text()
    {
        var page = Open("effects-as-data");
        Assert.Equal("Effects as data", page.Title);
        Assert.Equal("Effects as data", page.Text("h1"));
        Assert.Equal("Sunday, February 1, 2026", page.Text("#published"));
        Assert.Equal(
            "Database work happens outside the page function. This post is part of the example site of LiveView for .NET; its text lives in SQLite.",
            page.Text("#body"));
    }

    [Fact]
    public void The_first_paint_has_the_post_and_its_description_for_crawlers()
    {
        var page = Open("effects-as-data");
        Assert.Equal("/blog/effects-as-data", page.Url);
        Assert.Equal("Database work happens outside the page function.", page.Attribute("meta[name=description]", "content"));
        Assert.Equal("article", page.Attribute("meta[property='og:type']", "content"));
    }

    [Fact]
    public void A_post_is_found()
    {
        Assert.Equal(200, Open("effects-as-data").Status);
    }

    [Fact]
    public void An_unknown_slug_is_not_found_404_with_the_sites_not_found_page()
    {
        var page = Open("no-such-post");
        Assert.Equal(404, page.Status);
        Assert.Equal("Post not found", page.Title);
        Assert.Equal("Post not found", page.Text("h1"));
        Assert.Equal("There is nothing at this address. It may have moved, or the link may be wrong.", page.Text("#main p"));
        Assert.False(page.Has("#body"));
        Assert.Equal(["Go to the home page", "Back to the blog"], page.All("#main a").Select(link => link.TextContent));
        Assert.Equal("noindex", page.Attribute("meta[name=robots]", "content"));

        page.Click("#main a[data-page=blog]");
        Assert.Equal("/blog", page.Url);
        Assert.Equal(200, page.Status);
    }

    [Fact]
    public void A_post_is_shown_in_the_pages_language()
    {
        var page = LiveTest.Mount(BlogPostPage.Page, site.Options("/blog/effects-as-data", "/blog/{slug}", culture: "es"));
        Assert.Equal("Efectos como datos", page.Text("h1"));
        Assert.Equal(
            "El trabajo con la base de datos ocurre fuera de la función de la página. Este artículo forma parte del sitio de ejemplo de LiveView para .NET; su texto vive en SQLite.",
            page.Text("#body"));
        Assert.Equal("El trabajo con la base de datos ocurre fuera de la función de la página.", page.Attribute("meta[name=description]", "content"));
    }

    [Fact]
    public void The_page_counts_the_tabs_reading_the_post()
    {
        var hub = new LiveTestHub(DateTimeOffset.UnixEpoch);
        var first = Open("loading-states", hub);
        Assert.Equal("1 reading now", first.Text("#readers"));

        var second = Open("loading-states", hub);
        Open("effects-as-data", hub);
        Assert.Equal("2 reading now", first.Text("#readers"));
        Assert.Equal("2 reading now", second.Text("#readers"));

        second.Click("#main p a"); // back to the blog: the tab leaves the post
        Assert.Equal("1 reading now", first.Text("#readers"));
    }

    [Fact]
    public void Every_binding_names_a_handler_of_the_page() => Wiring.Check(() => Open("html-over-the-wire"));
}
