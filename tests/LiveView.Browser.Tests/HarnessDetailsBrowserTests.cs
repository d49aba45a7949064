using System.Collections.Immutable;
using LiveView.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LiveView.Browser.Tests;

/// <summary>
/// The harness does what Chromium does around the events a person causes: a click on a label passes to its field,
/// Enter in a field sends its change before the submit it causes (through the form's submit button, if it has one),
/// a blur or a focus moves the focus (the field left sends its change), <c>maxlength</c> cuts what is typed, a link
/// with <c>target="_blank"</c> opens a tab while the page stays, and what <c>data-debounce</c> (or <c>data-throttle</c>)
/// holds back goes at the end of its step (when Chromium is given a pause that long). Each test takes the same steps on the same page
/// in the harness and in Chromium, and after every step compares <c>#main</c> (the page notes every action it is
/// sent, in order, in <c>#log</c>), what its fields hold, the URL and the tabs opened.
/// </summary>
public sealed class HarnessDetailsBrowserTests(Chromium chromium, ITestOutputHelper output) : IClassFixture<Chromium>, IAsyncLifetime
{
    private const string Path = "/details";

    /// <summary>The events the page's elements bind, each to a handler of that name that notes it.</summary>
    private static readonly string[] Events = ["click", "input", "change", "focus", "blur", "submit", "keydown", "keyup"];

    /// <summary>A page that notes every action it is sent as the event and the element's <c>data-what</c>.</summary>
    private static readonly Page<ImmutableList<string>> Details = Events.Aggregate(
        LivePage.Create("details", initial: ImmutableList<string>.Empty, view: View).WithTitle("Details"),
        (page, name) => page.On(name, (log, ctx) => log.Add($"{name} {ctx.Data("what")}")));

    private WebApplication app = null!;
    private Uri address = null!;
    private IBrowserContext context = null!;

    private static XmlNode Noting(XmlNode node, string what, params string[] events) =>
        node.Data("what", what).Action(string.Join(" ", events.Select(name => $"{name}->details#{name}")));

    private static XmlNode Box(string id, string type = "checkbox", string? name = null) =>
        Noting(H.Input().Type(type).Id(id).Name(name ?? id), id, "click", "input", "change");

    private static XmlNode Field(string id) =>
        Noting(H.Input().Id(id).Name(id), id, "click", "change", "focus", "blur", "keydown", "keyup");

    private static XmlNode View(ImmutableList<string> log) =>
        H.Div(
            // Labels.
            Noting(H.Label("Box").Id("for-box").Attr("for", "box"), "for-box", "click"),
            Box("box"),
            Noting(
                H.Label(
                    H.Span("Inner ").Id("around-text"),
                    Box("inner"),
                    Noting(H.Button("b").Id("inside").Type("button"), "inside", "click")).Id("around"),
                "around",
                "click"),
            Noting(H.Label("Name").Id("for-name").Attr("for", "name"), "for-name", "click"),
            Field("name"),
            H.Label("Held").Id("held").Attr("for", "box").Data("what", "held").Action("click->details#click:prevent"),
            H.Input().Type("checkbox").Id("stuck").Data("what", "stuck").Action("click->details#click:prevent"),
            Box("r1", "radio", "r"),
            Box("r2", "radio", "r"),
            // Enter in forms: one text field; two (no implicit submit); a submit button; a disabled one.
            Noting(H.Form(Field("solo"), H.Input().Type("checkbox").Id("tick")).Id("one"), "one", "submit"),
            Noting(H.Form(Field("first"), Field("second")).Id("two"), "two", "submit"),
            Noting(
                H.Form(
                    Field("third"),
                    Field("third-too"),
                    H.Input().Type("checkbox").Id("third-box"),
                    Noting(H.Button("Go").Id("go"), "go", "click")).Id("three"),
                "three",
                "submit"),
            Noting(H.Form(Field("fourth"), H.Button("Go").Id("stop").Flag("disabled")).Id("four"), "four", "submit"),
            Field("loose"),
            // Typed values.
            Field("short").Attr("maxlength", "5"),
            H.Input().Id("mail").Type("email").Attr("maxlength", "5"),
            H.Input().Id("site").Type("url"),
            H.Input().Id("count").Type("number").Attr("maxlength", "1"),
            H.Textarea("").Id("note").Attr("maxlength", "4"),
            // Held back: in a form, for 100 ms; outside, for 50 ms.
            Noting(
                H.Form(Noting(H.Input().Id("slow").Name("slow"), "slow", "input", "change", "keydown", "keyup").Data("debounce", "100")).Id("five"),
                "five",
                "submit"),
            Noting(H.Input().Id("lazy").Name("lazy"), "lazy", "input", "change").Data("debounce", "50"),
            // At most one event per 100 ms.
            Noting(H.Input().Id("quick").Name("quick"), "quick", "focus", "input", "change", "keydown", "keyup").Data("throttle", "300"),
            // Links.
            H.A("New tab").Id("tab").Href($"{Path}/elsewhere").Attr("target", "_blank"),
            H.A("Here").Id("here").Href($"{Path}?again").Attr("target", "_self"),
            H.Ol([.. log.Select(line => H.Li(line))]).Id("log"));

    public async Task InitializeAsync()
    {
        (app, address) = await LabServer.StartAsync(
            services => services.AddLiveView().AddPage(Details),
            app =>
            {
                app.MapLivePage(Path, Details, QuickStart.Pages.Layout.Base);
                app.MapGet($"{Path}/elsewhere", () => Results.Content("<!DOCTYPE html><title>Elsewhere</title><p>elsewhere</p>", "text/html"));
            });
        context = await chromium.Browser.NewContextAsync();
        context.SetDefaultTimeout(15_000);
        await context.AddInitScriptAsync(JourneyReplay.Counting);
    }

    public async Task DisposeAsync()
    {
        await context.CloseAsync();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static UserStep Click(string selector) => new(UserStepKind.Click, selector, null);

    private static UserStep Fill(string selector, string text) => new(UserStepKind.Fill, selector, text);

    private static UserStep Press(string selector, string key) => new(UserStepKind.Press, selector, key);

    private static UserStep Trigger(string selector, string eventType) => new(UserStepKind.Trigger, selector, eventType);

    [Fact]
    public Task A_click_on_a_label_passes_to_its_field() =>
        CompareAsync(
            Click("#for-box"), // the label's click, then the box's (focused, checked)
            Click("#around-text"), // inside a label around a box: the box's click bubbles through the label again
            Click("#inner"), // on the box inside the label: once
            Click("#inside"), // a button inside the label: its own click, not passed on
            Fill("#short", "typed"),
            Click("#for-name"), // the field typed in is left as the mouse goes down; the text field gets a click too
            Fill("#name", "ada"), // focused by the label: no focus again
            Click("#held"), // the label's click is prevented: nothing passed on
            Click("#stuck"), // a box whose click is prevented changes back, without input or change
            Click("#r1"),
            Click("#r1"), // a radio button already checked: a click, no change
            Press("#r2", " ")); // Space checks a focused radio button

    [Fact]
    public Task Enter_in_a_field_sends_its_change_before_the_submit() =>
        CompareAsync(
            Fill("#solo", "x"),
            Press("#solo", "Enter"), // keydown, change, submit, keyup
            Press("#solo", "Enter"), // nothing changed: keydown, submit, keyup
            Fill("#first", "x"),
            Press("#first", "Enter"), // two text fields and no submit button: the change only
            Fill("#third", "x"),
            Press("#third", "Enter"), // a submit button: clicked, and its click submits
            Press("#third-box", "Enter"), // Enter on a box: the form's submit button too
            Press("#fourth", "Enter"), // a disabled submit button: nothing submitted
            Fill("#loose", "x"),
            Press("#loose", "Enter"), // in no form: the change
            Press("#box", " ")); // Space checks a focused box

    [Fact]
    public Task A_blur_or_a_focus_moves_the_focus_and_the_field_left_sends_its_change() =>
        CompareAsync(
            Fill("#name", "x"),
            Trigger("#name", "blur"), // change, then blur; the body has the focus
            Fill("#short", "y"),
            Trigger("#name", "focus"), // short's change and blur, then name's focus
            Press("#name", "ArrowLeft"),
            Trigger("#solo", "focus"),
            Trigger("#solo", "blur")); // nothing typed: the blur only

    [Fact]
    public Task Typed_values_are_cut_to_maxlength_and_line_breaks_become_spaces() =>
        CompareAsync(
            Fill("#short", "abcdefgh"),
            Fill("#mail", "  ada@example.com"),
            Fill("#note", "a\r\nbcdef"),
            Fill("#short", "ab😀"),
            Fill("#short", "abcd😀"), // not half a character
            Fill("#count", "12345"), // no maxlength on a number field
            Fill("#name", " two\nlines\n"),
            Fill("#site", " http://x "),
            Fill("#short", "e\u0301tude")); // a combining accent counts on its own

    [Fact]
    public Task A_link_with_target_blank_opens_a_tab_and_the_page_stays() =>
        CompareAsync(
            Click("#tab"),
            Press("#tab", "Enter"),
            Click("#here")); // target _self: followed in place

    [Fact]
    public Task Events_held_back_by_data_debounce_go_at_the_end_of_their_step() =>
        CompareAsync(
            TimeSpan.FromMilliseconds(400), // the pause after each step in Chromium, longer than any data-debounce
            Press("#slow", "ArrowLeft"), // the keyup takes the place of the keydown
            Fill("#slow", "x"),
            Press("#slow", "Enter"), // the change takes the keydown's place, and goes before the submit
            Fill("#slow", "z"),
            Fill("#lazy", "y")); // slow's change waits 100 ms, lazy's input 50: lazy's goes first

    [Fact]
    public Task Events_of_data_throttle_go_first_at_once_and_last_at_the_end_of_the_interval() =>
        CompareAsync(
            TimeSpan.FromMilliseconds(900), // the pause after each step in Chromium, longer than the interval (300 ms: a press on a loaded machine fits in it)
            Press("#quick", "ArrowLeft"), // the focus at once, the keyup at the interval's end (the keydown dropped)
            Fill("#quick", "xy"), // the interval ended: at once
            Press("#quick", "ArrowLeft")); // the keydown at once, the keyup at the interval's end

    private Task CompareAsync(params UserStep[] steps) => CompareAsync(TimeSpan.Zero, steps);

    /// <summary>What a page shows after a step: <c>#main</c> (normalised), its fields, the URL and the tabs opened.</summary>
    private sealed record Shown(string Html, string Fields, string Url, string Tabs);

    /// <summary>
    /// Takes <paramref name="steps"/> in the harness, then in Chromium (waiting <paramref name="pause"/> after each
    /// one), and fails at the first step after which the two pages differ.
    /// </summary>
    private async Task CompareAsync(TimeSpan pause, params UserStep[] steps)
    {
        var test = LiveTest.Mount(Details, new LiveTestOptions { Url = Path, Layout = QuickStart.Pages.Layout.Base });
        Shown Harness() => new(
            JourneyReplay.Normalise(test.Html), JourneyReplay.FieldsOf(test), test.Url, string.Join(" ", test.OpenedTabs));
        var expected = new List<Shown> { Harness() };
        foreach (var step in steps)
        {
            UserSteps.take(test, step);
            expected.Add(Harness());
        }

        output.WriteLine($"The actions sent, in order: {string.Join("; ", test.All("#log li").Select(line => line.TextContent))}");

        var tabs = new List<IPage>();
        var page = await context.NewPageAsync();
        context.Page += (_, opened) => tabs.Add(opened);
        await page.GotoAsync(new Uri(address, Path).ToString());
        for (var index = 0; index <= steps.Length; index++)
        {
            if (index > 0)
            {
                await JourneyReplay.TakeAsync(page, steps[index - 1]);
                await Task.Delay(pause);
            }

            var want = expected[index];
            await page.WaitForURLAsync(url => new Uri(url).PathAndQuery == want.Url);
            var shown = await JourneyReplay.SettledAsync(page);
            // A tab opens a little after the click that opens it.
            var tabsWanted = want.Tabs.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            for (var wait = 0; wait < 100 && tabs.Count < tabsWanted; wait++)
            {
                await Task.Delay(50);
            }

            var opened = new List<string>();
            foreach (var tab in tabs.ToList())
            {
                await tab.WaitForURLAsync(url => url != "about:blank");
                opened.Add(new Uri(tab.Url).PathAndQuery);
            }

            var actual = new Shown(JourneyReplay.Normalise(shown[0]), shown[2], new Uri(page.Url).PathAndQuery, string.Join(" ", opened));
            var where = index == 0 ? "on the first paint" : $"after step {index} ({steps[index - 1]})";
            Assert.True(want.Html == actual.Html, $"{where}: #main differs at {JourneyReplay.Difference(want.Html, actual.Html)}");
            Assert.True(want.Fields == actual.Fields, $"{where}: the fields hold\nharness:\n{want.Fields}\nchromium:\n{actual.Fields}");
            Assert.True(want.Url == actual.Url, $"{where}: the URL is {want.Url} in the harness, {actual.Url} in Chromium");
            Assert.True(want.Tabs == actual.Tabs, $"{where}: the tabs opened are \"{want.Tabs}\" in the harness, \"{actual.Tabs}\" in Chromium");
        }
    }
}
