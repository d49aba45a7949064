namespace Website.Tests;

/// <summary>Moving around the site by its menu, in its own layout: no reload, the URL, title and menu follow.</summary>
public sealed class NavigationTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private LiveTest Open() => LiveTest.Mount(HomePage.Page, site.Options("/", layout: true));

    private static string Active(LiveTest page) => Assert.Single(page.All("nav a.active")).TextContent;

    [Fact]
    public void The_first_paint_is_in_the_site_layout_with_its_page_marked_in_the_menu()
    {
        var page = Open();
        Assert.Equal("Welcome · LiveView Website", page.Title);
        Assert.Equal(["Home", "Blog", "About", "Contact"], page.All("nav a").Select(link => link.TextContent));
        Assert.Equal("Home", Active(page));
        Assert.Equal("en", page.Attribute("html", "lang"));
    }

    [Theory]
    [InlineData("Blog", "/blog", "Blog · LiveView Website", "Blog")]
    [InlineData("About", "/about", "About · LiveView Website", "About")]
    [InlineData("Contact", "/contact", "Contact · LiveView Website", "Contact")]
    public void A_menu_link_opens_its_page(string link, string url, string title, string heading)
    {
        var page = Open().Click($"nav a[data-page={link.ToLowerInvariant()}]");
        Assert.Equal(url, page.Url);
        Assert.Equal(title, page.Title);
        Assert.Equal(heading, page.Text("#main h1"));
        Assert.Equal(link, Active(page));
    }

    [Fact]
    public void After_a_navigation_the_new_pages_heading_has_the_focus_and_its_title_is_announced()
    {
        var page = Open().Click("nav a[data-page=blog]");
        Assert.Same(page.Document.QuerySelector("#main h1"), page.Focused);
        Assert.Equal("-1", page.Attribute("#main h1", "tabindex"));
        Assert.Equal("Blog · LiveView Website", page.Text("#liveview-announcer"));
        Assert.Equal("polite", page.Attribute("#liveview-announcer", "aria-live"));
    }

    [Fact]
    public void The_menu_goes_from_page_to_page_and_home_again()
    {
        var page = Open().Click("nav a[data-page=contact]").Click("nav a[data-page=blog]").Click("#posts li a");
        Assert.Equal("/blog/deploying-behind-nginx", page.Url);
        Assert.Equal("Deploying behind nginx · LiveView Website", page.Title);
        Assert.Equal("blog_post", page.PageName);

        page.Click("nav a[data-page=home]");
        Assert.Equal("/", page.Url);
        Assert.Equal("Welcome", page.Text("#main h1"));
        Assert.Equal("Home", Active(page));
    }
}
