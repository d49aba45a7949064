using System.Security.Claims;
using System.Threading.RateLimiting;
using Chat.Account;
using Chat.Data;
using Chat.Pages;
using Chat.Rules;
using LiveView.AspNetCore;

namespace Chat.Api;

/// <summary>
/// <c>POST /rooms/{room}/messages</c> with <c>{"text": "..."}</c>: a signed-in user's script or bot posts into a room
/// from outside any page. The text is checked as the room's box checks it, stored, and sent through
/// <see cref="ILiveHub"/> to the room and to every user it mentions, as the page's own messages are. More than the
/// flood limit's messages per window from one user get 429.
/// </summary>
public static class MessagesEndpoint
{
    /// <summary>The endpoint's route.</summary>
    public const string Route = "/rooms/{room}/messages";

    private const string FloodPolicy = "messages-per-user";

    /// <summary>The body of a posted message.</summary>
    public sealed record NewMessage(string? Text);

    /// <summary>Registers the endpoint's flood limit: <see cref="ChatLimits.FloodMessages"/> per window per user.</summary>
    public static IServiceCollection AddMessagesEndpoint(this IServiceCollection services, ChatLimits limits) =>
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(FloodPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                ChatUser.NameOf(http.User),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.FloodMessages, Window = limits.FloodWindow }));
        });

    /// <summary>Maps the endpoint (signed-in users only, flood-limited).</summary>
    public static IEndpointConventionBuilder MapMessagesEndpoint(this IEndpointRouteBuilder endpoints, ChatLimits limits) =>
        endpoints.MapPost(Route, async (string room, NewMessage body, ClaimsPrincipal user, ChatDb db, ILiveHub hub) =>
        {
            var text = (body.Text ?? "").Trim();
            if (!ChatName.IsValid(room))
            {
                return Results.NotFound();
            }

            if (MessageText.Problem(text, limits.MaxMessageLength) is { } problem)
            {
                return Results.BadRequest(new { error = problem });
            }

            // Stored whatever happens to the request: what was accepted is in the history and reaches the room.
            var line = await History.SaveAsync(db, room, ChatUser.NameOf(user), text, DateTimeOffset.UtcNow, CancellationToken.None);
            foreach (var (to, message) in Announcement.Of(line))
            {
                await hub.SendAsync(to, message);
            }

            return Results.Created(RoomPage.Url(room), line);
        })
        .RequireAuthorization()
        .RequireRateLimiting(FloodPolicy);
}
