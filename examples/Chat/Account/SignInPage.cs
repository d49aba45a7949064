using Chat.Pages;
using Chat.Rules;

namespace Chat.Account;

/// <summary>The sign-in form: a plain HTML page (no socket), in the chat's layout.</summary>
public static class SignInPage
{
    /// <summary>The document: the form with <paramref name="name"/> as typed, <paramref name="error"/> next to it.</summary>
    public static XmlNode Document(string name, string? error, string returnUrl, string antiforgeryField, string antiforgeryToken) =>
        Layout.Document(
            "Sign in",
            "en",
            "sign-in",
            H.Section(
                H.H1("Sign in"),
                H.P($"Pick a name to chat with: {ChatName.Rule}. No password: this is a demo."),
                H.Form(
                    H.Input().Type("hidden").Name(antiforgeryField).Value(antiforgeryToken),
                    H.Input().Type("hidden").Name("returnUrl").Value(returnUrl),
                    H.Input().Type("text").Id("name").Name("name").Value(name)
                        .Attr("autocomplete", "username").Attr("aria-label", "Name").Flag("autofocus"),
                    H.Button("Sign in").Type("submit").Id("sign-in"))
                .Attr("method", "post").Attr("action", "/sign-in").Class("composer").Flag("novalidate"),
                H.Span(error ?? "").Id("name-error").Class("error").Attr("role", "alert")),
            H.Text(""));
}
