using System.Globalization;

namespace LiveViewApp.Pages;

/// <summary>The home page: a counter. Its state is a number.</summary>
public static class Home
{
    /// <summary>The page: its name, its first state, its view and its handlers.</summary>
    public static readonly Page<int> Page =
        LivePage.Create("home", initial: 0, view: View)
            .WithTitle("Home")
            .On(Increment)
            .On(Decrement);

    /// <summary>A handler returns the new state: the server renders the view and sends what changed.</summary>
    private static Reply<int> Increment(int count, ActionContext ctx) => count + 1;

    private static Reply<int> Decrement(int count, ActionContext ctx) => count - 1;

    private static XmlNode View(int count) =>
        H.Section(
            H.H1("Hello, LiveView"),
            H.P("Each click goes to the server over the page's WebSocket; the page changes where the view says it does."),
            H.Div(
                H.Button("−").Class("button").Attr("aria-label", "Decrement").On("click", Decrement),
                H.Output(count.ToString(CultureInfo.InvariantCulture)).Id("count").Attr("aria-live", "polite"),
                H.Button("+").Class("button").Attr("aria-label", "Increment").On("click", Increment)).Class("counter"));
}
