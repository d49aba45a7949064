using System.Collections.Immutable;
using Chat.Account;
using Chat.Data;
using Chat.Rules;

namespace Chat.Pages;

/// <summary>The room list's state: who looks at it, the rooms listed, and how many people are in each.</summary>
public sealed record RoomsState(string User, ImmutableList<string> Rooms, ImmutableDictionary<string, int> Here);

/// <summary>
/// The list of rooms (<c>/</c>): a few fixed ones and those with recent messages, each with how many people are in it
/// now (live, from the rooms' presence: the state counts them, the view shows the counts), and a form that opens any
/// room by name.
/// </summary>
public static class RoomsPage
{
    /// <summary>The rooms always listed.</summary>
    public static readonly ImmutableList<string> Fixed = ["lobby", "dotnet", "random"];

    /// <summary>How many rooms with recent messages the list adds to the fixed ones.</summary>
    public const int ActiveRooms = 12;

    /// <summary>Mounting lists the rooms with recent messages (before the first paint).</summary>
    public static readonly Page<RoomsState> Page =
        LivePage.Create("rooms", init: ctx => new RoomsState(ChatUser.NameOf(ctx.User), Fixed, ImmutableDictionary<string, int>.Empty), view: View)
            .WithTitle("Rooms")
            .OnMount((state, _) => Reply.With(state).Perform(
                "load_rooms",
                fx => History.ActiveRoomsAsync(fx, ActiveRooms),
                (s, active, _) => s with { Rooms = [.. Fixed.Union(active, StringComparer.Ordinal)] }))
            .WithSubscriptions(state => state.Rooms.Select(room => Subscription.Presence(Topics.Room(room))))
            .OnMessage<PresenceChanged>((state, presence, _) =>
                state with { Here = state.Here.SetItem(Topics.RoomOf(presence.Topic), PresentUser.Of(presence).Count) })
            .WithMentionToasts();

    private static XmlNode View(RoomsState state) =>
        H.Section(
            UserBar.For(state.User),
            H.H1("Rooms"),
            // A list: a room's item is rendered again only when its name or count changed (Each).
            H.Ul().Id("rooms").Class("rooms").Each(state.Rooms.Select(room => (Room: room, Here: state.Here.GetValueOrDefault(room))), item => item.Room, Item),
            H.H2("Open a room by name"),
            // A plain HTTP form: /open-room sends the browser to /rooms/{name}, whose page says what is wrong with a name.
            H.Form(
                H.Input().Type("text").Id("room-name").Name("name").Attr("placeholder", ChatName.Rule).Attr("aria-label", "Room name").Attr("autocomplete", "off"),
                H.Button("Open").Type("submit").Id("open-room"))
                .Attr("method", "get").Attr("action", "/open-room").Class("composer"));

    private static XmlNode Item((string Room, int Here) item) =>
        H.Li(
            Links.ToRoom(item.Room),
            H.Span(Here(item.Here)).Id($"here-{item.Room}").Class("here"))
        .Key(item.Room);

    private static string Here(int count) => count switch
    {
        0 => "",
        1 => "1 person here",
        _ => $"{count} people here",
    };
}
