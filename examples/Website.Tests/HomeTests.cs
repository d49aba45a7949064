namespace Website.Tests;

/// <summary>The home page: a search of the blog's titles, as the visitor types, slow on purpose (it shows loading).</summary>
public sealed class HomeTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private LiveTest Open(EffectMode effects = EffectMode.RunAll) => LiveTest.Mount(HomePage.Page, site.Options("/", effects: effects));

    [Fact]
    public void The_page_welcomes_and_shows_no_results_before_a_search()
    {
        var page = Open();
        Assert.Equal("Welcome", page.Text("h1"));
        Assert.Equal("Welcome", page.Title);
        Assert.Equal("", page.Text("#results"));
    }

    [Fact]
    public void Typing_searches_the_titles_and_lists_the_posts_that_match_newest_first()
    {
        var page = Open().Fill("#q", "ing");
        Assert.Equal("4 posts match.", page.Text("#results p"));
        Assert.Equal(
            ["Deploying behind nginx", "Loading states", "Speaking Spanish", "Server-side rendering first"],
            page.All("#results li a").Select(link => link.TextContent));
        Assert.Equal("/blog/deploying-behind-nginx", page.Attribute("#results li a", "href"));
    }

    [Theory]
    [InlineData("nginx", "1 post matches.")]
    [InlineData("pa", "2 posts match.")]
    public void The_count_of_results_takes_the_plural_its_number_needs(string query, string count)
    {
        Assert.Equal(count, Open().Fill("#q", query).Text("#results p"));
    }

    [Fact]
    public void The_search_ignores_case()
    {
        var page = Open().Fill("#q", "html");
        Assert.Equal("HTML over the wire", page.Text("#results li a"));
    }

    [Fact]
    public void A_query_nothing_matches_says_so()
    {
        var page = Open().Fill("#q", "kubernetes");
        Assert.Equal("No posts match.", page.Text("#results"));
        Assert.Equal(0, page.Count("#results li"));
    }

    [Fact]
    public void Percent_and_underscore_in_a_query_are_searched_for_as_text()
    {
        Assert.Equal("No posts match.", Open().Fill("#q", "%").Text("#results"));
        Assert.Equal("No posts match.", Open().Fill("#q", "_").Text("#results"));
    }

    [Fact]
    public void While_the_search_runs_the_page_says_it_is_searching_and_the_action_is_still_loading()
    {
        var page = Open(EffectMode.Hold).Fill("#q", "effects");
        Assert.Equal("Searching…", page.Text("#results"));
        Assert.Equal("search_posts", Assert.Single(page.PendingEffects).Name);
        Assert.True(page.Frames[^1].Loading, "the client keeps its loading indicator");

        page.RunEffects();
        Assert.Equal("Effects as data", page.Text("#results li a"));
        Assert.False(page.Frames[^1].Loading, "the answer is complete");
        Assert.Empty(page.PendingEffects);
    }

    [Fact]
    public void A_query_longer_than_100_characters_is_cut_by_the_field_and_refused_without_a_search()
    {
        // The field's maxlength stops the browser at 100 characters.
        var page = Open(EffectMode.Hold).Fill("#q", new string('a', HomePage.MaxQueryLength + 1));
        Assert.Equal(HomePage.MaxQueryLength, page.Value("#q").Length);

        // A client that ignores it (the attribute taken away) gets an answer, not a database query.
        page = Open(EffectMode.Hold);
        page.Document.QuerySelector("#q")!.RemoveAttribute("maxlength");
        page.Fill("#q", new string('a', HomePage.MaxQueryLength + 1));
        Assert.Equal("Searches are limited to 100 characters.", page.Text("#results"));
        Assert.Empty(page.PendingEffects);
    }

    [Fact]
    public void A_result_opens_its_post()
    {
        var page = Open().Fill("#q", "nginx").Click("#results li a");
        Assert.Equal("/blog/deploying-behind-nginx", page.Url);
        Assert.Equal("Deploying behind nginx", page.Text("h1"));
    }

    [Fact]
    public void Every_binding_names_a_handler_of_the_page() => Wiring.Check(() => Open());
}
