namespace Chat.Rules;

/// <summary>Mentions: <c>@name</c> in a message's text names a user, whose tabs are told wherever they are.</summary>
public static class Mentions
{
    /// <summary>
    /// The names mentioned in <paramref name="text"/>, each once, in order. An <c>@</c> inside a word (an e-mail
    /// address) is not a mention, and neither is one followed by something that is not a valid name.
    /// </summary>
    public static IReadOnlyList<string> In(string text)
    {
        var names = new List<string>();
        for (var at = text.IndexOf('@'); at >= 0; at = text.IndexOf('@', at + 1))
        {
            if (at > 0 && ChatName.IsNameChar(text[at - 1]))
            {
                continue;
            }

            var end = at + 1;
            while (end < text.Length && ChatName.IsNameChar(text[end]))
            {
                end++;
            }

            var name = text[(at + 1)..end];
            if (ChatName.IsValid(name) && !names.Contains(name, StringComparer.Ordinal))
            {
                names.Add(name);
            }
        }

        return names;
    }
}
