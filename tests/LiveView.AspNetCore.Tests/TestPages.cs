using Microsoft.Extensions.DependencyInjection;

namespace LiveView.AspNetCore.Tests;

/// <summary>A scoped service that effects use, to prove each effect gets its own DI scope.</summary>
public sealed class Greeter
{
    public Guid Scope { get; } = Guid.NewGuid();

    public async Task<string> GreetAsync(string name)
    {
        await Task.Delay(10);
        return $"Hello, {name}!";
    }
}

public sealed record EffectsState(string? Greeting, int Loads);

public sealed record ArticleState(string Slug, string? Loaded);

public sealed record SearchState(string? Results);

public sealed record FeedState(int Shown);

/// <summary>A payload that cannot be written as JSON.</summary>
public sealed class Unwritable
{
    public int Value => throw new InvalidOperationException("not today");
}

public sealed record TodoState(System.Collections.Immutable.ImmutableList<string> Items);

/// <summary>What test pages' effects stored, for tests to read (a database stand-in).</summary>
public sealed class Store
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> items = new();

    public IReadOnlyCollection<string> Items => items;

    public void Add(string item) => items.Enqueue(item);
}

/// <summary>Pages that exercise the host's failure paths, effects and patch encoding.</summary>
public static class TestPages
{
    /// <summary>A counter whose <c>boom</c> handler throws.</summary>
    public static readonly Page<int> Faulty =
        LivePage.Create("faulty", initial: 0, view: n => H.Output(n.ToString()).Id("n"))
            .On("inc", (n, _) => (n + 1, Patch.Html("#n", (n + 1).ToString())))
            .On("noop", (n, _) => n)
            .On("toast", (n, _) => (n, Patch.Notify("Saved <ok>", "success")))
            .On("boom", (_, _) => throw new InvalidOperationException("kaboom"));

    /// <summary>Effects: a greeting loaded from a scoped service, a failing load, and a failure folded by the page.</summary>
    public static readonly Page<EffectsState> Effects =
        LivePage.Create("effects", initial: new EffectsState(null, 0), view: s => H.P(s.Greeting ?? "").Id("greeting"))
            .On("load", (state, ctx) =>
                Reply.With(state with { Loads = state.Loads + 1 }, Patch.Html("#status", "loading"))
                    .Perform(
                        "greet",
                        fx => fx.Services.GetRequiredService<Greeter>().GreetAsync(ctx.Data("name") ?? "nobody"),
                        (s, greeting, _) => (s with { Greeting = greeting }, Patch.Html("#greeting", $"{greeting} ({s.Loads})"))))
            .On("scopes", (state, _) =>
                Reply.With(state)
                    .Perform("first", fx => Task.FromResult(fx.Services.GetRequiredService<Greeter>().Scope), (s, id, _) => (s, Patch.Html("#first", id.ToString())))
                    .Perform("second", fx => Task.FromResult(fx.Services.GetRequiredService<Greeter>().Scope), (s, id, _) => (s, Patch.Html("#second", id.ToString()))))
            .On("fail", (state, _) =>
                Reply.With(state).Perform<EffectsState, string>(
                    "explode", _ => throw new TimeoutException("the database is down"), (s, _, _) => s))
            .On("fail_folded", (state, _) =>
                Reply.With(state).Attempt<EffectsState, string>(
                    "explode",
                    async _ => { await Task.Yield(); throw new TimeoutException("the database is down"); },
                    (s, _, _) => s,
                    (s, ex, _) => (s, Patch.Html("#status", "failed: " + ex.Message))))
            .On("count", (state, _) => (state, Patch.Html("#loads", state.Loads.ToString())))
            .On("slow_greet", (state, _) =>
                Reply.With(state).Perform(
                    "slow_greet",
                    async fx =>
                    {
                        await fx.Services.GetRequiredService<Gates>().PassAsync("greet", fx.Abandoned);
                        return "Hello, slowly!";
                    },
                    (s, greeting, _) => (s with { Greeting = greeting }, Patch.Html("#greeting", greeting))));

    /// <summary>
    /// A routed page (<c>/search</c>) whose <c>find</c> effect waits at the gate <c>find</c> and ignores that its page
    /// is gone (as work that writes would): its result arrives late, whatever happened meanwhile.
    /// </summary>
    public static readonly Page<SearchState> Search =
        LivePage.Create("search", initial: new SearchState(null), view: s => H.Div(s.Results ?? "none").Id("results"))
            .On("find", (state, ctx) =>
                Reply.With(state).Perform(
                    "find",
                    async fx =>
                    {
                        await fx.Services.GetRequiredService<Gates>().PassAsync("find", CancellationToken.None);
                        return $"found {ctx.Data("q")}";
                    },
                    (s, found, _) => (s with { Results = found }, Patch.Html("#results", found))))
            .On("results", (state, _) => (state, Patch.Html("#results", state.Results ?? "none")));

    /// <summary>Each handler answers with a particular combination of patches.</summary>
    public static readonly Page<int> Patches =
        LivePage.Create("patches", initial: 0, view: _ => H.Div())
            .On("remove", (s, _) => (s, Patch.Remove("#gone")))
            .On("navigate", (s, _) => (s, new[]
            {
                Patch.Html("#main", H.H1("About"), H.P("Hi <there>")),
                Patch.Url("/about"),
                Patch.Title("About us"),
            }))
            .On("two", (s, _) => (s, new[] { Patch.Html("#a", "1"), Patch.Append("#b", H.Li("2")) }))
            .On("scroll", (s, _) => (s, new[] { Patch.ScrollTo("#end"), Patch.ScrollTop }))
            .On("event", (s, _) => (s, new[] { Patch.Event("points", new { X = 1, Label = "a<b" }), Patch.Html("#a", "1") }))
            .On("unwritable_event", (s, _) => (s, Patch.Event("points", new Unwritable())))
            .On("echo", (s, ctx) => (s, Patch.Html("#echo", string.Join(",", ctx.FormValues("tags")) + "|" + ctx.Data("id") + "|" + ctx.Culture.Name)));

    /// <summary>
    /// A to-do list whose <c>add</c> handler returns only the new state (its view says what changed); <c>note</c> also
    /// writes into <c>#log</c> by hand, which the view leaves empty.
    /// </summary>
    public static readonly Page<TodoState> Todo =
        LivePage.Create("todo", initial: new TodoState([]), view: s => H.Div(
                H.Ul([.. s.Items.Select(item => H.Memo(item, TodoItem))]).Id("items"),
                H.P($"{s.Items.Count} left").Id("left"),
                H.Div().Id("log")))
            .On("add", (s, ctx) => s with { Items = s.Items.Add(ctx.Data("item") ?? "?") })
            .On("note", (s, ctx) => (s with { Items = s.Items.Add("noted") }, Patch.Html("#log", "noted")));

    private static XmlNode TodoItem(string item) => H.Li(item).Data("key", item);

    /// <summary>
    /// An event log (<c>/log</c>) kept in a stream of the last three events, which its mount starts with one item;
    /// the state counts them only.
    /// </summary>
    public static readonly Page<int> Log =
        LivePage.Create("log", initial: 0, view: n => H.Div(
                H.Ul().Id("events").Flag(ViewTree.StreamAttribute),
                H.P($"{n} events").Id("count")))
            .OnMount((n, _) => (n + 1, Patch.StreamInsert("events", "e-0", H.Li("started"))))
            .On("add", (n, ctx) => (n + 1, Patch.StreamInsert("events", $"e-{ctx.Data("id")}", H.Li(ctx.Data("text") ?? ""), limit: -3)))
            .On("first", (n, ctx) => (n, Patch.StreamInsert("events", $"e-{ctx.Data("id")}", H.Li(ctx.Data("text") ?? ""), at: 0)))
            .On("forget", (n, ctx) => (n - 1, Patch.StreamDelete("events", $"e-{ctx.Data("id")}")))
            .On("clear", (n, _) => (0, Patch.StreamReset("events")));

    /// <summary>A die whose first throw is random: each mount renders another view (<c>/dice</c>).</summary>
    public static readonly Page<int> Dice =
        LivePage.Create("dice", init: ctx => ctx.Random.Next(1, 1_000_000), view: n => H.Output(n.ToString()).Id("die"))
            .On("roll", (n, ctx) => ctx.Random.Next(1, 1_000_000));

    /// <summary>Stores <c>message {id}</c> by an effect that takes <c>fx.Cancellation</c>, as a write should.</summary>
    private static Reply<TState> Save<TState>(TState state, ActionContext ctx) => Reply.With(state).Perform(
        "save",
        async fx =>
        {
            await Task.Delay(50, fx.Cancellation);
            fx.Services.GetRequiredService<Store>().Add($"message {ctx.Data("id")}");
            return true;
        },
        (s, _, _) => (s, Patch.Html("#saved", "saved")));

    /// <summary>
    /// A routed page (<c>/articles/{slug}</c>) whose mount loads its title through an effect (for the slug <c>gated</c>,
    /// one that waits at the gate <c>article</c>), present in <see cref="ArticlesTopic"/> while live; <c>save</c> stores a
    /// message as the <c>store</c> page's does.
    /// </summary>
    public static readonly Page<ArticleState> Article =
        LivePage.Create("article", init: ctx => new ArticleState(ctx.Params.TryGetValue("slug", out var slug) ? slug : "?", null), view: View)
            .WithTitle(s => $"Article {s.Slug}")
            .WithMeta(s => new Dictionary<string, string> { ["description"] = $"About {s.Slug}" })
            .OnMount((state, _) => Reply.With(state).Perform(
                "load",
                async fx =>
                {
                    if (state.Slug == "gated")
                    {
                        // Waits for the test, and ignores that its page is gone: it ends late, as a write would.
                        await fx.Services.GetRequiredService<Gates>().PassAsync("article", CancellationToken.None);
                    }

                    return await fx.Services.GetRequiredService<Greeter>().GreetAsync(state.Slug);
                },
                (s, greeting, _) => s with { Loaded = greeting }))
            .WithSubscriptions(s => [Subscription.Track(ArticlesTopic, s.Slug)])
            .On("show", (s, _) => (s, Patch.Html("#loaded", s.Loaded ?? "not loaded")))
            .On("save", Save);

    /// <summary>Where an article page is present, under its slug, while it is live.</summary>
    public const string ArticlesTopic = "articles";

    private static XmlNode View(ArticleState state) => H.P($"Loaded: {state.Loaded}").Id("loaded");

    /// <summary>A layout that decorates the title, as a site's would.</summary>
    public static XmlNode Layout(LayoutContext page) =>
        H.Html(H.Head([H.Title(page.Title + " | Test"), .. page.MetaTags]), H.Body(H.Main(page.Content).Id("main"), page.ClientScript));

    /// <summary>
    /// <c>save</c> stores a message by an effect that takes <c>fx.Cancellation</c>, as a write should; <c>watch</c> waits
    /// on <c>fx.Abandoned</c> and stores "abandoned" when it fires; <c>hold</c> waits at the gate <c>hold</c>, deaf to
    /// cancellation; <c>big</c> answers with 64 KB of HTML.
    /// </summary>
    public static readonly Page<int> Storing =
        LivePage.Create("store", initial: 0, view: _ => H.Div())
            .On("save", Save)
            .On("watch", (n, _) => Reply.With(n).Perform(
                "watch",
                async fx =>
                {
                    try
                    {
                        await Task.Delay(Timeout.Infinite, fx.Abandoned);
                    }
                    finally
                    {
                        fx.Services.GetRequiredService<Store>().Add("abandoned");
                    }

                    return true;
                },
                (s, _, _) => s))
            .On("hold", (n, ctx) => Reply.With(n).Perform(
                $"hold {ctx.Data("n")}",
                async fx =>
                {
                    await fx.Services.GetRequiredService<Gates>().PassAsync("hold", CancellationToken.None);
                    return true;
                },
                (s, _, _) => s))
            .On("big", (n, _) => (n, Patch.Html("#big", new string('x', 64 * 1024))));

    /// <summary>
    /// A list that shows 2 items on mount and 2 more per <c>more</c>, loaded by an effect that waits at the gate
    /// <c>more</c> (as "load more" on a blog).
    /// </summary>
    public static readonly Page<FeedState> Feed =
        LivePage.Create("feed", initial: new FeedState(2), view: s => H.Ul().Id("items"))
            .On("more", (state, _) => Reply.With(state).Perform(
                "more",
                async fx =>
                {
                    await fx.Services.GetRequiredService<Gates>().PassAsync("more", fx.Abandoned);
                    return new[] { state.Shown + 1, state.Shown + 2 };
                },
                (s, items, _) => (s with { Shown = s.Shown + items.Length },
                    items.Select(item => Patch.Append("#items", H.Li(item.ToString()))).ToArray())));

    /// <summary>A counter that a test maps with <c>AllowAnonymous</c>.</summary>
    public static readonly Page<int> Open =
        LivePage.Create("open", initial: 0, view: n => H.Output(n.ToString()))
            .On("inc", (n, _) => (n + 1, Patch.Html("#n", (n + 1).ToString())));

    /// <summary>A page whose mount throws.</summary>
    public static readonly Page<int> BrokenMount =
        LivePage.Create<int>("broken", init: _ => throw new InvalidOperationException("no mount"), view: _ => H.Div())
            .On("go", (s, _) => s);
}
