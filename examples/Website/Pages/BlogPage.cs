using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Website.Data;

namespace Website.Pages;

/// <summary>
/// The blog list's state: how many posts it shows, and whether the database has more. The posts themselves are not
/// here: they go to the browser as a stream (<see cref="BlogPage.Posts"/>), sent once, and the server keeps no copy.
/// </summary>
public sealed record BlogState(int Shown, bool HasMore);

/// <summary>One page of posts from the database.</summary>
public sealed record PostBatch(IReadOnlyList<PostLink> Posts, bool HasMore);

/// <summary>The blog: the newest posts from SQLite, then more on demand, appended to the list.</summary>
public static class BlogPage
{
    /// <summary>How many posts a batch holds.</summary>
    public const int BatchSize = 4;

    /// <summary>The stream of posts: the id of their list, and the stream's name.</summary>
    public const string Posts = "posts";

    /// <summary>Mounting loads the first batch (before the first paint); <c>blog-&gt;load_more</c> appends the next.</summary>
    public static readonly Page<BlogState> Page =
        LivePage.Create("blog", initial: new BlogState(0, false), view: View)
            .WithTitle(_ => Texts.Get("Blog.Title"))
            .WithMeta(_ => new Dictionary<string, string> { ["description"] = Texts.Get("Blog.Lead"), ["og:title"] = Texts.Get("Blog.Title") })
            .OnMount((state, ctx) => Reply.With(state).Perform("load_posts", fx => LoadAsync(fx, Site.LanguageOf(ctx.Culture), 0), Append))
            .On(LoadMore);

    /// <summary>The next batch, appended to the stream; the button goes when the database has no more.</summary>
    private static Reply<BlogState> LoadMore(BlogState state, ActionContext ctx) =>
        Reply.With(state).Perform("load_more", fx => LoadAsync(fx, Site.LanguageOf(ctx.Culture), state.Shown), Append);

    private static Reply<BlogState> Append(BlogState state, PostBatch batch, ActionContext ctx) =>
        Reply.With(
            state with { Shown = state.Shown + batch.Posts.Count, HasMore = batch.HasMore },
            [.. batch.Posts.Select(post => Patch.StreamInsert(Posts, $"post-{post.Slug}", Item(post)))]);

    /// <summary>
    /// Posts <paramref name="skip"/> to <paramref name="skip"/> + <see cref="BatchSize"/>, newest first, in the language
    /// <paramref name="lang"/>.
    /// </summary>
    public static async Task<PostBatch> LoadAsync(EffectContext fx, string lang, int skip)
    {
        var posts = await fx.Services.GetRequiredService<SiteDb>().Posts
            .Where(post => post.Lang == lang)
            .OrderByDescending(post => post.Published)
            .Skip(skip)
            .Take(BatchSize + 1)
            .Select(post => new PostLink(post.Slug, post.Title, post.Summary, post.Published))
            .ToListAsync(fx.Abandoned);
        return new PostBatch([.. posts.Take(BatchSize)], posts.Count > BatchSize);
    }

    private static XmlNode View(BlogState state) =>
        H.Section(
            H.H1(Texts.Get("Blog.Title")),
            H.P(Texts.Get("Blog.Lead")),
            H.Ul().Id(Posts).Class("posts").Stream(),
            state.HasMore
                ? H.Button(Texts.Get("Blog.LoadMore")).Id("load-more").Class("button").On("click", LoadMore)
                : H.Text(""));

    private static XmlNode Item(PostLink post) =>
        H.Li(
            H.H2(Layout.PageLink(post.Title, $"/blog/{post.Slug}", "blog_post", ("slug", post.Slug))),
            H.Small(post.Published.ToString("d", CultureInfo.CurrentCulture)),
            H.P(post.Summary)).Class("post");
}
