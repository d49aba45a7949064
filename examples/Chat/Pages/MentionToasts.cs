namespace Chat.Pages;

/// <summary>Every chat page tells its user, with a toast, that someone mentioned them (<see cref="Mentioned"/>).</summary>
public static class MentionToasts
{
    /// <summary>How long a mention's toast stays, in milliseconds.</summary>
    public const int Timeout = 8000;

    /// <summary><paramref name="page"/>, showing a toast for every <see cref="Mentioned"/> its user receives.</summary>
    public static Page<TState> WithMentionToasts<TState>(this Page<TState> page) =>
        page.OnMessage<Mentioned>((state, mention, _) => (state, Patch.Notify(mention.Describe(), "info", Timeout)));
}
