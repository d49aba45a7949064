using System.Collections.Immutable;
using Website.Data;

namespace Website.Pages;

/// <summary>The contact form's fields, as typed.</summary>
public sealed record ContactForm(string Name, string Email, string Topic, string Message, bool Newsletter)
{
    public static readonly ContactForm Empty = new("", "", "question", "", false);

    /// <summary>The fields sent with an action.</summary>
    public static ContactForm From(ActionContext ctx) => new(
        (ctx.Form("name") ?? "").Trim(),
        (ctx.Form("email") ?? "").Trim(),
        ctx.Form("topic") ?? "question",
        (ctx.Form("message") ?? "").Trim(),
        ctx.FormValues("newsletter").Contains("yes"));

    /// <summary>What is wrong, by field name (texts in the current language).</summary>
    public ImmutableDictionary<string, string> Errors()
    {
        var errors = ImmutableDictionary<string, string>.Empty;
        if (Name.Length == 0)
        {
            errors = errors.Add("name", Texts.Get("Contact.Required"));
        }

        if (Email.Length == 0)
        {
            errors = errors.Add("email", Texts.Get("Contact.Required"));
        }
        else if (!System.Net.Mail.MailAddress.TryCreate(Email, out _))
        {
            errors = errors.Add("email", Texts.Get("Contact.InvalidEmail"));
        }

        if (Message.Length < 10)
        {
            errors = errors.Add("message", Texts.Get(Message.Length == 0 ? "Contact.Required" : "Contact.TooShort"));
        }

        return errors;
    }
}

/// <summary>The contact page's state: the form, the fields the user has been to, the messages sent.</summary>
public sealed record ContactState(ContactForm Form, ImmutableHashSet<string> Touched, int Sent);

/// <summary>
/// The contact form: errors appear next to the fields the user has been to as they change, all of them on submit;
/// a valid message is stored in the database by an effect, then a notification says so and the form clears. The
/// handlers return the new state: the view shows the fields, their errors and the cleared form.
/// </summary>
public static class ContactPage
{
    private static readonly string[] Fields = ["name", "email", "message"];

    public static readonly Page<ContactState> Page =
        LivePage.Create("contact", initial: new ContactState(ContactForm.Empty, [], 0), view: View)
            .WithTitle(_ => Texts.Get("Contact.Title"))
            .WithMeta(_ => new Dictionary<string, string> { ["description"] = Texts.Get("Contact.Lead") })
            .On(Validate)
            .On(Send);

    /// <summary>A field changed (<c>target</c> names it): it counts as visited, and the errors follow the form.</summary>
    private static Reply<ContactState> Validate(ContactState state, ActionContext ctx) =>
        state with
        {
            Form = ContactForm.From(ctx),
            Touched = ctx.Data("target") is { } field ? state.Touched.Add(field) : state.Touched,
        };

    /// <summary>
    /// The form is sent: every field counts as visited, so every error shows; a valid message is stored, then the form
    /// starts again and a toast (no state: it goes by itself) says so.
    /// </summary>
    private static Reply<ContactState> Send(ContactState state, ActionContext ctx)
    {
        var form = ContactForm.From(ctx);
        var next = state with { Form = form, Touched = [.. Fields] };
        if (!form.Errors().IsEmpty)
        {
            return next;
        }

        return Reply.With(next).Perform(
            "store_message",
            fx => StoreAsync(fx, form),
            (s, _, _) => (s with { Form = ContactForm.Empty, Touched = [], Sent = s.Sent + 1 }, Patch.Notify(Texts.Get("Contact.Sent"), "success")));
    }

    /// <summary>
    /// Stores the message. It takes <c>fx.Cancellation</c>, not <c>fx.Abandoned</c>: a message the user sent is stored
    /// even when they close the tab or leave the page at once.
    /// </summary>
    private static async Task<int> StoreAsync(EffectContext fx, ContactForm form)
    {
        var db = fx.Services.GetRequiredService<SiteDb>();
        db.Messages.Add(new ContactMessage
        {
            Name = form.Name,
            Email = form.Email,
            Topic = form.Topic,
            Message = form.Message,
            Newsletter = form.Newsletter,
            Received = DateTime.UtcNow,
        });
        return await db.SaveChangesAsync(fx.Cancellation);
    }

    private static XmlNode View(ContactState state) =>
        H.Section(H.H1(Texts.Get("Contact.Title")), H.P(Texts.Get("Contact.Lead")), H.Div(FormView(state)).Id("contact-form"));

    private static XmlNode FormView(ContactState state)
    {
        var form = state.Form;
        var errors = form.Errors();
        string Error(string field) => state.Touched.Contains(field) ? errors.GetValueOrDefault(field, "") : "";
        XmlNode Topic(string value) =>
            value.ToLowerInvariant() == form.Topic ? H.Option(Texts.Get($"Topic.{value}")).Value(value.ToLowerInvariant()).Flag("selected")
                                : H.Option(Texts.Get($"Topic.{value}")).Value(value.ToLowerInvariant());

        var newsletter = H.Input().Type("checkbox").Id("newsletter").Name("newsletter").Value("yes");
        return H.Form(
            // The fields validate as they change: the change bubbles up to the fieldset, which sends the whole form
            // and names the field (target); the form itself sends on submit.
            H.Fieldset(
                H.Label(Texts.Get("Contact.Name")).Attr("for", "name"),
                H.Input().Type("text").Id("name").Name("name").Value(form.Name),
                H.Span(Error("name")).Id("error-name").Class("error"),
                H.Label(Texts.Get("Contact.Email")).Attr("for", "email"),
                H.Input().Type("email").Id("email").Name("email").Value(form.Email),
                H.Span(Error("email")).Id("error-email").Class("error"),
                H.Label(Texts.Get("Contact.Topic")).Attr("for", "topic"),
                H.Select(Topic("Question"), Topic("Feedback"), Topic("Other")).Id("topic").Name("topic"),
                H.Label(Texts.Get("Contact.Message")).Attr("for", "message"),
                H.Textarea(form.Message).Id("message").Name("message").Attr("rows", "4"),
                H.Span(Error("message")).Id("error-message").Class("error"),
                H.Label(form.Newsletter ? newsletter.Flag("checked") : newsletter, H.Text(" " + Texts.Get("Contact.Newsletter"))))
                .On("change", Validate),
            H.P(H.Button(Texts.Get("Contact.Send")).Type("submit").Id("send").Class("button")))
            .Flag("novalidate") // the page function validates; the browser's own checks would stop the submit
            .On("submit", Send);
    }
}
