using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LiveView.Browser.Tests;

/// <summary>A page with one control per client feature, served by a small app of its own.</summary>
public sealed class ClientLab : IAsyncDisposable
{
    private readonly WebApplication app;

    private ClientLab(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static readonly Page<int> Page =
        LivePage.Create("lab", initial: 0, view: View)
            .WithTitle("Lab")
            .On("append", (s, _) => (s, Patch.Append("#list", H.Li("second"))))
            .On("remove", (s, _) => (s, Patch.Remove("#gone")))
            .On("navigate", (s, _) => (s, new[] { Patch.Html("#log", "navigated"), Patch.Url("/lab/next"), Patch.Title("Next") }))
            .On("script", (s, _) => (s, Patch.Html("#log", H.Script(H.Raw("window.__ran = (window.__ran || 0) + 1;")), H.Span("scripted"))))
            .On("save", (s, ctx) => (s, Patch.Html("#log", string.Join("|",
                ctx.Form("title"), string.Join(",", ctx.FormValues("tags")), ctx.Form("size"), ctx.Form("body"), ctx.Culture.Name))))
            .On("search", (s, ctx) => (s, Patch.Html("#log", "search:" + ctx.Form("q"))))
            .On("echo_data", (s, ctx) => (s, Patch.Html("#log", "data:" + ctx.Data("itemId"))))
            .On("slow", (s, _) => Reply.With(s).Perform(
                "wait", async _ => { await Task.Delay(1500); return "slow done"; }, (s, text, _) => (s, Patch.Html("#log", text))))
            .On("slow_fail", (s, _) => Reply.With(s).Perform<int, string>(
                "explode", async _ => { await Task.Delay(1500); throw new InvalidOperationException("boom"); }, (s, _, _) => s))
            .On("toast", (s, _) => (s, Patch.Notify("Hello", "success", 700)))
            .On("fields", (s, ctx) => (s, Patch.Html("#log", string.Join(";",
                ctx.Action!.Form.Select(field => $"{field.Key}={string.Join(",", field.Value)}")))))
            .On("typed", (n, ctx) => (n + 1, Patch.Html("#typed", $"{n + 1}:{ctx.Form("text")}")));

    private static XmlNode View(int _) =>
        H.Div(
            H.Div().Id("log"),
            H.Ul(H.Li("first")).Id("list"),
            H.P("bye").Id("gone"),
            H.Button("Append").Id("append").Action("click->lab#append"),
            H.Button("Remove").Id("remove").Action("click->lab#remove"),
            H.Button("Navigate").Id("navigate").Action("click->lab#navigate"),
            H.Button("Script").Id("script").Action("click->lab#script"),
            H.Button("Data").Id("data").Action("click->lab#echoData").Data("item-id", "42"),
            H.Form(
                H.Input().Name("title").Value("hello"),
                H.Input().Type("checkbox").Name("tags").Value("a").Flag("checked"),
                H.Input().Type("checkbox").Name("tags").Value("b").Flag("checked"),
                H.Input().Type("checkbox").Name("tags").Value("c"),
                H.Select(H.Option("S"), H.Option("M").Flag("selected")).Name("size"),
                H.Textarea("some text").Name("body"),
                H.Button("Save").Type("submit").Id("save"))
                .Id("form").Action("page#run").Data("liveview-action", "lab").Data("liveview-function", "save"),
            H.Input().Id("search").Name("q").Action("keydown.enter->lab#search"),
            H.Button("Slow").Id("slow").Action("click->lab#slow"),
            H.Button("Slow and failing").Id("slow-fail").Action("click->lab#slowFail"),
            H.Button("Toast").Id("toast").Action("click->lab#toast"),
            H.Form(
                H.Input().Type("checkbox").Name("c").Value("a").Flag("checked"),
                H.Input().Type("checkbox").Name("c").Value("b"),
                H.Input().Type("checkbox").Name("c").Value("c"),
                H.Select(H.Option("one").Value("1"), H.Option("two").Value("2")).Name("s"),
                H.Select(H.Option("red").Value("red"), H.Option("green").Value("green"), H.Option("blue").Value("blue"))
                    .Name("m").Flag("multiple"),
                H.Textarea("").Name("t"),
                H.Input().Type("radio").Name("r").Value("x"),
                H.Input().Type("radio").Name("r").Value("y"),
                H.Input().Type("number").Name("n").Value("0"))
                .Id("fields").Action("change->lab#fields"),
            H.Input().Id("typed-input").Name("text").Action("input->lab#typed").Data("debounce", "200"),
            H.Output("0").Id("typed"),
            H.A("About").Id("about").Href("/about").Action("page#changePage").Data("page", "about"),
            H.A("Secret").Id("secret-link").Href("/secret").Action("page#changePage").Data("page", "secret"));

    /// <summary>
    /// A stream (<c>/feed</c>): the mount inserts one item; buttons append, prepend, update, delete, prune and reset;
    /// the state only counts.
    /// </summary>
    public static readonly Page<int> Feed =
        LivePage.Create("feed", initial: 0, view: n => H.Div(
                H.Ul().Id("feed").Flag(ViewTree.StreamAttribute),
                H.Output(n.ToString()).Id("n"),
                H.Button("Add").Id("add").Action("click->feed#add"),
                H.Button("Prepend").Id("prepend").Action("click->feed#prepend"),
                H.Button("Update").Id("update").Action("click->feed#update"),
                H.Button("Delete").Id("delete").Action("click->feed#delete"),
                H.Button("Prune").Id("prune").Action("click->feed#prune"),
                H.Button("Reset").Id("reset").Action("click->feed#reset")))
            .OnMount((n, _) => (n, Patch.StreamInsert("feed", "item-0", H.Li("start"))))
            .On("add", (n, _) => (n + 1, Patch.StreamInsert("feed", $"item-{n + 1}", H.Li($"item {n + 1}"))))
            .On("prepend", (n, _) => (n + 1, Patch.StreamInsert("feed", $"item-{n + 1}", H.Li($"item {n + 1}"), at: 0)))
            .On("update", (n, _) => (n, Patch.StreamInsert("feed", "item-1", H.Li("item 1, edited").Class("edited"))))
            .On("delete", (n, _) => (n, Patch.StreamDelete("feed", "item-0")))
            .On("prune", (n, _) => (n + 1, Patch.StreamInsert("feed", $"item-{n + 1}", H.Li($"item {n + 1}"), limit: -2)))
            .On("reset", (_, _) => (0, Patch.StreamReset("feed")));

    /// <summary>A page for signed-in users only, at <c>/secret</c>.</summary>
    public static readonly Page<int> Secret =
        LivePage.Create("secret", initial: 0, view: n => H.Div(H.P("the secret").Id("secret"), H.Output(n.ToString()).Id("peeks"), H.Button("Peek").Id("peek").Action("click->secret#peek")))
            .WithTitle("Secret")
            .On("peek", (n, _) => (n + 1, Patch.Html("#peeks", (n + 1).ToString())));

    public static async Task<ClientLab> StartAsync()
    {
        var (app, address) = await LabServer.StartAsync(
            services =>
            {
                services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
                    .AddCookie(cookie => cookie.LoginPath = "/login");
                services.AddAuthorization();
                services.AddLiveView(options => options.LoadingDelay = TimeSpan.FromMilliseconds(500)).AddPage(Page).AddPage(Secret).AddPage(Feed);
            },
            app =>
            {
                app.MapLivePage("/lab", Page, QuickStart.Pages.Layout.Base);
                app.MapLivePage("/feed", Feed, QuickStart.Pages.Layout.Base);
                app.MapLivePage("/secret", Secret, QuickStart.Pages.Layout.Base).RequireAuthorization();

                // A login page whose button signs in and goes back where the user was sent from.
                app.MapGet("/login", (string? returnUrl) => Results.Content(
                    $"<!DOCTYPE html><title>Sign in</title><a id=\"sign-in\" href=\"/sign-in?returnUrl={Uri.EscapeDataString(returnUrl ?? "/lab")}\">Sign in</a>",
                    "text/html"));
                app.MapGet("/sign-in", async (HttpContext http, string returnUrl) =>
                {
                    await http.SignInAsync(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "ada")], "lab")));
                    return Results.LocalRedirect(returnUrl);
                });
            });
        return new ClientLab(app, address);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
