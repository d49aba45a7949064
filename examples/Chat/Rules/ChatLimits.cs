namespace Chat.Rules;

/// <summary>The chat's limits, from the <c>Chat</c> configuration section (appsettings.json).</summary>
public sealed class ChatLimits
{
    /// <summary>The longest message, in characters.</summary>
    public int MaxMessageLength { get; init; } = 500;

    /// <summary>How many messages a tab may send in <see cref="FloodWindow"/>.</summary>
    public int FloodMessages { get; init; } = 5;

    /// <summary>The window of the flood rule.</summary>
    public TimeSpan FloodWindow { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How many of a room's last messages it shows.</summary>
    public int HistorySize { get; init; } = 50;

    /// <summary>The flood rule these limits make.</summary>
    public FloodGate Flood => new(FloodMessages, FloodWindow);

    /// <summary>The limits of <paramref name="configuration"/>'s <c>Chat</c> section; a value out of range stops the start.</summary>
    public static ChatLimits From(IConfiguration configuration)
    {
        var limits = configuration.GetSection("Chat").Get<ChatLimits>() ?? new ChatLimits();
        if (limits.MaxMessageLength < 1 || limits.FloodMessages < 1 || limits.FloodWindow <= TimeSpan.Zero || limits.HistorySize < 1)
        {
            throw new InvalidOperationException(
                "Chat: MaxMessageLength, FloodMessages, FloodWindow and HistorySize must be greater than zero.");
        }

        return limits;
    }
}
