namespace Chat.Pages;

/// <summary>Who is signed in, and the way out: a plain form that posts to <c>/sign-out</c> over HTTP.</summary>
public static class UserBar
{
    /// <summary>The bar for <paramref name="user"/>.</summary>
    public static XmlNode For(string user) =>
        H.Div(
            H.Span("Signed in as"),
            H.Strong(user).Id("me"),
            H.Form(H.Button("Sign out").Type("submit").Id("sign-out")).Attr("method", "post").Attr("action", "/sign-out"))
        .Class("user-bar");
}
