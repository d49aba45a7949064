using System.Net;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LiveView.AspNetCore.Tests;

/// <summary>Pages behind authorization, for the tests of who may mount them.</summary>
public static class Secrets
{
    private static Page<int> Guarded(string name) =>
        LivePage.Create(name, initial: 0, view: _ => H.P($"the {name} secret").Id("secret"))
            .OnMount((n, _) => Reply.With(n).Perform(
                "mounted",
                fx =>
                {
                    fx.Services.GetRequiredService<Store>().Add($"mounted {name}");
                    return Task.FromResult(true);
                },
                (s, _, _) => s))
            .On("peek", (n, _) => (n, Patch.Html("#secret", $"the {name} secret")));

    /// <summary>At <c>/secret</c>, for anyone signed in.</summary>
    public static readonly Page<int> Secret = Guarded("secret");

    /// <summary>At <c>/admin</c>, for the policy <c>Admins</c> (role <c>admin</c>).</summary>
    public static readonly Page<int> Admin = Guarded("admin");

    /// <summary>At <c>/staff</c>, for the role <c>staff</c> (as <c>[Authorize(Roles = "staff")]</c>).</summary>
    public static readonly Page<int> Staff = Guarded("staff");

    /// <summary>A host with cookie authentication (<c>/sign-in?name=...&amp;role=...</c>) and the three pages.</summary>
    public static Task<TestHost> StartAsync(
        Action<AuthorizationOptions>? authorization = null,
        Action<CookieAuthenticationOptions>? cookies = null,
        Action<LiveViewOptions>? options = null,
        Action<IEndpointConventionBuilder>? socket = null,
        Action<WebApplication>? map = null) =>
        TestHost.StartAsync(
            options,
            services =>
            {
                services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
                {
                    cookie.LoginPath = "/login";
                    cookie.AccessDeniedPath = "/denied";
                    cookies?.Invoke(cookie);
                });
                services.AddAuthorization(policies =>
                {
                    policies.AddPolicy("Admins", policy => policy.RequireRole("admin"));
                    authorization?.Invoke(policies);
                });
            },
            pages: live => live.AddPage(Secret).AddPage(Admin).AddPage(Staff).AddPage(TestPages.Open),
            socket: socket,
            map: app =>
            {
                map?.Invoke(app);
                app.MapGet("/sign-in", async (HttpContext http, string name, string? role) =>
                {
                    Claim[] claims = role is null
                        ? [new(ClaimTypes.Name, name)]
                        : [new(ClaimTypes.Name, name), new(ClaimTypes.Role, role)];
                    await http.SignInAsync(new ClaimsPrincipal(new ClaimsIdentity(claims, "test")));
                }).AllowAnonymous();
                app.MapLivePage("/secret", Secret, TestPages.Layout).RequireAuthorization();
                app.MapLivePage("/admin", Admin, TestPages.Layout).RequireAuthorization("Admins");
                app.MapLivePage("/staff", Staff, TestPages.Layout).RequireAuthorization(new AuthorizeAttribute { Roles = "staff" });
            });

    /// <summary>Signs in as <paramref name="name"/> (with <paramref name="role"/>) and returns the browser's cookies.</summary>
    public static async Task<CookieContainer> SignInAsync(this TestHost host, string name, string? role = null)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = host.Address };
        var query = role is null ? $"?name={name}" : $"?name={name}&role={role}";
        (await http.GetAsync("/sign-in" + query)).EnsureSuccessStatusCode();
        return cookies;
    }
}

/// <summary>
/// Authorization holds on every mount, over HTTP and over the socket alike: navigation (<c>send_page</c>), the
/// client's <c>mount</c>, and a plain action that mounts its page; for our client and a Django LiveView v1 one.
/// </summary>
public sealed class AuthorizationTests : IAsyncLifetime
{
    private TestHost host = null!;

    public async Task InitializeAsync() => host = await Secrets.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Over_HTTP_an_anonymous_visitor_is_sent_to_the_login_page_with_a_return_URL()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.Address };
        var response = await http.GetAsync("/secret");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login?ReturnUrl=%2Fsecret", response.Headers.Location?.PathAndQuery);
    }

    public static TheoryData<string, string, string> AnonymousPaths => new()
    {
        { "?protocol=2", "secret->send_page", "/secret" },
        { "?protocol=2", "secret->mount", "/secret" },
        { "?protocol=2", "secret->peek", "" },
        { "", "secret->send_page", "/secret" },
        { "", "secret->mount", "/secret" },
        { "", "secret->peek", "" },
    };

    [Theory]
    [MemberData(nameof(AnonymousPaths))]
    public async Task An_anonymous_socket_cannot_mount_the_page_by_any_path(string protocol, string action, string redirect)
    {
        await using var socket = await host.ConnectAsync(query: protocol);
        await socket.SendActionAsync("counter->increment"); // on a public page first
        await socket.ReceiveAsync();

        await socket.SendActionAsync(action);
        var refused = await socket.ReceiveAsync();
        Assert.Equal(action, refused.GetProperty("action").GetString());
        Assert.Equal(WireErrorCodes.Unauthorized, refused.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("Sign in to open page 'secret'.", refused.GetProperty("error").GetProperty("message").GetString());
        if (protocol == "")
        {
            Assert.False(refused.TryGetProperty("redirect", out _), "a v1 client gets only what it knows");
        }
        else
        {
            Assert.Equal(redirect, refused.GetProperty("redirect").GetString());
        }

        // The page never mounted, its handlers were never reached, and the public page still answers.
        await socket.SendActionAsync("counter->increment");
        Assert.Equal("counter->increment", (await socket.ReceiveAsync()).GetProperty("action").GetString());
        Assert.DoesNotContain("mounted secret", host.Store.Items);
    }

    [Theory]
    [InlineData("?protocol=2")]
    [InlineData("")]
    public async Task A_signed_in_socket_mounts_the_page_and_reaches_its_handlers(string protocol)
    {
        await using var socket = await host.ConnectAsync(query: protocol, cookies: await host.SignInAsync("ada"));
        await socket.SendActionAsync("secret->send_page");
        var shown = await socket.ReceiveAsync();
        Assert.Equal("/secret", shown.GetProperty("url").GetString());
        Assert.Contains("the secret secret", shown.GetProperty("html").GetString());

        await socket.SendActionAsync("secret->peek");
        Assert.Equal("the secret secret", (await socket.ReceiveAsync()).GetProperty("html").GetString());
        Assert.Contains("mounted secret", host.Store.Items);
    }

    [Theory]
    [InlineData("admin", "admin")]
    [InlineData("staff", "staff")]
    public async Task A_page_that_requires_a_role_refuses_a_user_without_it_and_accepts_one_with_it(string page, string role)
    {
        await using (var without = await host.ConnectAsync(cookies: await host.SignInAsync("bob", "reader")))
        {
            await without.SendActionAsync($"{page}->send_page");
            var refused = await without.ReceiveAsync();
            Assert.Equal(WireErrorCodes.Unauthorized, refused.GetProperty("error").GetProperty("code").GetString());
            Assert.Equal($"You are not allowed to open page '{page}'.", refused.GetProperty("error").GetProperty("message").GetString());
            Assert.Equal($"/{page}", refused.GetProperty("redirect").GetString());

            await without.SendActionAsync($"{page}->peek");
            Assert.Equal(WireErrorCodes.Unauthorized, (await without.ReceiveAsync()).GetProperty("error").GetProperty("code").GetString());
            Assert.DoesNotContain($"mounted {page}", host.Store.Items);
        }

        await using var with = await host.ConnectAsync(cookies: await host.SignInAsync("cy", role));
        await with.SendActionAsync($"{page}->peek");
        Assert.Equal($"the {page} secret", (await with.ReceiveAsync()).GetProperty("html").GetString());
    }

    [Fact]
    public async Task Actions_sent_while_a_refused_page_was_being_authorized_never_reach_it()
    {
        await using var socket = await host.ConnectAsync();
        await socket.SendAsync(JsonSerializer.Serialize(new { action = "secret->send_page", data = new { lang = "en" } }));
        await socket.SendActionAsync("secret->peek");
        var frames = new[] { await socket.ReceiveAsync(), await socket.ReceiveAsync() };
        Assert.All(frames, frame => Assert.DoesNotContain("the secret secret", frame.GetRawText()));
        Assert.Equal(WireErrorCodes.Unauthorized, frames[0].GetProperty("error").GetProperty("code").GetString());
    }
}

/// <summary>With a fallback policy, a page mapped without requirements of its own needs it over the socket too.</summary>
public sealed class FallbackPolicyTests : IAsyncLifetime
{
    private TestHost host = null!;

    public async Task InitializeAsync() =>
        host = await Secrets.StartAsync(
            authorization: policies =>
                policies.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build(),
            socket: endpoint => endpoint.AllowAnonymous(),
            map: app => app.MapLivePage("/open", TestPages.Open, TestPages.Layout).AllowAnonymous());

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_page_without_requirements_of_its_own_refuses_an_anonymous_socket_and_one_allowing_anonymous_users_accepts_it()
    {
        await using var anonymous = await host.ConnectAsync();
        foreach (var page in new[] { "counter", "faulty" }) // mapped without requirements; not mapped at all
        {
            await anonymous.SendActionAsync($"{page}->inc");
            var refused = await anonymous.ReceiveAsync();
            Assert.Equal(WireErrorCodes.Unauthorized, refused.GetProperty("error").GetProperty("code").GetString());
        }

        await anonymous.SendActionAsync("open->inc");
        Assert.Equal("1", (await anonymous.ReceiveAsync()).GetProperty("html").GetString());

        await using var signedIn = await host.ConnectAsync(cookies: await host.SignInAsync("ada"));
        await signedIn.SendActionAsync("counter->increment");
        Assert.Equal("1", (await signedIn.ReceiveAsync()).Shown());
    }

    [Fact]
    public async Task Without_AllowAnonymous_on_the_socket_the_fallback_policy_refuses_an_anonymous_handshake()
    {
        await using var strict = await Secrets.StartAsync(authorization: policies =>
            policies.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        Assert.NotEqual(HttpStatusCode.SwitchingProtocols, await strict.HandshakeStatusAsync(origin: null));
    }
}

/// <summary>
/// With <see cref="LiveViewOptions.CloseOnAuthenticationExpiration"/>, a socket closes when its cookie's ticket
/// expires: the client reconnects with what it has then.
/// </summary>
public sealed class AuthenticationExpiryTests : IAsyncLifetime
{
    private TestHost host = null!;

    public async Task InitializeAsync() =>
        host = await Secrets.StartAsync(
            cookies: cookie =>
            {
                cookie.ExpireTimeSpan = TimeSpan.FromSeconds(4);
                cookie.SlidingExpiration = false;
            },
            options: options => options.CloseOnAuthenticationExpiration = true);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_socket_closes_with_1008_when_its_authentication_expires()
    {
        await using var socket = await host.ConnectAsync(cookies: await host.SignInAsync("ada"));
        await socket.SendActionAsync("counter->increment");
        Assert.Equal("1", (await socket.ReceiveAsync()).Shown());
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, await socket.ReceiveCloseAsync());
    }
}
