using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using LiveView.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LiveView.Browser.Tests;

/// <summary>
/// The harness's idea of a page equals what Chromium shows: deterministic user journeys (<see cref="Journey.Seeded"/>)
/// are taken in the harness, then replayed step by step in Chromium (Playwright's clicks, typing and choices) against
/// the real example server, and after every step the normalised HTML of <c>#main</c>, what its fields hold and the
/// title must be the same on both sides (the first step where they differ is named, with the journey that reached it).
/// </summary>
public sealed class HarnessEqualsBrowserTests(Chromium chromium, ITestOutputHelper output)
    : ExampleTest<QuickStart.Pages.HomeState>(chromium)
{
    private static LiveTest MountQuickStart<TState>(Page<TState> page, string url) =>
        LiveTest.Mount(page, new LiveTestOptions { Url = url, Layout = QuickStart.Pages.Layout.Base });

    [Fact]
    public Task The_TODO_page_after_150_journeys() =>
        new JourneyReplay(Context, Server.Address, output).RunAsync(
            "/todo", () => MountQuickStart(QuickStart.Pages.Todo.Page, "/todo"), seeds: 150, steps: 8);

    [Fact]
    public Task The_FSharp_counter_after_50_journeys() =>
        new JourneyReplay(Context, Server.Address, output).RunAsync(
            "/counter", () => MountQuickStart(QuickStart.Counter.CounterPage.page, "/counter"), seeds: 50, steps: 8);
}

/// <summary>
/// The Website's contact form, as <see cref="HarnessEqualsBrowserTests"/>. The harness paints it in its own plain
/// layout (so the titles, which the site's layout frames, are not compared): the site's layout adds links to the other
/// pages and the language switch, which would take the journeys away from the form. Its effect (the message stored)
/// runs against the server's own database.
/// </summary>
public sealed class HarnessEqualsBrowserWebsiteTests(Chromium chromium, ITestOutputHelper output) : WebsiteTest(chromium)
{
    [Fact]
    public Task The_contact_form_after_100_journeys() =>
        new JourneyReplay(Context, Server.Address, output).RunAsync(
            "/contact",
            () => LiveTest.Mount(
                Website.Pages.ContactPage.Page,
                new LiveTestOptions { Url = "/contact", Culture = new CultureInfo("en"), Services = Server.Services }),
            seeds: 100,
            steps: 8,
            titles: false);
}

/// <summary>Takes journeys in the harness and in Chromium, and compares <c>#main</c> after every step.</summary>
internal sealed class JourneyReplay(IBrowserContext context, Uri address, ITestOutputHelper output)
{
    /// <summary>
    /// Counts, in the page, the actions sent (the socket's mount aside: it is answered only when the view differs,
    /// by a push) and the answers applied (an answer's last frame: not one that says its effects still run), and
    /// gives <c>#main</c>'s HTML, the title and what the fields in <c>#main</c> hold (their values and boxes are not
    /// in the HTML) once the client is connected and every action sent has been answered. (An answer the server splits
    /// into several frames would count once per frame: the pages compared here answer each action in one.)
    /// </summary>
    internal const string Counting = """
        (() => {
          const counts = { sent: 0, answered: 0 };
          const send = WebSocket.prototype.send;
          WebSocket.prototype.send = function (data) {
            try {
              const action = JSON.parse(data).action;
              if (typeof action === "string" && !action.endsWith("->mount")) counts.sent++;
            } catch {}
            return send.call(this, data);
          };
          const answered = (event) => {
            if (event.detail && event.detail.action && event.detail.loading !== true) counts.answered++;
          };
          document.addEventListener("liveview:patch", answered);
          document.addEventListener("liveview:error", answered);
          // A document that is being left (a plain link's full load) never settles: the new one does.
          let leaving = false;
          window.addEventListener("beforeunload", () => { leaving = true; });
          window.__settled = () => new Promise((resolve) => {
            const events = ["liveview:patch", "liveview:error", "liveview:connected"];
            const check = () => {
              // A link's full load may run this as the new document starts, before it has an <html> element.
              const root = document.documentElement;
              if (leaving || !root || root.dataset.liveview !== "connected" || counts.answered < counts.sent) return;
              events.forEach((name) => document.removeEventListener(name, check));
              const fields = Array.from(document.querySelectorAll("#main input, #main select, #main textarea"), (field) =>
                `${field.id || field.name}: ${/^(checkbox|radio)$/.test(field.type) ? field.checked : `"${field.value}"`}`);
              resolve([document.querySelector("#main").innerHTML, document.title, fields.join("\n")]);
            };
            events.forEach((name) => document.addEventListener(name, check));
            check();
          });
        })();
        """;

    private static readonly HtmlParser Parser = new();

    /// <summary>
    /// The HTML inside a <c>main</c> element, parsed and written again by AngleSharp with each element's attributes in
    /// name order: Chromium's serialisation and the harness's come out the same unless the trees differ.
    /// </summary>
    public static string Normalise(string html)
    {
        var document = Parser.ParseDocument("");
        var container = document.CreateElement("main");
        container.InnerHtml = html;
        foreach (var element in container.QuerySelectorAll("*"))
        {
            var attributes = element.Attributes
                .Select(attribute => (attribute.Name, attribute.Value))
                .OrderBy(attribute => attribute.Name, StringComparer.Ordinal)
                .ToList();
            foreach (var (name, _) in attributes)
            {
                element.RemoveAttribute(name);
            }

            foreach (var (name, value) in attributes)
            {
                element.SetAttribute(name, value);
            }
        }

        return container.InnerHtml;
    }

    /// <summary>
    /// Takes the journeys of seeds 1 to <paramref name="seeds"/> of <paramref name="steps"/> steps each, in the harness
    /// (<paramref name="mount"/>) and in Chromium (<paramref name="path"/> of the server), and fails at the first step
    /// after which <c>#main</c>, its fields or (with <paramref name="titles"/>: the harness has the app's layout) the
    /// title differ (the failing journey of the lowest seed, when several fail). A few tabs of the one browser context
    /// take journeys side by side.
    /// </summary>
    public async Task RunAsync(string path, Func<LiveTest> mount, int seeds, int steps, bool titles = true)
    {
        var clock = Stopwatch.StartNew();
        await context.AddInitScriptAsync(Counting);
        var url = new Uri(address, path).ToString();
        var seedsLeft = new ConcurrentQueue<int>(Enumerable.Range(1, seeds));
        var failures = new ConcurrentDictionary<int, string>();
        var compared = 0;

        async Task WorkAsync()
        {
            var page = await context.NewPageAsync();
            while (failures.IsEmpty && seedsLeft.TryDequeue(out var seed))
            {
                var (pages, failure) = await CompareAsync(page, url, mount, seed, steps, titles);
                Interlocked.Add(ref compared, pages);
                if (failure is not null)
                {
                    failures[seed] = failure;
                }
            }

            await page.CloseAsync();
        }

        await Task.WhenAll(Enumerable.Range(0, Tabs).Select(_ => WorkAsync()));
        if (!failures.IsEmpty)
        {
            Assert.Fail(failures[failures.Keys.Min()]);
        }

        output.WriteLine($"{seeds} journeys of {steps} steps on {path}: {compared} pages compared (first paints included), in {clock.Elapsed}");
    }

    /// <summary>
    /// What <c>window.__settled()</c> gives (<see cref="Counting"/>) within 15 seconds: asked again in the next document
    /// when a full load replaces the one it was asked in.
    /// </summary>
    internal static async Task<string[]> SettledAsync(IPage page)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            try
            {
                return await page.EvaluateAsync<string[]>("window.__settled()").WaitAsync(TimeSpan.FromTicks(Math.Max(0, (deadline - DateTime.UtcNow).Ticks)));
            }
            catch (PlaywrightException ex) when (ex.Message.Contains("context was destroyed") && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>How many tabs take journeys at once.</summary>
    private const int Tabs = 3;

    /// <summary>The journey of <paramref name="seed"/>: the pages compared, and what differed first (null: nothing).</summary>
    private static async Task<(int Compared, string? Failure)> CompareAsync(
        IPage page, string url, Func<LiveTest> mount, int seed, int steps, bool titles)
    {
        var journey = Journey.Seeded(seed, steps);
        var ran = journey.Run(mount());
        var taken = journey.Steps;

        // The harness again, step by step, for its page after each one: the journey is deterministic, so it ends on
        // the page the run ended on.
        var expected = new List<(string Html, string Title, string Fields)>();
        var test = mount();
        expected.Add((Normalise(test.Html), test.Title, FieldsOf(test)));
        for (var index = 1; index <= taken.Count; index++)
        {
            try
            {
                UserSteps.take(test, taken[index - 1]);
            }
            catch (LiveTestException ex)
            {
                return (0, $"{Describe(seed, steps, taken, index)}\nthe harness could not take it again: {ex.Message}");
            }

            expected.Add((Normalise(test.Html), test.Title, FieldsOf(test)));
        }

        if (expected[^1].Html != Normalise(ran.Html))
        {
            return (0, $"{Describe(seed, steps, taken, taken.Count)}\nthe harness ended on another page when it took the steps again");
        }

        await page.GotoAsync(url);
        for (var index = 0; index <= taken.Count; index++)
        {
            if (index > 0)
            {
                try
                {
                    await TakeAsync(page, taken[index - 1]);
                }
                catch (PlaywrightException ex)
                {
                    return (index, $"{Describe(seed, steps, taken, index)}\nChromium could not take it: {ex.Message}");
                }
            }

            string[] shown;
            try
            {
                shown = await SettledAsync(page);
            }
            catch (Exception ex) when (ex is System.TimeoutException or PlaywrightException)
            {
                return (index, $"{Describe(seed, steps, taken, index)}\nChromium did not settle (connected, every action answered): {ex.Message}");
            }

            var (html, title, fields) = (Normalise(shown[0]), shown[1], shown[2]);
            if (html != expected[index].Html)
            {
                return (index, $"{Describe(seed, steps, taken, index)}\n#main differs at {Difference(expected[index].Html, html)}\n" +
                    $"harness:  {expected[index].Html}\nchromium: {html}");
            }

            if (fields != expected[index].Fields)
            {
                return (index, $"{Describe(seed, steps, taken, index)}\nthe fields hold other values:\nharness:\n{expected[index].Fields}\nchromium:\n{fields}");
            }

            if (titles && title != expected[index].Title)
            {
                return (index, $"{Describe(seed, steps, taken, index)}\nthe title differs: harness \"{expected[index].Title}\", chromium \"{title}\"");
            }
        }

        return (taken.Count + 1, null);
    }

    /// <summary>What the fields in the harness's <c>#main</c> hold, written as the page's script writes Chromium's.</summary>
    internal static string FieldsOf(LiveTest test) =>
        string.Join("\n", test.All("#main input, #main select, #main textarea").Select(field =>
        {
            var name = field.Id is { Length: > 0 } id ? id : field.GetAttribute("name");
            var holds = field switch
            {
                IHtmlInputElement { Type: "checkbox" or "radio" } box => box.IsChecked ? "true" : "false",
                IHtmlInputElement input => $"\"{input.Value}\"",
                IHtmlSelectElement select => $"\"{select.Value}\"",
                IHtmlTextAreaElement area => $"\"{area.Value}\"",
                _ => "",
            };
            return $"{name}: {holds}";
        }));

    /// <summary>
    /// Takes <paramref name="step"/> in Chromium as a person would (as <c>UserSteps.take</c> takes it in the harness):
    /// <c>focus</c> on an element that is not focused moves the focus there, <c>blur</c> on the focused element moves
    /// it to the body; other events are dispatched.
    /// </summary>
    internal static async Task TakeAsync(IPage page, UserStep step)
    {
        var value = step.Value ?? "";
        switch (step.Kind)
        {
            case UserStepKind.Click:
                await page.ClickAsync(step.Selector);
                break;
            case UserStepKind.Fill:
                await page.FillAsync(step.Selector, value);
                break;
            case UserStepKind.Choose:
                // A person opens the select first (focus moves to it), then picks the option.
                await page.FocusAsync(step.Selector);
                await page.SelectOptionAsync(step.Selector, value);
                break;
            case UserStepKind.Submit:
                await page.EvalOnSelectorAsync(step.Selector, "e => (e.tagName === 'FORM' ? e : e.closest('form')).requestSubmit()");
                break;
            case UserStepKind.Press:
                await page.PressAsync(step.Selector, value == " " ? "Space" : value);
                break;
            case UserStepKind.Trigger:
                var moved = await page.EvalOnSelectorAsync<bool>(step.Selector, """
                    (element, type) => {
                      if (type === "blur" && document.activeElement === element) {
                        element.blur();
                        return true;
                      }
                      if (type === "focus" && document.activeElement !== element) {
                        element.focus();
                        return document.activeElement === element;
                      }
                      return false;
                    }
                    """, value);
                if (!moved)
                {
                    await page.DispatchEventAsync(step.Selector, value);
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(step), step.Kind, "a step of an unknown kind");
        }
    }

    /// <summary>The journey, its steps, and the one after which the pages are compared (0: the first paint).</summary>
    private static string Describe(int seed, int steps, IReadOnlyList<UserStep> taken, int index)
    {
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"Journey.Seeded({seed}, {steps}), "));
        text.Append(index == 0 ? "on the first paint" : $"after step {index} ({taken[index - 1]})");
        text.Append(":\n");
        for (var i = 0; i < taken.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {i + 1}. {taken[i]}{(i + 1 == index ? "   <- here" : "")}\n");
        }

        return text.ToString();
    }

    /// <summary>Where two texts first differ, with some of each around it.</summary>
    internal static string Difference(string expected, string actual)
    {
        var at = 0;
        while (at < expected.Length && at < actual.Length && expected[at] == actual[at])
        {
            at++;
        }

        string Around(string text) => text.Substring(Math.Max(0, at - 60), Math.Min(text.Length, at + 60) - Math.Max(0, at - 60));
        return $"character {at}:\n  harness:  …{Around(expected)}…\n  chromium: …{Around(actual)}…";
    }
}
