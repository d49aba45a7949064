namespace Chat.Pages;

/// <summary>
/// Links between the chat's pages: a plain <c>href</c> for the first paint, a new tab or no JavaScript, and the
/// client's <c>page#changePage</c> for navigation over the socket (the room goes along as <c>data-room</c>).
/// </summary>
public static class Links
{
    /// <summary>A link to the room list.</summary>
    public static XmlNode ToRooms(string text) =>
        H.A(text).Href("/").Action("page#changePage").Data("page", RoomsPage.Page.Name);

    /// <summary>A link to room <paramref name="room"/>.</summary>
    public static XmlNode ToRoom(string room) =>
        H.A("#" + room).Href(RoomPage.Url(room)).Action("page#changePage").Data("page", RoomPage.Name).Data("room", room);
}
