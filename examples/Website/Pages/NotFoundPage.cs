namespace Website.Pages;

/// <summary>
/// The site's "not found" page, for any URL no other page takes (<c>MapLiveNotFound</c>): status 404, in the site's
/// layout. A post whose slug is unknown shows the same content (<see cref="View"/>).
/// </summary>
public static class NotFoundPage
{
    /// <summary>Always "not found"; its state is the path asked for (the route value <c>path</c>).</summary>
    public static readonly Page<string> Page =
        LivePage.Create("not_found", init: ctx => ctx.Params.TryGetValue("path", out var path) ? path : "", view: _ => View(Texts.Get("NotFound.Title")))
            .WithTitle(_ => Texts.Get("NotFound.Title"))
            .WithMeta(_ => new Dictionary<string, string> { ["robots"] = "noindex" })
            .NotFoundWhen(_ => true);

    /// <summary>What a visitor sees when what they asked for is not there, under the heading <paramref name="heading"/>.</summary>
    public static XmlNode View(string heading) =>
        H.Section(
            H.H1(heading),
            H.P(Texts.Get("NotFound.Lead")),
            H.Ul(
                H.Li(Layout.PageLink(Texts.Get("NotFound.Home"), "/", "home")),
                H.Li(Layout.PageLink(Texts.Get("Post.Back"), "/blog", "blog"))).Class("ways-out"));
}
