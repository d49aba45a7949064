namespace Website.Tests;

/// <summary>The blog: the newest posts from the database, then more on demand, appended to a stream.</summary>
public sealed class BlogTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    /// <summary>The seeded posts' slugs, newest first.</summary>
    private static readonly string[] Newest =
    [
        "deploying-behind-nginx", "loading-states", "speaking-spanish", "forms-that-validate", "history-without-reloads",
        "server-side-rendering", "effects-as-data", "one-socket-per-tab", "pure-page-functions", "html-over-the-wire",
    ];

    private LiveTest Open() => LiveTest.Mount(BlogPage.Page, site.Options("/blog"));

    private static string[] Shown(LiveTest page) => [.. page.All("#posts > li").Select(item => item.Id!)];

    private static string[] Items(int count) => [.. Newest.Take(count).Select(slug => $"post-{slug}")];

    [Fact]
    public void The_first_paint_shows_the_four_newest_posts_and_a_button_for_more()
    {
        var page = Open();
        Assert.Equal("Blog", page.Title);
        Assert.Equal(Items(4), Shown(page));
        Assert.Equal("Deploying behind nginx", page.Text("#post-deploying-behind-nginx h2"));
        Assert.Equal("Two location blocks and an Upgrade header.", page.Text("#post-deploying-behind-nginx p"));
        Assert.Equal("3/27/2026", page.Text("#post-deploying-behind-nginx small"));
        Assert.Equal("Load more", page.Text("#load-more"));
    }

    [Fact]
    public void Load_more_appends_the_next_posts_until_there_are_no_more()
    {
        var page = Open().Click("#load-more");
        Assert.Equal(Items(8), Shown(page));
        Assert.True(page.Has("#load-more"));

        page.Click("#load-more");
        Assert.Equal(Items(10), Shown(page));
        Assert.False(page.Has("#load-more"), "the last batch takes the button away");
    }

    [Fact]
    public void The_posts_go_to_the_page_as_a_stream_the_server_keeps_only_how_many_it_shows()
    {
        var page = Open();
        Assert.Equal(new BlogState(4, true), page.StateAs<BlogState>());

        var before = page.Frames.Count;
        page.Click("#load-more");
        var sent = page.Frames.Skip(before).SelectMany(frame => frame.Patches).OfType<Patch.Stream>()
            .Select(patch => patch.Op).OfType<StreamOp.Insert>().Select(insert => insert.Key);
        Assert.Equal(Items(8).Skip(4), sent);
        Assert.Equal(new BlogState(8, true), page.StateAs<BlogState>());
    }

    [Fact]
    public void A_post_link_opens_the_post_and_its_back_link_the_blog()
    {
        var page = Open().Click("#post-loading-states a");
        Assert.Equal("/blog/loading-states", page.Url);
        Assert.Equal("Loading states", page.Text("h1"));

        page.Click("#main p a");
        Assert.Equal("/blog", page.Url);
        Assert.Equal(Items(4), Shown(page));
    }

    [Fact]
    public void Every_binding_names_a_handler_of_the_page() => Wiring.Check(() => Open());
}
