using System.Globalization;
using Chat.Rules;

namespace Chat.Pages;

/// <summary>How a room's page looks: the messages, who is here, and the box to write in.</summary>
public static class RoomView
{
    /// <summary>Where a refused message's reason goes.</summary>
    public const string ErrorSelector = "#send-error";

    /// <summary>The page for <paramref name="state"/>.</summary>
    public static XmlNode Of(RoomState state) => state.IsRoom ? Room(state) : NotARoom(state);

    /// <summary>The form to write a message: empty, with no error.</summary>
    public static XmlNode Composer(RoomState state) =>
        H.Form(
            H.Input().Type("text").Id("text").Name("text").Attr("autocomplete", "off").Flag("autofocus")
                .Attr("placeholder", $"Message #{state.Room} (@name mentions someone)").Attr("aria-label", "Message"),
            H.Button("Send").Type("submit").Id("send"))
        .Class("composer").Flag("novalidate").Action("submit->room#send");

    /// <summary>One message; highlighted when it mentions <paramref name="me"/>.</summary>
    public static XmlNode Line(ChatLine line, string me) =>
        H.Li(
            H.Time(line.Sent.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture))
                .Attr("datetime", line.Sent.ToString("O", CultureInfo.InvariantCulture)).Attr("title", "UTC"),
            H.Strong(line.Author).Class("author"),
            H.Text(" "),
            H.Span(line.Text).Class("text")) // a text node: HTML in a message is shown, never run
        .Id(LineId(line)).Class(Mentions.In(line.Text).Contains(me) ? "line line--mentions-me" : "line");

    /// <summary>The id of a message's element.</summary>
    public static string LineId(ChatLine line) => $"line-{line.Id}";

    /// <summary>The list of who is here.</summary>
    public static XmlNode[] Present(IEnumerable<PresentUser> users) =>
        [.. users.Select(user => H.Li(user.Name).Data("user", user.Name).Data("tabs", user.Tabs.ToString(CultureInfo.InvariantCulture))
            .Attr("title", user.Tabs == 1 ? "1 tab" : $"{user.Tabs} tabs"))];

    private static XmlNode Room(RoomState state) =>
        H.Section(
            UserBar.For(state.User),
            H.H1("#" + state.Room),
            H.Div(
                // column-reverse keeps the scroll at the newest message as messages are appended.
                H.Div(H.Ol([.. state.Lines.Select(line => Line(line, state.User))]).Id("lines").Class("lines")).Class("scroller"),
                H.Aside(H.H2("Here now"), H.Ul(Present(state.Present)).Id("present").Class("present")))
            .Class("room"),
            H.Div(Composer(state)).Id("composer"),
            H.Span("").Id(ErrorSelector[1..]).Class("error").Attr("role", "alert"));

    private static XmlNode NotARoom(RoomState state) =>
        H.Section(
            UserBar.For(state.User),
            H.H1("Not a room"),
            H.P($"“{state.Room}” is not a room name: room names are {ChatName.Rule}.").Id("not-a-room"),
            H.P(Links.ToRooms("Back to the rooms")));
}
