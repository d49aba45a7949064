using LiveViewApp.Pages;

namespace LiveViewApp.Tests;

/// <summary>The home page, tested through its HTML as a person would use it: no server, no browser.</summary>
public sealed class HomeTests
{
    [Fact]
    public void The_counter_starts_at_zero()
    {
        var page = LiveTest.Mount(Home.Page);
        Assert.Equal("0", page.Text("#count"));
        Assert.Equal("Home", page.Title);
    }

    [Fact]
    public void Plus_adds_one_and_minus_takes_one_away()
    {
        var page = LiveTest.Mount(Home.Page)
            .Click("button[aria-label=Increment]")
            .Click("button[aria-label=Increment]")
            .Click("button[aria-label=Decrement]");
        Assert.Equal("1", page.Text("#count"));
    }

    [Fact]
    public void Every_binding_names_a_handler_of_the_page() => Wiring.Check(() => LiveTest.Mount(Home.Page));
}
