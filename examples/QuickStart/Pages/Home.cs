using System.Globalization;

namespace QuickStart.Pages;

/// <summary>The home page's state: the last number drawn, if any.</summary>
public sealed record HomeState(int? Number);

/// <summary>The seed's home page: a button that asks the server for a random number from 0 to 10.</summary>
public static class Home
{
    /// <summary><c>home-&gt;random_number</c> draws a number and puts it into <c>#output-random-number</c>.</summary>
    public static readonly Page<HomeState> Page =
        LivePage.Create("home", init: _ => new HomeState(null), view: View)
            .WithTitle("Home")
            .On("random_number", (state, ctx) =>
            {
                var number = ctx.Random.Next(0, 11);
                return (state with { Number = number },
                        Patch.Html("#output-random-number", number.ToString(CultureInfo.InvariantCulture)));
            });

    private static XmlNode View(HomeState state) =>
        H.Section(
            H.H1("Hello, LiveView"),
            H.P("The button sends an action over the page's WebSocket; the server answers with the HTML to show."),
            H.Button("Random number").Class("button").Action("click->home#randomNumber"),
            H.H2(state.Number?.ToString(CultureInfo.InvariantCulture) ?? "").Id("output-random-number"));
}
