using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Website.Data;

namespace Website.Pages;

/// <summary>
/// The home page's state: the last query searched for, whether its search still runs, what it found, and whether the
/// last query was refused as too long.
/// </summary>
public sealed record HomeState(string Query, bool Searching, IReadOnlyList<PostLink> Results, bool TooLong);

/// <summary>A post as a link: enough to show and open it.</summary>
public sealed record PostLink(string Slug, string Title, string Summary, DateTime Published);

/// <summary>The home page, with a deliberately slow search (one second) that shows the loading indicator.</summary>
public static class HomePage
{
    /// <summary>The longest query searched for; a longer one is answered with a message, without a database query.</summary>
    public const int MaxQueryLength = 100;

    // LIKE's escape character: '%', '_' and itself in a query are searched for as text.
    private const string LikeEscape = "\\";

    /// <summary><c>home-&gt;search</c> looks up posts whose title holds the query, as an effect.</summary>
    public static readonly Page<HomeState> Page =
        LivePage.Create("home", initial: new HomeState("", false, [], false), view: View)
            .WithTitle(_ => Texts.Get("Home.Title"))
            .WithMeta(_ => new Dictionary<string, string> { ["description"] = Texts.Get("Home.Lead") })
            .On(Search);

    /// <summary>
    /// A query as it is typed (or submitted): "Searching…" while its search runs, then what it found. A query too long
    /// is refused with a message, without a database query.
    /// </summary>
    private static Reply<HomeState> Search(HomeState state, ActionContext ctx)
    {
        var query = (ctx.Form("q") ?? "").Trim();
        if (query.Length > MaxQueryLength)
        {
            return state with { TooLong = true };
        }

        return Reply.With(state with { Query = query, Searching = true, TooLong = false })
            .Perform("search_posts", fx => SearchAsync(fx, Site.LanguageOf(ctx.Culture), query), (s, results, _) => s with { Searching = false, Results = results });
    }

    /// <summary>The posts in the language <paramref name="lang"/> whose title holds <paramref name="query"/>, newest first.</summary>
    private static async Task<IReadOnlyList<PostLink>> SearchAsync(EffectContext fx, string lang, string query)
    {
        // Slow on purpose, by the app's clock (the system's; a test's may be quicker): the loading indicator shows.
        await Task.Delay(TimeSpan.FromSeconds(1), fx.Services.GetRequiredService<TimeProvider>(), fx.Abandoned);
        var db = fx.Services.GetRequiredService<SiteDb>();
        return await db.Posts
            .Where(post => post.Lang == lang && EF.Functions.Like(post.Title, $"%{EscapeLike(query)}%", LikeEscape))
            .OrderByDescending(post => post.Published)
            .Select(post => new PostLink(post.Slug, post.Title, post.Summary, post.Published))
            .ToListAsync(fx.Abandoned);
    }

    private static string EscapeLike(string text) =>
        text.Replace(LikeEscape, LikeEscape + LikeEscape).Replace("%", LikeEscape + "%").Replace("_", LikeEscape + "_");

    private static XmlNode View(HomeState state) =>
        H.Section(
            H.H1(Texts.Get("Home.Title")),
            H.P(Texts.Get("Home.Lead")),
            H.Form(
                H.Label(Texts.Get("Home.Search")).Attr("for", "q"),
                // Searches as the visitor types, once they pause; Enter searches at once.
                H.Input().Type("text").Id("q").Name("q").Value(state.Query).Attr("autocomplete", "off")
                    .Attr("maxlength", MaxQueryLength.ToString(CultureInfo.InvariantCulture))
                    .On("input", Search).Data("debounce", "300"),
                H.Small(Texts.Get("Home.SearchHint")))
                .Id("search").On("submit", Search),
            H.Div(Answer(state)).Id("results"));

    private static XmlNode Answer(HomeState state) =>
        state switch
        {
            { TooLong: true } => H.P(Texts.Format("Home.QueryTooLong", MaxQueryLength)),
            { Searching: true } => H.P(Texts.Get("Home.Searching")),
            { Query.Length: > 0 } => Results(state.Results),
            _ => H.Text(""),
        };

    private static XmlNode Results(IReadOnlyList<PostLink> results) =>
        results.Count == 0
            ? H.P(Texts.Get("Home.NoResults"))
            : H.Div(
                H.P(Texts.Plural("Home.Results", results.Count)),
                H.Ul([.. results.Select(post => H.Li(Layout.PageLink(post.Title, $"/blog/{post.Slug}", "blog_post", ("slug", post.Slug))).Key(post.Slug))]));
}
