using Chat.Account;
using Chat.Data;
using Chat.Rules;

namespace Chat.Pages;

/// <summary>
/// A room (<c>/rooms/{room}</c>): its last messages from SQLite on mount, new ones live from the room's topic (both
/// sent to the browser as a stream, of which the server keeps no copy), who is here from the room's presence (the page
/// tracks its user there while it is open), and a box to write in whose messages are checked (empty, too long, too
/// many too fast), stored, then broadcast to the room and to every tab of each user they mention. The handlers return
/// the new state; the view says what changed. A page that resumes after a reconnect (its state kept by the browser, on
/// any node) loads only the messages it missed meanwhile: the ones it shows are still on screen.
/// </summary>
public static class RoomPage
{
    /// <summary>The page's name (<c>room-&gt;send</c>, <c>data-page="room"</c>).</summary>
    public const string Name = "room";

    /// <summary>The route of the page.</summary>
    public const string Route = "/rooms/{room}";

    /// <summary>The URL of room <paramref name="room"/>.</summary>
    public static string Url(string room) => "/rooms/" + room;

    /// <summary>The page, with <paramref name="limits"/> for messages, floods and history.</summary>
    public static Page<RoomState> Create(ChatLimits limits) =>
        LivePage.Create(Name, init: ctx => Init(ctx, limits), view: RoomView.Of)
            .WithParams("room")
            .WithTitle(state => state.IsRoom ? "#" + state.Room : "Not a room")
            .OnMount((state, _) => state.IsRoom
                ? Reply.With(state).Perform(
                    "load_history",
                    fx => History.LastAsync(fx, state.Room, state.Limits.HistorySize),
                    (s, lines, _) => Reply.With(s with { Newest = lines.LastOrDefault()?.Id ?? 0 }, [.. lines.Select(line => Insert(s, line))]))
                : Reply.With(state))
            .OnResume((state, _) => state.IsRoom
                ? Reply.With(state).Perform(
                    "catch_up",
                    fx => History.AfterAsync(fx, state.Room, state.Newest, state.Limits.HistorySize),
                    (s, lines, _) => Reply.With(s with { Newest = Math.Max(s.Newest, lines.LastOrDefault()?.Id ?? 0) }, [.. lines.Select(line => Insert(s, line))]))
                : Reply.With(state))
            .WithSubscriptions(Subscriptions)
            .On(Send)
            .On(Compose)
            .OnMessage<Said>((state, said, _) => Show(state, said.Line))
            .OnMessage<PresenceChanged>((state, presence, _) => state with { Present = PresentUser.Of(presence) })
            .WithMentionToasts();

    private static RoomState Init(MountContext ctx, ChatLimits limits) =>
        new(ctx.Params.TryGetValue("room", out var room) ? room : "", ChatUser.NameOf(ctx.User), limits, 0, [], [], 0, "", null);

    /// <summary>A room's page listens to the room and is present in it, under its user's name.</summary>
    private static IEnumerable<Subscription> Subscriptions(RoomState state) =>
        state.IsRoom && state.User.Length > 0
            ?
            [
                Subscription.Topic(Topics.Room(state.Room)),
                Subscription.Track(Topics.Room(state.Room), state.User),
                Subscription.Presence(Topics.Room(state.Room)),
            ]
            : [];

    /// <summary>What is typed in the box, as it is typed: the view's value follows it, so that sending can empty it.</summary>
    internal static Reply<RoomState> Compose(RoomState state, ActionContext ctx) => state with { Draft = ctx.Form("text") ?? "" };

    /// <summary>
    /// A message from the box: refused with a reason next to the box (what was typed stays, to be fixed), or stored by
    /// an effect that ends even if the tab closes (<c>fx.Cancellation</c>), whose result is then announced: history
    /// and what everyone sees agree. The box empties at once.
    /// </summary>
    internal static Reply<RoomState> Send(RoomState state, ActionContext ctx)
    {
        if (!state.IsRoom)
        {
            return state; // no box is shown: only a hand-made frame gets here
        }

        var typed = ctx.Form("text") ?? "";
        var text = typed.Trim();
        if (MessageText.Problem(text, state.Limits.MaxMessageLength) is { } problem)
        {
            return state with { Draft = typed, Problem = problem };
        }

        var flood = state.Limits.Flood.Admit(state.Sent, ctx.Now);
        if (!flood.Admitted)
        {
            return state with { Sent = flood.Sent, Draft = typed, Problem = flood.Problem };
        }

        var next = state with { Sent = flood.Sent, Saves = state.Saves + 1, Draft = "", Problem = null };
        return Reply.With(next).Perform(
            $"save_message_{next.Saves}",
            fx => History.SaveAsync(fx, state.Room, state.User, text, ctx.Now),
            (s, line, _) => Announce(s, line));
    }

    /// <summary>A stored message goes to the room, and to every tab of each user it mentions (its author aside).</summary>
    private static Reply<RoomState> Announce(RoomState state, ChatLine line) =>
        Announcement.Of(line).Aggregate(Reply.With(state), (reply, announced) => reply.Broadcast(announced.To, announced.Message));

    /// <summary>
    /// A message said in the room, inserted into the stream of lines, which keeps the history's size (the oldest go).
    /// A message shown already (loaded with the history, and said since) is replaced where it is: never twice.
    /// </summary>
    private static Reply<RoomState> Show(RoomState state, ChatLine line) =>
        line.Room != state.Room
            ? state
            : (state with { Newest = Math.Max(state.Newest, line.Id) }, Insert(state, line));

    private static Patch Insert(RoomState state, ChatLine line) =>
        Patch.StreamInsert(RoomView.Lines, RoomView.LineId(line), RoomView.Line(line, state.User), limit: -state.Limits.HistorySize);
}
