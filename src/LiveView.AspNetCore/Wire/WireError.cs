namespace LiveView.AspNetCore;

/// <summary>
/// An error reported to the client as <c>{"action":"...","error":{"code":"...","message":"..."}}</c>.
/// The connection stays open after every error except a close.
/// </summary>
/// <param name="Code">A stable, machine-readable code (see <see cref="WireErrorCodes"/>).</param>
/// <param name="Message">A sentence for the developer; never the list of pages or handlers, never a stack trace.</param>
/// <param name="Action">The <c>page-&gt;handler</c> the error is about, when it is known.</param>
/// <param name="Loading">The action's other effects still run: the client keeps its loading indicator.</param>
/// <param name="Redirect">Where the browser should go (a refused page's URL; empty: reload where it is), or null.</param>
internal sealed record WireError(string Code, string Message, ActionName? Action = null, bool Loading = false, string? Redirect = null);

/// <summary>The codes of the error frames.</summary>
public static class WireErrorCodes
{
    /// <summary>The frame is not valid JSON.</summary>
    public const string MalformedJson = ErrorCode.MalformedJson;

    /// <summary>The frame is JSON but not a message: not an object, no <c>action</c>, or fields of the wrong type.</summary>
    public const string InvalidMessage = ErrorCode.InvalidMessage;

    /// <summary>The <c>action</c> is not of the form <c>page-&gt;handler</c>.</summary>
    public const string InvalidAction = ErrorCode.InvalidAction;

    /// <summary>No page of that name is registered.</summary>
    public const string UnknownPage = ErrorCode.UnknownPage;

    /// <summary>The page has no handler of that name.</summary>
    public const string UnknownHandler = ErrorCode.UnknownHandler;

    /// <summary>Navigation to a page that has no URL (not mapped with <c>MapLivePage</c>, or a route value missing).</summary>
    public const string NoRoute = ErrorCode.NoRoute;

    /// <summary>The user may not open the page; the frame's <c>redirect</c> says where the browser goes.</summary>
    public const string Unauthorized = ErrorCode.Unauthorized;

    /// <summary>A fold threw (a handler, the page's init or mount handler, an effect's result); the state is unchanged.</summary>
    public const string HandlerFailed = ErrorCode.HandlerFailed;

    /// <summary>An effect's work threw; the state is unchanged.</summary>
    public const string EffectFailed = ErrorCode.EffectFailed;

    /// <summary>The frame was binary; the protocol is text.</summary>
    public const string BinaryFrame = ErrorCode.BinaryFrame;
}
