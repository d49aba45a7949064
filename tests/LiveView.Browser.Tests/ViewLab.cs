using System.Collections.Immutable;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LiveView.Browser.Tests;

/// <summary>The lab page's state: every field comes from the view, so each handler only returns a new state.</summary>
public sealed record ViewLabState
{
    public int Ticks { get; init; }

    public bool Wrapped { get; init; }

    public string Note { get; init; } = "";

    public string Name { get; init; } = "";

    public string Bio { get; init; } = "";

    public bool Agree { get; init; }

    public string Code { get; init; } = "";

    public string Draft { get; init; } = "";

    public ImmutableList<string> Said { get; init; } = [];

    public ImmutableList<string> Jotted { get; init; } = [];

    public int Items { get; init; } = 30;

    public bool ListWrapped { get; init; }

    public bool Swapped { get; init; }

    public bool HookShown { get; init; } = true;

    public int Pings { get; init; }
}

/// <summary>
/// A page whose view drives every update (protocol 2's view changes), served by a small app of its own at
/// <c>/view</c>, with a second page at <c>/view/other</c> and the hooks of <c>/view-hooks.js</c>.
/// </summary>
public sealed class ViewLab : IAsyncDisposable
{
    private const string Hooks = """
        window.__hookLog = window.__hookLog || [];
        const log = (entry) => window.__hookLog.push(entry);
        LiveView.hooks.Broken = {
          mounted() { throw new Error("a broken hook"); },
          updated() { throw new Error("a broken hook"); },
        };
        LiveView.hooks.Pinger = {
          mounted() {
            log("mounted " + this.el.id);
            this.el.setAttribute("data-mounted", "yes"); // the hook's own DOM work: not an update
            this.handleEvent("pong", (payload) => log("pong " + payload.n));
            this.el.addEventListener("click", () => this.pushEvent("ping", { n: 41 }));
          },
          updated() { log("updated " + this.el.querySelector("#pings").textContent); },
          destroyed() { log("destroyed " + this.el.id); },
        };
        window.addEventListener("liveview:pong", (event) => log("window pong " + event.detail.n));
        """;

    /// <summary>Hooks a deferred script in the head of a <c>LiveLayout.Document</c> defines: it runs before the client.</summary>
    private const string HeadHooks = """
        window.LiveViewHooks = window.LiveViewHooks || {};
        window.LiveViewHooks.Early = { mounted() { (window.__hookLog = window.__hookLog || []).push("head " + this.el.id); } };
        """;

    private readonly WebApplication app;

    private ViewLab(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static readonly Page<ViewLabState> Page =
        LivePage.Create("view", initial: new ViewLabState(), view: View)
            .WithTitle("View lab")
            .On("tick", (s, _) => s with { Ticks = s.Ticks + 1 })
            .On("wrap", (s, _) => s with { Wrapped = !s.Wrapped })
            .On("typed", (s, ctx) => s with { Note = ctx.Form("note") ?? "" })
            .On("name", (s, ctx) => s with { Name = ctx.Form("name") ?? "" })
            .On("bio", (s, ctx) => s with { Bio = ctx.Form("bio") ?? "" })
            .On("code", (s, ctx) => s with { Code = ctx.Form("code") ?? "" })
            .On("shout", (s, _) => s with
            {
                Name = s.Name.ToUpperInvariant(),
                Bio = s.Bio.ToUpperInvariant(),
                Code = s.Code.ToUpperInvariant(),
                Agree = true,
            })
            .On("compose", (s, ctx) => s with { Draft = ctx.Form("message") ?? "" })
            .On("say", (s, ctx) => s with { Said = s.Said.Add(ctx.Form("message") ?? ""), Draft = "" })
            .On("jot", (s, ctx) => s with { Jotted = s.Jotted.Add($"{ctx.Form("jotting")} {ctx.Form("urgent") ?? "off"} {ctx.Form("kind")}") })
            .On("more", (s, _) => s with { Items = s.Items + 5 })
            .On("wrap_list", (s, _) => s with { ListWrapped = !s.ListWrapped })
            .On("swap", (s, _) => s with { Swapped = !s.Swapped })
            .On("reload_list", (s, _) => (s, Patch.Html("#list-box", List(s, "reloaded"))))
            .On("hide_hook", (s, _) => s with { HookShown = false })
            .On("show_hook", (s, _) => s with { HookShown = true })
            .On("ping", (s, ctx) => (s with { Pings = s.Pings + 1 }, Patch.Event("pong", new { n = int.Parse(ctx.Data("n")!) + 1 })));

    public static readonly Page<int> Other =
        LivePage.Create("other", initial: 0, view: _ => H.P("the other page").Id("other")).WithTitle("Other");

    /// <summary>A page with a hook, in a <c>LiveLayout.Document</c> whose head has the script that defines it.</summary>
    public static readonly Page<int> Hooked =
        LivePage.Create("hooked", initial: 0, view: _ => H.Div().Id("early").Attr("data-liveview-hook", "Early")).WithTitle("Hooked");

    private static XmlNode View(ViewLabState s)
    {
        var note = H.Input().Id("note").Name("note").Action("input->view#typed").Data("debounce", "50");
        XmlNode listBox = (s.ListWrapped ? H.Section(List(s, "")) : H.Div(List(s, ""))).Id("list-box").Data("key", "list");
        XmlNode above = H.P("above the list").Data("key", "above");
        XmlNode below = H.P("below the list").Data("key", "below");
        return H.Div(
            H.Form(
                H.P($"ticks {s.Ticks}").Id("status"),
                (s.Wrapped ? H.Section(note) : H.Div(note)).Id("note-box"),
                H.Output(s.Note).Id("note-echo"))
                .Id("editor").Data("ticks", s.Ticks.ToString()),
            H.Form(
                H.Input().Id("name").Name("name").Value(s.Name).Action("input->view#name").Data("debounce", "50"),
                H.Output(s.Name).Id("name-echo"),
                H.Textarea(s.Bio).Id("bio").Name("bio").Action("input->view#bio").Data("debounce", "50"),
                H.Output(s.Bio).Id("bio-echo"),
                s.Agree ? H.Input().Type("checkbox").Id("agree").Name("agree").Flag("checked") : H.Input().Type("checkbox").Id("agree").Name("agree"),
                H.Input().Id("code").Name("code").Value(s.Code).Action("input->view#code").Data("debounce", "50").Flag("data-liveview-overwrite"),
                H.Output(s.Code).Id("code-echo"))
                .Id("drafts"),
            H.Ul([.. s.Said.Select(line => H.Li(line))]).Id("said"),
            H.Form(
                H.Input().Id("message").Name("message").Value(s.Draft).Action("input->view#compose").Data("debounce", "50"),
                H.Output(s.Draft).Id("draft-echo"))
                .Id("composer").Action("page#run").Data("liveview-action", "view").Data("liveview-function", "say"),
            // A form whose fields the state does not follow: the view always shows them empty.
            H.Form(
                H.Input().Id("jotting").Name("jotting"),
                H.Input().Type("checkbox").Id("urgent").Name("urgent"),
                H.Select(H.Option("note").Value("note"), H.Option("task").Value("task")).Id("kind").Name("kind"))
                .Id("jotter").Action("submit->view#jot"),
            H.Ul([.. s.Jotted.Select(line => H.Li(line))]).Id("jotted"),
            H.Div(s.Swapped ? new[] { listBox, above, below } : new[] { above, below, listBox }).Id("lists"), // the list moves
            H.Div(Around(s)).Id("around"),
            H.Div().Id("early").Attr("data-liveview-hook", "Early"),
            H.Div().Id("broken").Attr("data-liveview-hook", "Broken"),
            s.HookShown
                ? H.Div(H.Span($"pings {s.Pings}").Id("pings")).Id("hooked").Attr("data-liveview-hook", "Pinger")
                : H.P("no hook").Id("no-hook"),
            H.A("Other").Id("to-other").Href("/view/other").Action("page#changePage").Data("page", "other"));
    }

    /// <summary>An element the page's scripts own, with a sibling before it that comes and goes.</summary>
    private static XmlNode[] Around(ViewLabState s)
    {
        var widget = H.Div(H.Span($"from the view {s.Ticks}")).Id("widget").Flag("data-liveview-ignore").Data("ticks", s.Ticks.ToString());
        var status = H.P($"ticks {s.Ticks}").Id("widget-status");
        return s.Ticks % 2 == 1 ? [H.P("odd"), widget, status] : [widget, status];
    }

    private static XmlNode List(ViewLabState s, string kind) =>
        H.Ul([.. Enumerable.Range(1, s.Items).Select(i => H.Li($"item {i}").Data("key", i.ToString()).Attr("style", "height: 20px"))])
            .Id("items").Class(kind).Attr("style", "height: 100px; overflow: auto; margin: 0");

    private static XmlNode Layout(LayoutContext page) =>
        H.Html(
            H.Head(H.Meta().Attr("charset", "utf-8"), H.Title(page.Title)),
            H.Body(
                H.Section("Loading…").Id("loading").Flag("hidden"),
                H.Main(page.Content).Id("main"),
                page.ClientScript,
                H.Script().Attr("src", "/view-hooks.js").Flag("defer")))
        .Attr("lang", page.Lang);

    private static XmlNode DocumentLayout(LayoutContext page) =>
        LiveLayout.Document(page, page.Title, [H.Script().Attr("src", "/view-head-hooks.js").Flag("defer")], [.. LiveLayout.Status, LiveLayout.Main(page)]);

    public static async Task<ViewLab> StartAsync()
    {
        var (app, address) = await LabServer.StartAsync(
            services => services.AddLiveView().AddPage(Page).AddPage(Other).AddPage(Hooked),
            app =>
            {
                app.MapLivePage("/view", Page, Layout);
                app.MapLivePage("/view/other", Other, Layout);
                app.MapGet("/view-hooks.js", () => Results.Text(Hooks, "text/javascript"));
                app.MapLivePage("/view/document", Hooked, DocumentLayout);
                app.MapGet("/view-head-hooks.js", () => Results.Text(HeadHooks, "text/javascript"));
            });
        return new ViewLab(app, address);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
