using System.Net;
using System.Text.RegularExpressions;

namespace LiveView.Browser.Tests;

/// <summary>Signing in to the Chat without a browser: its sign-in form, antiforgery token included.</summary>
public static partial class ChatSignIn
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    /// <summary>Signs in as <paramref name="name"/> at <paramref name="address"/> and returns the browser's cookies.</summary>
    public static async Task<CookieContainer> CookiesAsync(Uri address, string name)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = address };
        var form = await http.GetStringAsync("/sign-in");
        var token = AntiforgeryField().Match(form).Groups[1].Value;
        var response = await http.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["name"] = name,
            ["returnUrl"] = "/",
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return cookies;
    }
}
