using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace LiveView.AspNetCore.Tests;

/// <summary>The state of the tally pages: a count and a note.</summary>
public sealed record Tally(int Count, string Note);

/// <summary>The tally's state after a deploy that changed its type's shape (a member more).</summary>
public sealed record TallyV2(int Count, string Note, bool Starred);

/// <summary>A state that cannot be snapshotted: a function in it.</summary>
public sealed record Unkeepable(int Count, Func<int> Later);

/// <summary>Pages whose state is kept across reconnects, or not, for the page state tests.</summary>
public static class StatePages
{
    /// <summary><c>tally</c>: <c>add</c> counts, <c>grow</c> makes the note 64 KB of noise (too large to keep).</summary>
    public static readonly Page<Tally> Tally = Tallying("tally");

    /// <summary><c>other</c>: the same state type under another page's name.</summary>
    public static readonly Page<Tally> Other = Tallying("other");

    /// <summary><c>tally</c> after a deploy that changed its state type.</summary>
    public static readonly Page<TallyV2> TallyV2 =
        LivePage.Create("tally", new TallyV2(0, "", false), s => H.Div(H.Output(s.Count.ToString()).Id("count")))
            .On("add", (s, _) => s with { Count = s.Count + 1 });

    /// <summary><c>forgetful</c>: a tally that does not keep its state.</summary>
    public static readonly Page<Tally> Forgetful = Tallying("forgetful").ForgetState();

    /// <summary><c>unkeepable</c>: a state with a function in it.</summary>
    public static readonly Page<Unkeepable> UnkeepablePage =
        LivePage.Create("unkeepable", new Unkeepable(0, () => 1), _ => H.Div());

    private static Page<Tally> Tallying(string name) =>
        LivePage.Create(name, new Tally(0, ""), View)
            .WithTitle(s => $"Tally {s.Count}")
            .On("add", (s, _) => s with { Count = s.Count + 1 })
            .On("grow", (s, ctx) => s with { Note = Noise(ctx.Random, 64 * 1024) });

    private static XmlNode View(Tally s) =>
        H.Div(H.Output(s.Count.ToString()).Id("count"), H.P($"{s.Note.Length} characters noted").Id("note"));

    private static string Noise(Random random, int length)
    {
        var bytes = new byte[length * 3 / 4];
        random.NextBytes(bytes);
        return Convert.ToBase64String(bytes);
    }

    /// <summary>
    /// A host with the tally pages (<paramref name="changed"/>: the tally's state type changed) sharing the key ring in
    /// <paramref name="keys"/>; a socket's user is the <c>user</c> of its query (<c>?protocol=2&amp;user=ann</c>).
    /// </summary>
    public static Task<TestHost> StartAsync(DirectoryInfo keys, bool changed = false, Action<LiveViewOptions>? options = null, Action<IServiceCollection>? services = null) =>
        TestHost.StartAsync(
            options,
            services,
            keys: keys,
            pages: live =>
            {
                if (changed)
                {
                    live.AddPage(TallyV2);
                }
                else
                {
                    live.AddPage(Tally);
                }

                live.AddPage(Other).AddPage(Forgetful);
            },
            map: app =>
            {
                app.Use((http, next) =>
                {
                    if (http.Request.Query["user"] is [{ } name])
                    {
                        http.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, name)], "test"));
                    }

                    return next(http);
                });
                if (changed)
                {
                    app.MapLivePage("/tally", TallyV2, TestPages.Layout);
                }
                else
                {
                    app.MapLivePage("/tally", Tally, TestPages.Layout);
                }

                app.MapLivePage("/other", Other, TestPages.Layout);
                app.MapLivePage("/forgetful", Forgetful, TestPages.Layout);
            });
}
