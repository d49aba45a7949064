using System.Net.Mail;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Website.Tests;

/// <summary>
/// The contact form: errors next to the fields the user has been to, all of them on submit; a valid message is stored
/// in the database, a notification says so and the form starts again.
/// </summary>
public sealed class ContactTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static readonly string[] Fields = ["name", "email", "message"];

    private LiveTest Open(EffectMode effects = EffectMode.RunAll) =>
        LiveTest.Mount(ContactPage.Page, site.Options("/contact", effects: effects));

    private static LiveTest FillIn(LiveTest page) =>
        page.Fill("#name", "Ada Lovelace").Fill("#email", "ada@example.com").Change("#topic", "feedback")
            .Fill("#message", "The engine weaves algebraic patterns.").Click("#newsletter");

    private static string[] Errors(LiveTest page) => [.. Fields.Select(field => page.Text($"#error-{field}"))];

    private static string[] Values(LiveTest page) => [.. Fields.Select(field => page.Value($"#{field}"))];

    private static string[] Successes(LiveTest page) => [.. page.Toasts.Where(toast => toast.Kind == "success").Select(toast => toast.Text)];

    [Fact]
    public void The_form_starts_empty_and_without_errors()
    {
        var page = Open();
        Assert.Equal("Contact", page.Title);
        Assert.Equal(["", "", ""], Errors(page));
        Assert.Equal("question", page.Value("#topic"));
    }

    [Fact]
    public void A_field_left_wrong_shows_its_error_and_the_others_stay_quiet()
    {
        var page = Open().Change("#email", "ada");
        Assert.Equal(["", "Not an email address.", ""], Errors(page));

        page.Change("#message", "Hi there!");
        Assert.Equal(["", "Not an email address.", "At least 10 characters."], Errors(page));
    }

    [Fact]
    public void An_error_goes_as_soon_as_the_field_is_right()
    {
        var page = Open().Change("#email", "ada").Change("#email", "ada@example.com");
        Assert.Equal(["", "", ""], Errors(page));
    }

    [Fact]
    public void A_field_emptied_says_it_is_required()
    {
        var page = Open().Change("#name", "Ada").Change("#name", "   ");
        Assert.Equal("Required.", page.Text("#error-name"));
    }

    [Fact]
    public void Sending_an_empty_form_shows_every_error_and_stores_nothing()
    {
        var stored = site.Messages().Count;
        var page = Open().Click("#send");
        Assert.Equal(["Required.", "Required.", "Required."], Errors(page));
        Assert.Empty(page.Toasts);
        Assert.Equal(stored, site.Messages().Count);
    }

    [Fact]
    public void Sending_a_valid_message_stores_it_thanks_and_clears_the_form()
    {
        var page = FillIn(Open()).Click("#send");

        Assert.Equal(["Thank you! Your message was sent."], Successes(page));
        var message = site.Messages()[^1];
        Assert.Equal(
            ("Ada Lovelace", "ada@example.com", "feedback", "The engine weaves algebraic patterns.", true),
            (message.Name, message.Email, message.Topic, message.Message, message.Newsletter));
        Assert.Equal(["", "", ""], Values(page));
        Assert.Equal("question", page.Value("#topic"));
        Assert.False(page.Has("#newsletter:checked"));
        Assert.Equal(["", "", ""], Errors(page));
    }

    [Fact]
    public void The_thanks_wait_until_the_message_is_stored()
    {
        var page = FillIn(Open(EffectMode.Hold)).Submit("form");
        Assert.Equal("store_message", Assert.Single(page.PendingEffects).Name);
        Assert.Empty(page.Toasts);
        Assert.Equal("Ada Lovelace", page.Value("#name"));

        page.RunEffects();
        Assert.Single(Successes(page));
        Assert.Equal("", page.Value("#name"));
    }

    /// <summary>The form's rules, as the page states them: a name, an email address, a message of 10 characters.</summary>
    private static bool[] Valid(string[] values) =>
        [values[0].Trim().Length > 0, MailAddress.TryCreate(values[1].Trim(), out _), values[2].Trim().Length >= 10];

    /// <summary>
    /// What a user types last into the name, the email and the message: what journeys type, addresses right and wrong,
    /// or nothing (null: the field stays as the journey left it). Journeys alone type a valid form too rarely.
    /// </summary>
    private static readonly Arbitrary<(string? Name, string? Email, string? Message)> LastTyped = Arb.From(
        from name in Texts()
        from email in Texts()
        from message in Texts()
        select (name, email, message));

    private static Gen<string?> Texts() =>
        Gen.Elements<string?>(
        [
            null, .. UserSteps.texts, "grace@navy.mil", "  alan@turing.org ", "ada@", "@example.com", "ada example.com",
        ]);

    [Property(MaxTest = 200)]
    public Property Whatever_a_user_did_and_typed_last_a_submit_succeeds_exactly_when_every_field_is_valid() =>
        Prop.ForAll(Journey.Arbitrary(20), LastTyped, (journey, typed) =>
        {
            var stored = site.Messages().Count;
            var page = journey.Run(Open());
            foreach (var (field, text) in Fields.Zip([typed.Name, typed.Email, typed.Message]))
            {
                if (text is not null)
                {
                    page.Fill($"#{field}", text);
                }
            }

            var values = Values(page);
            var valid = Valid(values);
            var sent = Successes(page).Length;

            page.Click("#send");

            var succeeded = Successes(page).Length > sent;
            Assert.Equal(valid.All(ok => ok), succeeded);
            var messages = site.Messages();
            Assert.Equal(stored + Successes(page).Length, messages.Count);
            // Failed: an error for each wrong field, none for the right ones. Succeeded: the message as typed is
            // stored, and the form starts again.
            Assert.Equal(valid.Select(ok => succeeded || ok), Errors(page).Select(error => error == ""));
            if (succeeded)
            {
                Assert.Equal(values.Select(value => value.Trim()), [messages[^1].Name, messages[^1].Email, messages[^1].Message]);
                Assert.Equal(["", "", ""], Values(page));
            }

            return Prop.ToProperty(true).Classify(succeeded, "sent").Classify(!succeeded, "refused");
        });

    [Fact]
    public void Every_binding_names_a_handler_of_the_page() => Wiring.Check(() => Open());
}
