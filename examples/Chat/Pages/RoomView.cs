using System.Globalization;
using Chat.Rules;

namespace Chat.Pages;

/// <summary>How a room's page looks: the messages, who is here, and the box to write in.</summary>
public static class RoomView
{
    /// <summary>The stream of the room's messages: the id of their list, and the stream's name.</summary>
    public const string Lines = "lines";

    /// <summary>The page for <paramref name="state"/>.</summary>
    public static XmlNode Of(RoomState state) => state.IsRoom ? Room(state) : NotARoom(state);

    /// <summary>
    /// The form to write a message. The box shows the draft: sending empties it in the answer to the submit, even
    /// while the box has the focus; a refused message stays in it. Both name the room (<c>data-room</c>): a Django
    /// LiveView v1 client sends no mount, and its first action mounts the page with the room its data names. The box
    /// has an element of its own (<c>#box</c>): a v1 client, which cannot set the box's value, gets the box redrawn,
    /// never the Send button, whose click would be lost if it were redrawn while held down.
    /// </summary>
    public static XmlNode Composer(RoomState state) =>
        H.Form(
            H.Span(
                H.Input().Type("text").Id("text").Name("text").Value(state.Draft).Attr("autocomplete", "off").Flag("autofocus")
                    .Attr("placeholder", $"Message #{state.Room} (@name mentions someone)").Attr("aria-label", "Message")
                    .On("input", RoomPage.Compose).Data("loading", "false").Data("room", state.Room))
            .Id("box").Class("box"),
            H.Button("Send").Type("submit").Id("send"))
        .Id("composer").Class("composer").Flag("novalidate").On("submit", RoomPage.Send).Data("room", state.Room);

    /// <summary>One message; highlighted when it mentions <paramref name="me"/>.</summary>
    public static XmlNode Line(ChatLine line, string me) =>
        H.Li(
            H.Time(line.Sent.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture))
                .Attr("datetime", line.Sent.ToString("O", CultureInfo.InvariantCulture)).Attr("title", "UTC"),
            H.Strong(line.Author).Class("author"),
            H.Text(" "),
            H.Span(line.Text).Class("text")) // a text node: HTML in a message is shown, never run
        .Id(LineId(line)).Class(Mentions.In(line.Text).Contains(me) ? "line line--mentions-me" : "line");

    /// <summary>The id of a message's element: its key in the stream.</summary>
    public static string LineId(ChatLine line) => $"line-{line.Id}";

    /// <summary>The list of who is here.</summary>
    public static XmlNode[] Present(IEnumerable<PresentUser> users) =>
        [.. users.Select(user => H.Memo(user, PresentItem))];

    private static XmlNode PresentItem(PresentUser user) =>
        H.Li(user.Name).Key(user.Name).Data("user", user.Name).Data("tabs", user.Tabs.ToString(CultureInfo.InvariantCulture))
            .Attr("title", user.Tabs == 1 ? "1 tab" : $"{user.Tabs} tabs");

    private static XmlNode Room(RoomState state) =>
        H.Section(
            UserBar.For(state.User),
            H.H1("#" + state.Room),
            H.Div(
                // column-reverse keeps the scroll at the newest message as messages are appended. The list's items are
                // the stream's; the view names the newest, so that a tab whose first paint missed a message said since
                // gets the room again when its socket mounts the page.
                H.Div(H.Ol().Id(Lines).Class("lines").Stream().Data("newest", state.Newest.ToString(CultureInfo.InvariantCulture)))
                    .Class("scroller"),
                H.Aside(H.H2("Here now"), H.Ul(Present(state.Present)).Id("present").Class("present")))
            .Class("room"),
            Composer(state),
            H.Span(state.Problem ?? "").Id("send-error").Class("error").Attr("role", "alert"));

    private static XmlNode NotARoom(RoomState state) =>
        H.Section(
            UserBar.For(state.User),
            H.H1("Not a room"),
            H.P($"“{state.Room}” is not a room name: room names are {ChatName.Rule}.").Id("not-a-room"),
            H.P(Links.ToRooms("Back to the rooms")));
}
