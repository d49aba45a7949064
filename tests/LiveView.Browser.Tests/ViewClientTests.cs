using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LiveView.Browser.Tests;

/// <summary>
/// What the browser client keeps while the view drives the page (focus, caret, typed values, scroll positions, content
/// the page's scripts own) and its hooks, in a real Chromium against <see cref="ViewLab"/>.
/// </summary>
public sealed class ViewClientTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private ViewLab lab = null!;
    private IBrowserContext context = null!;
    private IPage page = null!;

    public async Task InitializeAsync()
    {
        lab = await ViewLab.StartAsync();
        context = await chromium.Browser.NewContextAsync();
        context.SetDefaultTimeout(15_000);
        page = await context.OpenLiveAsync(new Uri(lab.Address, "/view"));
    }

    public async Task DisposeAsync()
    {
        await context.CloseAsync();
        await lab.DisposeAsync();
    }

    /// <summary>Sends an action from script, as a timer or another user would cause one: the focus stays where it is.</summary>
    private Task SendAsync(string handler) => page.EvaluateAsync($"LiveView.send('view->{handler}')");

    private Task<string> ValueAsync(string selector) => page.InputValueAsync(selector);

    private Task<bool> IsFocusedAsync(string selector) =>
        page.EvaluateAsync<bool>("(selector) => document.activeElement === document.querySelector(selector)", selector);

    [Fact]
    public async Task Typing_in_a_focused_input_keeps_its_value_and_caret_while_its_form_and_its_parent_are_re_rendered()
    {
        await page.ClickAsync("#note");
        await page.Keyboard.TypeAsync("hello");
        await Expect(page.Locator("#note-echo")).ToHaveTextAsync("hello"); // the debounced input action came back
        await page.Keyboard.PressAsync("Home");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");

        // The form's attribute and the text beside the field change.
        await SendAsync("tick");
        await Expect(page.Locator("#status")).ToHaveTextAsync("ticks 1");
        await Expect(page.Locator("#editor")).ToHaveAttributeAsync("data-ticks", "1");

        // The field's parent is replaced (a div becomes a section): the field is a new element.
        await page.EvaluateAsync("window.__oldNote = document.querySelector('#note')");
        await SendAsync("wrap");
        await Expect(page.Locator("section#note-box #note")).ToHaveCountAsync(1);
        Assert.False(await page.EvaluateAsync<bool>("window.__oldNote.isConnected"));

        Assert.True(await IsFocusedAsync("#note"));
        await page.Keyboard.TypeAsync("X");
        Assert.Equal("heXllo", await ValueAsync("#note"));
        await Expect(page.Locator("#note-echo")).ToHaveTextAsync("heXllo");
    }

    [Fact]
    public async Task The_focused_field_keeps_what_was_typed_when_the_view_changes_its_value_and_the_other_fields_show_the_view()
    {
        await page.ClickAsync("#agree");
        await page.ClickAsync("#agree"); // checked by the user, then not: the box no longer follows its attribute
        await page.ClickAsync("#bio");
        await page.Keyboard.TypeAsync("notes");
        await Expect(page.Locator("#bio-echo")).ToHaveTextAsync("notes");
        await page.ClickAsync("#name");
        await page.Keyboard.TypeAsync("hello");
        await Expect(page.Locator("#name-echo")).ToHaveTextAsync("hello");

        await SendAsync("shout"); // the view now says HELLO, NOTES and checked

        await Expect(page.Locator("#name-echo")).ToHaveTextAsync("HELLO");
        await Expect(page.Locator("#name")).ToHaveAttributeAsync("value", "HELLO");
        Assert.Equal("hello", await ValueAsync("#name"));
        Assert.True(await IsFocusedAsync("#name"));
        Assert.Equal("NOTES", await ValueAsync("#bio"));
        Assert.True(await page.IsCheckedAsync("#agree"));
    }

    [Fact]
    public async Task A_focused_field_with_data_liveview_overwrite_takes_the_value_of_the_view()
    {
        await page.ClickAsync("#code");
        // One input event: a field that takes the view's value while focused would take "a" back from the answer to
        // a first key while "b" is typed (that is what overwriting means).
        await page.Keyboard.InsertTextAsync("abc");
        await Expect(page.Locator("#code-echo")).ToHaveTextAsync("abc");

        await SendAsync("shout");

        await Expect(page.Locator("#code-echo")).ToHaveTextAsync("ABC");
        Assert.Equal("ABC", await ValueAsync("#code"));
        Assert.True(await IsFocusedAsync("#code"));
    }

    [Fact]
    public async Task The_focused_field_of_a_submitted_form_takes_the_value_the_answer_gives_it()
    {
        await page.ClickAsync("#message");
        await page.Keyboard.TypeAsync("hi there");
        await Expect(page.Locator("#draft-echo")).ToHaveTextAsync("hi there"); // the view's value is the draft now

        await page.Keyboard.PressAsync("Enter"); // submits the composer: the answer clears the draft

        await Expect(page.Locator("#said li")).ToHaveTextAsync(["hi there"]);
        await Expect(page.Locator("#message")).ToHaveValueAsync("");
        Assert.True(await IsFocusedAsync("#message"));

        // After the answer the field is the user's again: a later change of the view's value leaves it alone.
        await page.Keyboard.TypeAsync("next");
        await Expect(page.Locator("#draft-echo")).ToHaveTextAsync("next");
        Assert.Equal("next", await ValueAsync("#message"));
    }

    [Fact]
    public async Task A_submitted_form_whose_fields_the_state_does_not_follow_shows_the_view_s_values_after_the_answer()
    {
        await page.CheckAsync("#urgent");
        await page.SelectOptionAsync("#kind", "task");
        await page.ClickAsync("#jotting");
        await page.Keyboard.TypeAsync("gamma");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("#jotted li")).ToHaveTextAsync(["gamma on task"]);
        await Expect(page.Locator("#jotting")).ToHaveValueAsync(""); // the view's value: nothing changed it, it is ""
        Assert.False(await page.IsCheckedAsync("#urgent"));
        Assert.Equal("note", await ValueAsync("#kind"));
        Assert.True(await IsFocusedAsync("#jotting"));

        // Only the answer to the submit: what is typed after it stays.
        await page.Keyboard.TypeAsync("delta");
        await SendAsync("tick");
        await Expect(page.Locator("#status")).ToHaveTextAsync("ticks 1");
        Assert.Equal("delta", await ValueAsync("#jotting"));
    }

    [Fact]
    public async Task What_is_typed_while_a_submit_is_on_its_way_stays_when_its_answer_comes()
    {
        // The submit goes, and the next line is typed before its answer can come (in the same task): the answer shows
        // the view's values in the fields the user left alone, not in this one.
        await page.ClickAsync("#jotting");
        await page.Keyboard.TypeAsync("gamma");
        await page.CheckAsync("#urgent");
        await page.EvaluateAsync("""
            document.querySelector("#jotter").requestSubmit();
            document.querySelector("#jotting").value = "the next line";
            null;
            """);

        await Expect(page.Locator("#jotted li")).ToHaveTextAsync(["gamma on note"]);
        Assert.False(await page.IsCheckedAsync("#urgent"));
        Assert.Equal("the next line", await ValueAsync("#jotting"));
    }

    [Fact]
    public async Task A_submit_sends_the_typing_its_form_still_holds_back_first()
    {
        await page.ClickAsync("#message");
        await page.Keyboard.TypeAsync("quick");
        await page.Keyboard.PressAsync("Enter"); // before the draft's debounce: it goes first, then the submit

        await Expect(page.Locator("#said li")).ToHaveTextAsync(["quick"]);
        await page.WaitForTimeoutAsync(300); // longer than the debounce: a draft held back would have come by now
        await Expect(page.Locator("#draft-echo")).ToHaveTextAsync("");
        await Expect(page.Locator("#message")).ToHaveValueAsync("");
    }

    [Fact]
    public async Task A_scrolled_list_keeps_its_position_when_items_are_added_and_when_it_is_moved_or_re_rendered()
    {
        async Task ExpectScrollAsync(string step)
        {
            var top = await page.EvaluateAsync<int>("document.querySelector('#items').scrollTop");
            Assert.True(top == 120, $"after {step}: scrollTop is {top}");
        }

        await page.EvaluateAsync("""
            () => new Promise((resolve) => {
              const list = document.querySelector('#items');
              list.addEventListener('scroll', resolve, { once: true });
              list.scrollTop = 120;
            })
            """);

        await SendAsync("more"); // five items inserted into the list
        await Expect(page.Locator("#items li")).ToHaveCountAsync(35);
        await ExpectScrollAsync("items were added");

        await SendAsync("swap"); // the list moves before the two paragraphs above it
        await Expect(page.Locator("#lists > :first-child")).ToHaveIdAsync("list-box");
        await ExpectScrollAsync("the list moved");

        await SendAsync("wrap_list"); // the list's parent is replaced: a new list with the same id
        await Expect(page.Locator("section#list-box #items")).ToHaveCountAsync(1);
        await ExpectScrollAsync("the list was replaced by a view change");

        await SendAsync("reload_list"); // a hand-written patch replaces the content of the list's parent
        await Expect(page.Locator("#items.reloaded")).ToHaveCountAsync(1);
        await ExpectScrollAsync("the list was replaced by a patch");
    }

    [Fact]
    public async Task Content_a_page_script_put_in_an_ignored_element_survives_re_renders_around_it()
    {
        await page.EvaluateAsync("""
            document.querySelector('#widget').innerHTML = '<b id="owned">owned by a script</b><input id="widget-input">'
            """);
        await page.ClickAsync("#widget-input");
        await page.Keyboard.TypeAsync("kept");

        await SendAsync("tick"); // a sibling appears before the widget, its attributes and the text after it change
        await Expect(page.Locator("#widget-status")).ToHaveTextAsync("ticks 1");
        await Expect(page.Locator("#widget")).ToHaveAttributeAsync("data-ticks", "1");
        await SendAsync("tick"); // the sibling goes again
        await Expect(page.Locator("#widget-status")).ToHaveTextAsync("ticks 2");

        await Expect(page.Locator("#widget #owned")).ToHaveTextAsync("owned by a script");
        Assert.Equal("kept", await ValueAsync("#widget-input"));
        Assert.True(await IsFocusedAsync("#widget-input"));
    }

    [Fact]
    public async Task A_hook_is_mounted_updated_by_changes_in_it_only_round_trips_an_event_and_is_destroyed()
    {
        async Task ExpectLogAsync(params string[] entries)
        {
            try
            {
                await page.WaitForFunctionAsync(
                    "(expected) => JSON.stringify(window.__hookLog) === expected", System.Text.Json.JsonSerializer.Serialize(entries));
            }
            catch (System.TimeoutException)
            {
                // Shows what the log holds instead.
            }

            Assert.Equal(entries, await page.EvaluateAsync<string[]>("window.__hookLog"));
        }

        // Mounted with the first paint, although the hook named before it (Broken) throws in mounted.
        await ExpectLogAsync("mounted hooked");
        await Expect(page.Locator("#hooked")).ToHaveAttributeAsync("data-mounted", "yes");

        // A change elsewhere does not update it.
        await SendAsync("tick");
        await Expect(page.Locator("#status")).ToHaveTextAsync("ticks 1");

        // pushEvent -> the handler's new state changes the text inside the hook (updated) and pushes "pong".
        await page.ClickAsync("#hooked");
        await ExpectLogAsync("mounted hooked", "updated pings 1", "pong 42", "window pong 42");

        await SendAsync("hide_hook");
        await ExpectLogAsync("mounted hooked", "updated pings 1", "pong 42", "window pong 42", "destroyed hooked");

        await SendAsync("show_hook");
        await ExpectLogAsync("mounted hooked", "updated pings 1", "pong 42", "window pong 42", "destroyed hooked", "mounted hooked");

        // Navigation to another page destroys it too.
        await page.ClickAsync("#to-other");
        await Expect(page.Locator("#other")).ToHaveTextAsync("the other page");
        await ExpectLogAsync("mounted hooked", "updated pings 1", "pong 42", "window pong 42", "destroyed hooked", "mounted hooked", "destroyed hooked");
    }

    [Fact]
    public async Task Hooks_defined_in_window_LiveViewHooks_before_the_client_loads_are_mounted()
    {
        var early = await context.NewPageAsync();
        await early.AddInitScriptAsync("""
            window.LiveViewHooks = { Early: { mounted() { (window.__hookLog = window.__hookLog || []).push("early " + this.el.id); } } };
            """);
        await early.GotoAsync(new Uri(lab.Address, "/view").ToString());
        await early.WaitForLiveViewAsync();
        await early.WaitForFunctionAsync("window.__hookLog && window.__hookLog.includes('mounted hooked')");
        Assert.Equal(["early early", "mounted hooked"], await early.EvaluateAsync<string[]>("window.__hookLog"));
    }

    [Fact]
    public async Task Hooks_defined_in_window_LiveViewHooks_after_the_client_loaded_are_mounted_by_the_next_frame()
    {
        await page.EvaluateAsync("""
            window.LiveViewHooks = { Early: { mounted() { (window.__hookLog = window.__hookLog || []).push("late " + this.el.id); } } };
            """);
        await SendAsync("tick");
        await Expect(page.Locator("#status")).ToHaveTextAsync("ticks 1");
        await page.WaitForFunctionAsync("(window.__hookLog || []).includes('late early')");
    }

    [Fact]
    public async Task Hooks_a_deferred_script_in_the_head_of_a_Document_layout_defines_are_mounted()
    {
        var other = await context.NewPageAsync();
        await other.GotoAsync(new Uri(lab.Address, "/view/document").ToString());
        await other.WaitForLiveViewAsync();
        await other.WaitForFunctionAsync("window.__hookLog && window.__hookLog.length > 0");
        Assert.Equal(["head early"], await other.EvaluateAsync<string[]>("window.__hookLog"));
        Assert.Equal(1, await other.Locator("head script[src='/view-head-hooks.js']").CountAsync());
    }
}
