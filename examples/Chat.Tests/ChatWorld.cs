using Chat.Account;
using Chat.Data;
using Chat.Pages;
using Chat.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Tests;

/// <summary>
/// The chat as a test sees it: the app's database (SQLite, a file of its own, deleted at the end), the room page with
/// the app's limits, and tabs of signed-in users in one hub (what one says, the others hear; presence is shared).
/// </summary>
public sealed class ChatWorld : IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"chat-tests-{Guid.NewGuid():N}.db");
    private readonly ServiceProvider services;

    public ChatWorld(ChatLimits? limits = null)
    {
        services = new ServiceCollection()
            .AddDbContext<ChatDb>(options => options.UseSqlite($"Data Source={file};Pooling=false"))
            .BuildServiceProvider(validateScopes: true);
        ChatDb.EnsureCreatedAsync(services).GetAwaiter().GetResult();
        Limits = limits ?? new ChatLimits();
        Room = RoomPage.Create(Limits);
    }

    /// <summary>The limits of the room page.</summary>
    public ChatLimits Limits { get; }

    /// <summary>The room page.</summary>
    public Page<RoomState> Room { get; }

    /// <summary>The world the tabs share.</summary>
    public LiveTestHub Hub { get; } = new();

    /// <summary>How the app's pages are mounted: signed-in users only, the app's database for effects.</summary>
    public LiveTestOptions Options(string? user, string url, string? route = null)
    {
        var options = new LiveTestOptions
        {
            Url = url,
            Route = route,
            User = user is null ? new System.Security.Claims.ClaimsPrincipal() : ChatUser.Principal(user),
            Services = services,
            Hub = Hub,
        };
        options.AddPage(RoomPage.Route, Room);
        options.AddPage("/", RoomsPage.Page);
        options.Guard(RoomPage.Name, SignedIn);
        options.Guard("rooms", SignedIn);
        return options;
    }

    /// <summary>A tab of <paramref name="user"/> on room <paramref name="room"/>.</summary>
    public LiveTest InRoom(string user, string room = "lobby") =>
        LiveTest.Mount(Room, Options(user, RoomPage.Url(room), RoomPage.Route));

    /// <summary>A tab of <paramref name="user"/> on the room list.</summary>
    public LiveTest OnRooms(string user) => LiveTest.Mount(RoomsPage.Page, Options(user, "/"));

    /// <summary>The messages stored for <paramref name="room"/>, oldest first.</summary>
    public IReadOnlyList<string> Stored(string room)
    {
        using var scope = services.CreateScope();
        return [.. scope.ServiceProvider.GetRequiredService<ChatDb>().Messages
            .Where(message => message.Room == room).OrderBy(message => message.Id).Select(message => message.Author + ": " + message.Text)];
    }

    private static Verdict SignedIn(System.Security.Claims.ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? Verdict.Allowed : Verdict.Challenged;

    public void Dispose()
    {
        services.Dispose();
        File.Delete(file);
    }
}
