namespace Chat.Rules;

/// <summary>What a message's text must be: something besides spaces, and not too long.</summary>
public static class MessageText
{
    /// <summary>
    /// What is wrong with <paramref name="text"/> as a message of at most <paramref name="maxLength"/> characters (after
    /// trimming), in words for the user; null when nothing is.
    /// </summary>
    public static string? Problem(string text, int maxLength)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return "Write something first: an empty message is not sent.";
        }

        return trimmed.Length > maxLength
            ? $"A message is at most {maxLength} characters; this one has {trimmed.Length}. Nothing was sent."
            : null;
    }
}
