using Chat.Rules;
using Giraffe.ViewEngine;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Chat.Account;

/// <summary>
/// Signing in and out over plain HTTP: <c>GET /sign-in</c> shows the form (the cookie scheme sends anonymous visitors
/// of a chat page there with a <c>ReturnUrl</c>), <c>POST /sign-in</c> checks the name and sets the cookie, and
/// <c>POST /sign-out</c> removes it.
/// </summary>
public static class AccountEndpoints
{
    /// <summary>The login path of the cookie scheme.</summary>
    public const string SignInPath = "/sign-in";

    /// <summary>Maps the sign-in and sign-out endpoints.</summary>
    public static IEndpointRouteBuilder MapAccount(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(SignInPath, (HttpContext http, IAntiforgery antiforgery, string? returnUrl) =>
            Form(http, antiforgery, "", null, returnUrl, StatusCodes.Status200OK));

        // Binding from the form makes the endpoint check the antiforgery token (app.UseAntiforgery()).
        endpoints.MapPost(SignInPath, async (HttpContext http, IAntiforgery antiforgery, [FromForm] string? name, [FromForm] string? returnUrl) =>
        {
            name = (name ?? "").Trim();
            if (!ChatName.IsValid(name))
            {
                var error = name.Length == 0 ? "Type a name first." : $"“{name}” cannot be a name: use {ChatName.Rule}.";
                return Form(http, antiforgery, name, error, returnUrl, StatusCodes.Status400BadRequest);
            }

            await http.SignInAsync(ChatUser.Principal(name));
            return Results.Redirect(LocalOrHome(returnUrl));
        });

        // No token needed: the cookie is SameSite=Lax, so another site's form cannot post with it, and a sign-out
        // forged anyway would only sign the user out.
        endpoints.MapPost("/sign-out", async (HttpContext http) =>
        {
            await http.SignOutAsync();
            return Results.Redirect(SignInPath);
        });
        return endpoints;
    }

    private static IResult Form(HttpContext http, IAntiforgery antiforgery, string name, string? error, string? returnUrl, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var document = SignInPage.Document(name, error, LocalOrHome(returnUrl), tokens.FormFieldName, tokens.RequestToken ?? "");
        return Results.Content(RenderView.AsString.htmlDocument(document), "text/html; charset=utf-8", statusCode: status);
    }

    /// <summary><paramref name="url"/> if it stays on this site (a path, not <c>//host</c> or <c>/\host</c>), else <c>/</c>.</summary>
    public static string LocalOrHome(string? url) =>
        url is ['/', ..] && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
