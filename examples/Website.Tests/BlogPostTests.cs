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
    public void An_unknown_slug_says_the_post_is_not_found()
    {
        var page = Open("no-such-post");
        Assert.Equal("Post not found", page.Title);
        Assert.Equal("Post not found", page.Text("h1"));
        Assert.False(page.Has("#body"));
        Assert.Equal("Back to the blog", page.Text("#main a"));
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
