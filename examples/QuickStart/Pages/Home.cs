using System.Globalization;

namespace QuickStart.Pages;

/// <summary>The home page's state: the last number drawn, if any.</summary>
public sealed record HomeState(int? Number);

/// <summary>The seed's home page: a button that asks the server for a random number from 0 to 10.</summary>
public static class Home
{
    /// <summary><c>home-&gt;random_number</c> draws a number; the view shows it in <c>#output-random-number</c>.</summary>
    public static readonly Page<HomeState> Page =
        LivePage.Create("home", init: _ => new HomeState(null), view: View)
            .WithTitle("Home")
            .On(RandomNumber);

    /// <summary>Returns only the new state: the runtime renders the view and sends what changed.</summary>
    private static Reply<HomeState> RandomNumber(HomeState state, ActionContext ctx) =>
        state with { Number = ctx.Random.Next(0, 11) };

    private static XmlNode View(HomeState state) =>
        H.Section(
            H.H1("Hello, LiveView"),
            H.P("The button sends an action over the page's WebSocket; the server answers with what changed on the page."),
            H.Button("Random number").Class("button").On("click", RandomNumber),
            H.H2(state.Number?.ToString(CultureInfo.InvariantCulture) ?? "").Id("output-random-number"));
}
