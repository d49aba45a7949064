using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace LiveView.Browser.Tests;

/// <summary>The Website's contact form, its language switch, its slow search and a reconnect that keeps what was typed.</summary>
public sealed class WebsiteFormTests(Chromium chromium) : WebsiteTest(chromium)
{
    [Fact]
    public async Task Errors_show_next_to_the_fields_on_change_and_on_submit()
    {
        var page = await OpenAsync("/contact");
        await page.FillAsync("#email", "not-an-address");
        await page.PressAsync("#email", "Tab"); // change fires when the field is left
        await Expect(page.Locator("#error-email")).ToHaveTextAsync("Not an email address.");
        await Expect(page.Locator("#error-name")).ToHaveTextAsync(""); // not visited yet

        await page.ClickAsync("#send");
        await Expect(page.Locator("#error-name")).ToHaveTextAsync("Required.");
        await Expect(page.Locator("#error-message")).ToHaveTextAsync("Required.");

        await page.FillAsync("#message", "short");
        await page.PressAsync("#message", "Tab");
        await Expect(page.Locator("#error-message")).ToHaveTextAsync("At least 10 characters.");
        await page.FillAsync("#email", "ada@example.com");
        await page.PressAsync("#email", "Tab");
        await Expect(page.Locator("#error-email")).ToHaveTextAsync("");
    }

    [Fact]
    public async Task A_valid_message_is_stored_and_a_notification_says_so()
    {
        var page = await OpenAsync("/contact");
        await page.MarkDocumentAsync();
        await page.FillAsync("#name", "Ada Lovelace");
        await page.FillAsync("#email", "ada@example.com");
        await page.SelectOptionAsync("#topic", "feedback");
        await page.FillAsync("#message", "The analytical engine weaves algebraic patterns.");
        await page.CheckAsync("#newsletter");
        await page.ClickAsync("#send");

        await Expect(page.Locator("#notifications .notification--success")).ToHaveTextAsync("Thank you! Your message was sent.");
        await Expect(page.Locator("#name")).ToHaveValueAsync(""); // the form starts again
        Assert.True(await page.IsSameDocumentAsync());

        var stored = await QueryAsync(db => db.Messages.SingleAsync());
        Assert.Equal(("Ada Lovelace", "ada@example.com", "feedback", true), (stored.Name, stored.Email, stored.Topic, stored.Newsletter));
        Assert.Equal("The analytical engine weaves algebraic patterns.", stored.Message);
    }

    [Fact]
    public async Task The_language_switch_turns_the_site_and_its_actions_to_Spanish()
    {
        var page = await OpenAsync("/");
        await page.ClickAsync("#language");
        await page.WaitForURLAsync(url => true);
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Bienvenida");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await page.WaitForLiveViewAsync();
        await Expect(page.Locator("nav a.active")).ToHaveTextAsync("Inicio");

        await page.ClickAsync("nav >> text=Contacto");
        await Expect(page).ToHaveTitleAsync("Contacto · LiveView Website");
        await page.ClickAsync("#send");
        await Expect(page.Locator("#error-name")).ToHaveTextAsync("Obligatorio."); // the action ran in Spanish

        await page.ClickAsync("#language");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Contact");
    }

    [Fact]
    public async Task The_slow_search_shows_the_loading_indicator_until_the_results_arrive()
    {
        var page = await OpenAsync("/");
        var loading = page.Locator("#loading");
        await Expect(loading).ToBeHiddenAsync();

        await page.FillAsync("#q", "pa");
        await Expect(loading).ToBeVisibleAsync();
        await Expect(page.Locator("#results")).ToContainTextAsync("posts match.");
        await Expect(loading).ToBeHiddenAsync();
        await Expect(page.Locator("#results li")).ToHaveCountAsync(
            await QueryAsync(db => db.Posts.CountAsync(p => p.Lang == "en" && EF.Functions.Like(p.Title, "%pa%"))));
    }

    [Fact]
    public async Task After_a_reconnect_the_page_resumes_with_its_state_and_keeps_what_was_typed()
    {
        var page = await OpenAsync("/contact");
        await page.FillAsync("#name", "Grace Hopper");
        await page.FillAsync("#message", "A ship in port is safe, but that is not what ships are built for.");
        await page.SelectOptionAsync("#topic", "other");
        await page.EvaluateAsync("document.querySelector('#contact-form form').dataset.before = 'yes'");

        await Server.StopAsync();
        await page.WaitForLiveViewAsync("disconnected");
        Server.Restart();
        await page.WaitForLiveViewAsync("connected", timeout: 30_000);

        // The page resumed from the snapshot of its state the client kept: nothing was rendered again (the marker
        // stays), and what was typed is where it was.
        await Expect(page.Locator("#contact-form form[data-before]")).ToHaveCountAsync(1);
        await Expect(page.Locator("#name")).ToHaveValueAsync("Grace Hopper");
        await Expect(page.Locator("#message")).ToHaveValueAsync("A ship in port is safe, but that is not what ships are built for.");
        await Expect(page.Locator("#topic")).ToHaveValueAsync("other");
        // The server caught up with them: the recovered change reached its validation, which shows only the missing email.
        await Expect(page.Locator("#error-email")).ToHaveTextAsync("");
        await page.FillAsync("#email", "grace@example.com");
        await page.ClickAsync("#send");
        await Expect(page.Locator("#notifications .notification--success")).ToBeVisibleAsync();
    }
}
