using System.Collections.Immutable;
using Chat.Rules;

namespace LiveView.Browser.Tests;

/// <summary>The Chat's rules as plain functions: names, message texts, mentions, and the flood gate over time.</summary>
public sealed class ChatRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("a", true)]
    [InlineData("Ada_Lovelace-1815", true)]
    [InlineData("abcdefghijklmnopqrstuvwx", true)] // 24
    [InlineData("abcdefghijklmnopqrstuvwxy", false)] // 25
    [InlineData("", false)]
    [InlineData("ada lovelace", false)]
    [InlineData("adá", false)]
    [InlineData("<b>", false)]
    [InlineData("../x", false)]
    public void A_name_is_1_to_24_letters_digits_underscores_or_dashes(string name, bool valid) =>
        Assert.Equal(valid, ChatName.IsValid(name));

    [Fact]
    public void A_message_must_have_something_besides_spaces_and_at_most_the_limit()
    {
        Assert.Equal("Write something first: an empty message is not sent.", MessageText.Problem(" \t\n ", 500));
        Assert.Null(MessageText.Problem("  " + new string('x', 500) + "  ", 500)); // trimmed first
        Assert.Equal("A message is at most 500 characters; this one has 501. Nothing was sent.", MessageText.Problem(new string('x', 501), 500));
    }

    [Theory]
    [InlineData("@bob look, @ann: and @bob again", "bob,ann")]
    [InlineData("(@bob) @bob's", "bob")]
    [InlineData("write to ada@example.com", "")]
    [InlineData("@ alone, @@ twice, and @abcdefghijklmnopqrstuvwxy is too long", "")]
    [InlineData("@Bob and @bob are two users", "Bob,bob")]
    public void Mentions_are_the_valid_names_after_an_at_sign_that_starts_a_word(string text, string names) =>
        Assert.Equal(names.Split(',', StringSplitOptions.RemoveEmptyEntries), Mentions.In(text));

    [Fact]
    public void The_flood_gate_admits_as_many_messages_as_it_allows_in_a_window_then_says_when_to_try_again()
    {
        var gate = new FloodGate(3, TimeSpan.FromSeconds(5));
        var sent = ImmutableList<DateTimeOffset>.Empty;
        foreach (var at in new[] { T0, T0.AddSeconds(1), T0.AddSeconds(2) })
        {
            var admitted = gate.Admit(sent, at);
            Assert.True(admitted.Admitted);
            sent = admitted.Sent;
        }

        var refused = gate.Admit(sent, T0.AddSeconds(3.5));
        Assert.False(refused.Admitted);
        Assert.Equal("Slow down: at most 3 messages in 5 seconds. Try again in 2 seconds.", refused.Problem);
        Assert.Equal(sent, refused.Sent); // a refused message does not count

        // The first message leaves the window five seconds after it was sent: one more may go, and only one.
        var later = gate.Admit(refused.Sent, T0.AddSeconds(5));
        Assert.True(later.Admitted);
        Assert.Equal([T0.AddSeconds(1), T0.AddSeconds(2), T0.AddSeconds(5)], later.Sent);
        Assert.False(gate.Admit(later.Sent, T0.AddSeconds(5.5)).Admitted);
    }
}
