using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using QuickStart.Pages;

namespace QuickStart.Tests;

/// <summary>The home page: its button draws a number from 0 to 10 and the heading shows it.</summary>
public sealed class HomeTests
{
    [Fact]
    public void The_heading_is_empty_until_the_button_is_clicked()
    {
        var page = LiveTest.Mount(Home.Page);
        Assert.Equal("", page.Text("#output-random-number"));
        Assert.Equal("Home", page.Title);
    }

    [Fact]
    public void The_button_shows_a_number_from_0_to_10()
    {
        var page = LiveTest.Mount(Home.Page).Click("button");
        Assert.InRange(int.Parse(page.Text("#output-random-number")), 0, 10);
        Assert.Equal(page.StateAs<HomeState>().Number?.ToString(), page.Text("#output-random-number"));
    }

    [Fact]
    public void The_same_seed_draws_the_same_numbers()
    {
        string Draws(int seed)
        {
            var page = LiveTest.Mount(Home.Page, new LiveTestOptions { Seed = seed });
            return string.Join(",", Enumerable.Range(0, 5).Select(_ => page.Click("button").Text("#output-random-number")));
        }

        Assert.Equal(Draws(7), Draws(7));
    }

    [Property]
    public Property Whatever_a_user_does_the_heading_shows_a_number_from_0_to_10_or_nothing() =>
        Prop.ForAll(Journey.Arbitrary(20), journey =>
        {
            var shown = journey.Run(LiveTest.Mount(Home.Page)).Text("#output-random-number");
            return shown == "" || int.Parse(shown) is >= 0 and <= 10;
        });

    [Fact]
    public void Every_binding_names_a_handler_of_the_page() => Wiring.Check(() => LiveTest.Mount(Home.Page));
}
