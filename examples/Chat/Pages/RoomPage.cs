using Chat.Account;
using Chat.Data;
using Chat.Rules;

namespace Chat.Pages;

/// <summary>
/// A room (<c>/rooms/{room}</c>): its last messages from SQLite on mount, new ones live from the room's topic, who is
/// here from the room's presence (the page tracks its user there while it is open), and a box to write in whose
/// messages are checked (empty, too long, too many too fast), stored, then broadcast to the room and to every tab of
/// each user they mention.
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
        LivePage.Create(Name, init: Init, view: RoomView.Of)
            .WithTitle(state => state.IsRoom ? "#" + state.Room : "Not a room")
            .OnMount((state, _) => state.IsRoom
                ? Reply.With(state).Perform(
                    "load_history",
                    fx => History.LastAsync(fx, state.Room, limits.HistorySize),
                    (s, lines, _) => s with { Lines = lines })
                : Reply.With(state))
            .WithSubscriptions(Subscriptions)
            .On("send", (state, ctx) => Send(state, ctx, limits))
            .OnMessage<Said>((state, said, _) => Show(state, said.Line, limits.HistorySize))
            .OnMessage<PresenceChanged>((state, presence, _) =>
            {
                var present = PresentUser.Of(presence);
                return (state with { Present = present }, Patch.Html("#present", RoomView.Present(present)));
            })
            .WithMentionToasts();

    private static RoomState Init(MountContext ctx) =>
        new(ctx.Params.TryGetValue("room", out var room) ? room : "", ChatUser.NameOf(ctx.User), [], [], [], 0);

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

    /// <summary>
    /// A message from the box: refused with a reason next to the box, or stored by an effect that ends even if the tab
    /// closes (<c>fx.Cancellation</c>), whose result is then announced: history and what everyone sees agree.
    /// </summary>
    private static Reply<RoomState> Send(RoomState state, ActionContext ctx, ChatLimits limits)
    {
        if (!state.IsRoom)
        {
            return state; // no box is shown: only a hand-made frame gets here
        }

        var text = (ctx.Form("text") ?? "").Trim();

        if (MessageText.Problem(text, limits.MaxMessageLength) is { } problem)
        {
            return (state, Patch.Html(RoomView.ErrorSelector, problem));
        }

        var flood = limits.Flood.Admit(state.Sent, ctx.Now);
        if (!flood.Admitted)
        {
            return (state with { Sent = flood.Sent }, Patch.Html(RoomView.ErrorSelector, flood.Problem!));
        }

        var next = state with { Sent = flood.Sent, Saves = state.Saves + 1 };
        return Reply.With(next, Patch.Html("#composer", RoomView.Composer(next)), Patch.Html(RoomView.ErrorSelector, ""))
            .Perform(
                $"save_message_{next.Saves}",
                fx => History.SaveAsync(fx, state.Room, state.User, text, ctx.Now),
                (s, line, _) => Announce(s, line));
    }

    /// <summary>A stored message goes to the room, and to every tab of each user it mentions (its author aside).</summary>
    private static Reply<RoomState> Announce(RoomState state, ChatLine line) =>
        Announcement.Of(line).Aggregate(Reply.With(state), (reply, announced) => reply.Broadcast(announced.To, announced.Message));

    /// <summary>A message said in the room: appended, and the oldest dropped past the history's size.</summary>
    private static Reply<RoomState> Show(RoomState state, ChatLine line, int historySize)
    {
        if (line.Room != state.Room || state.Lines.Any(shown => shown.Id == line.Id))
        {
            return state;
        }

        var lines = state.Lines.Add(line);
        var patches = new List<Patch> { Patch.Append("#lines", RoomView.Line(line, state.User)) };
        while (lines.Count > historySize)
        {
            patches.Add(Patch.Remove("#" + RoomView.LineId(lines[0])));
            lines = lines.RemoveAt(0);
        }

        return (state with { Lines = lines }, patches.ToArray());
    }
}
