using Chat.Account;
using Chat.Api;
using Chat.Data;
using Chat.Pages;
using Chat.Rules;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

var builder = WebApplication.CreateBuilder(args);

// The history lives in SQLite; the file is created on first run.
builder.Services.AddDbContext<ChatDb>(options =>
    options.UseSqlite(builder.Configuration.GetConnectionString("Chat") ?? "Data Source=chat.db"));

// Sign in with a name: a cookie. Anonymous visitors of a chat page are sent to /sign-in, and back after it.
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(options => options.LoginPath = AccountEndpoints.SignInPath);
builder.Services.AddAuthorization();
builder.Services.AddAntiforgery();

var limits = ChatLimits.From(builder.Configuration);
var room = RoomPage.Create(limits);
var liveView = builder.Services.AddLiveView().AddPage(RoomsPage.Page).AddPage(room);

// On many nodes (docs/scaling.md): messages and presence through Redis, and one key ring for every node (the sign-in
// cookie and the pages' state snapshots are read by whichever node a request or a socket reaches).
if (builder.Configuration.GetConnectionString("Redis") is { Length: > 0 } redis)
{
    liveView.AddRedis(redis);
    var keys = new Lazy<IConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(redis));
    builder.Services.AddDataProtection()
        .SetApplicationName("Chat")
        .PersistKeysToStackExchangeRedis(() => keys.Value.GetDatabase(), "chat:data-protection-keys");
}
builder.Services.AddMessagesEndpoint(limits);

var app = builder.Build();
await ChatDb.EnsureCreatedAsync(app.Services);

app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.UseRateLimiter();

app.MapAccount();
app.MapLiveView();
// Every chat page needs a signed-in user, over HTTP and for every mount over the socket alike.
app.MapLivePage("/", RoomsPage.Page, Layout.Base).RequireAuthorization();
app.MapLivePage(RoomPage.Route, room, Layout.Base).RequireAuthorization();
// Scripts and bots post into a room with a signed-in user's cookie: stored and sent to the room through ILiveHub.
app.MapMessagesEndpoint(limits);
// The room list's "open a room" form is a plain GET form: this sends it on to the room's URL.
app.MapGet("/open-room", (string? name) =>
    Results.Redirect(string.IsNullOrWhiteSpace(name) ? "/" : RoomPage.Url(Uri.EscapeDataString(name.Trim()))));
app.Run();
