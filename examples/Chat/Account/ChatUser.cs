using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Chat.Account;

/// <summary>
/// A chat user is a name, and nothing more (a demo: no password). The name is both the <c>NameIdentifier</c> claim,
/// which <c>Audience.User(name)</c> reaches, and the <c>Name</c> claim.
/// </summary>
public static class ChatUser
{
    /// <summary>The principal the sign-in cookie carries for <paramref name="name"/>.</summary>
    public static ClaimsPrincipal Principal(string name) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, name), new Claim(ClaimTypes.Name, name)],
            CookieAuthenticationDefaults.AuthenticationScheme));

    /// <summary>The name of a signed-in <paramref name="user"/>; empty for an anonymous one.</summary>
    public static string NameOf(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
}
