namespace LiveView.AspNetCore;

/// <summary>
/// What an action's measurements and span are tagged with. Made only when someone listens; every value is bounded
/// (registered pages and handlers, message types, timer names): a name the client sent that no page or handler has
/// is <see cref="DiagnosticTags.Other"/>.
/// </summary>
/// <param name="Page">The page.</param>
/// <param name="Handler">The handler, the message's type or the timer's name.</param>
/// <param name="Origin">client, message or timer.</param>
internal readonly record struct ActionTags(string Page, string Handler, string Origin)
{
    /// <summary>The span's name: <c>home-&gt;increment</c>, <c>room message Said</c>, <c>game timer tick</c>.</summary>
    public string SpanName => Origin == DiagnosticTags.Client ? $"{Page}->{Handler}" : $"{Page} {Origin} {Handler}";

    /// <summary>A client action, read against the registered pages.</summary>
    public static ActionTags Of(ClientAction action, ISite site)
    {
        var name = action.Name;
        if (site.FindPage(name.Page) is not { } page)
        {
            return new(DiagnosticTags.Other, DiagnosticTags.Other, DiagnosticTags.Client);
        }

        var known = page.Handlers.ContainsKey(name.Handler)
            || name.Handler == LiveView.Protocol.MountHandler
            || name.Handler == LiveView.Protocol.SendPageHandler;
        return new(page.Name, known ? name.Handler : DiagnosticTags.Other, DiagnosticTags.Client);
    }

    /// <summary>A server message or a timer's tick (<paramref name="origin"/>) for the live page, if any.</summary>
    public static ActionTags Of(LiveView.Origin origin, Instance? live)
    {
        var page = live?.Page.Name ?? DiagnosticTags.Other;
        return origin switch
        {
            LiveView.Origin.Timer timer => new(page, timer.Name, DiagnosticTags.Timer),
            LiveView.Origin.Message message => new(page, message.Type, DiagnosticTags.Message),
            _ => new(page, DiagnosticTags.Other, DiagnosticTags.OriginOf(origin)),
        };
    }
}
