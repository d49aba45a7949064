using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Website.Data;

namespace Website.Pages;

/// <summary>
/// A post's page state: the slug asked for, the post once loaded (null when there is none), this tab (its
/// connection) and how many tabs read the post now.
/// </summary>
public sealed record PostState(string Slug, Post? Post, string Reader, int Readers);

/// <summary>
/// One post, opened by its slug (<c>/blog/{slug}</c>, or a link's <c>data-slug</c> over the socket), in the page's
/// language; an unknown slug is "not found" (404).
/// </summary>
public static class BlogPostPage
{
    /// <summary>
    /// Mounting reads the post from the database before the first paint, so crawlers see it. While a post is shown,
    /// the tab is present in the post's topic and watches it: "N reading now" follows every tab that opens or leaves it.
    /// </summary>
    public static readonly Page<PostState> Page =
        LivePage.Create("blog_post", init: ctx => new PostState(ctx.Params.TryGetValue("slug", out var slug) ? slug : "", null, ctx.Connection, 1), view: View)
            .WithTitle(state => state.Post?.Title ?? Texts.Get("Post.NotFound"))
            .WithMeta(state => state.Post is { } post
                ? new Dictionary<string, string>
                {
                    ["description"] = post.Summary,
                    ["og:title"] = post.Title,
                    ["og:description"] = post.Summary,
                    ["og:type"] = "article",
                }
                : new Dictionary<string, string> { ["description"] = Texts.Get("Post.NotFound"), ["robots"] = "noindex" })
            // An unknown slug: the first paint answers 404, with the site's "not found" page.
            .NotFoundWhen(state => state.Post is null)
            .OnMount((state, ctx) =>
            {
                var lang = Site.LanguageOf(ctx.Culture);
                return Reply.With(state).Perform(
                    "load_post",
                    fx => fx.Services.GetRequiredService<SiteDb>().Posts.AsNoTracking()
                        .SingleOrDefaultAsync(post => post.Slug == state.Slug && post.Lang == lang, fx.Abandoned),
                    (s, post, _) => s with { Post = post });
            })
            .WithSubscriptions(state => state.Post is null
                ? []
                : [Subscription.Track(Topic(state), state.Reader), Subscription.Presence(Topic(state))])
            .OnMessage<PresenceChanged>((state, changed, _) => state with { Readers = changed.Present.Count });

    private static string Topic(PostState state) => $"post:{state.Slug}";

    private static string Reading(int readers) => Texts.Format("Post.Reading", readers);

    private static XmlNode View(PostState state) =>
        state.Post is not { } post
            ? NotFoundPage.View(Texts.Get("Post.NotFound"))
            : H.Article(
                H.H1(post.Title),
                H.Small(post.Published.ToString("D", CultureInfo.CurrentCulture)).Id("published"),
                H.P(Reading(state.Readers)).Id("readers").Class("readers"),
                H.P(post.Body).Id("body"),
                Back());

    private static XmlNode Back() => H.P(Layout.PageLink(Texts.Get("Post.Back"), "/blog", "blog"));
}
