namespace Chat.Rules;

/// <summary>
/// The one rule for user names and room names: 1 to 24 ASCII letters, digits, <c>_</c> or <c>-</c>. Names go as they
/// are into URLs (<c>/rooms/{room}</c>), element ids and mentions (<c>@name</c>), so nothing else is allowed in them.
/// Names are case-sensitive: <c>Ada</c> and <c>ada</c> are two users.
/// </summary>
public static class ChatName
{
    /// <summary>The longest name.</summary>
    public const int MaxLength = 24;

    /// <summary>The rule in words, for error messages.</summary>
    public const string Rule = "1 to 24 letters, digits, _ or -";

    /// <summary>Whether <paramref name="c"/> may appear in a name.</summary>
    public static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';

    /// <summary>Whether <paramref name="name"/> is a valid name.</summary>
    public static bool IsValid(string? name) => name is { Length: > 0 and <= MaxLength } && name.All(IsNameChar);
}
