namespace LiveView.AspNetCore;

/// <summary>
/// An error reported to the client as <c>{"action":"...","error":{"code":"...","message":"..."}}</c>.
/// The connection stays open after every error except a close.
/// </summary>
/// <param name="Code">A stable, machine-readable code (see <see cref="WireErrorCodes"/>).</param>
/// <param name="Message">A sentence for the developer; never the list of pages or handlers, never a stack trace.</param>
/// <param name="Action">The <c>page-&gt;handler</c> the error is about, when it is known.</param>
internal sealed record WireError(string Code, string Message, ActionName? Action = null);

/// <summary>The codes of the error frames.</summary>
public static class WireErrorCodes
{
    /// <summary>The frame is not valid JSON.</summary>
    public const string MalformedJson = "malformed_json";

    /// <summary>The frame is JSON but not a message: not an object, no <c>action</c>, or fields of the wrong type.</summary>
    public const string InvalidMessage = "invalid_message";

    /// <summary>The <c>action</c> is not of the form <c>page-&gt;handler</c>.</summary>
    public const string InvalidAction = "invalid_action";

    /// <summary>No page of that name is registered.</summary>
    public const string UnknownPage = "unknown_page";

    /// <summary>The page has no handler of that name.</summary>
    public const string UnknownHandler = "unknown_handler";

    /// <summary>Navigation to a page that has no URL (not mapped with <c>MapLivePage</c>, or a route value missing).</summary>
    public const string NoRoute = "no_route";

    /// <summary>The handler (or the page's mount) threw; the state is unchanged.</summary>
    public const string HandlerFailed = "handler_failed";

    /// <summary>An effect's work threw; the state is unchanged.</summary>
    public const string EffectFailed = "effect_failed";

    /// <summary>The frame was binary; the protocol is text.</summary>
    public const string BinaryFrame = "binary_frame";
}
