using System.Diagnostics;
using static Microsoft.Playwright.Assertions;

namespace LiveView.Browser.Tests.Template;

/// <summary>
/// <c>dotnet new liveview</c> as a new user meets it: the template installed from the folder feed, an app created
/// outside the repository that takes the LiveView packages by version from that feed, built, its own tests run, and
/// the app run and clicked in Chromium. Once in C#, once in F#.
/// </summary>
public sealed class NewAppTests(PackageFeed feed, Chromium chromium) : IClassFixture<PackageFeed>, IClassFixture<Chromium>
{
    [Theory]
    [InlineData("C#", "csproj")]
    [InlineData("F#", "fsproj")]
    public async Task A_new_app_builds_from_the_packages_passes_its_tests_and_counts_in_Chromium(string language, string project)
    {
        var name = language == "C#" ? "CounterApp" : "FsCounterApp";
        await feed.NewAsync("-lang", language, "-o", name);
        var app = Path.Combine(feed.Apps, name);

        // The packages by version, from the feed: no project of the repository.
        var file = await File.ReadAllTextAsync(Path.Combine(app, "src", name, $"{name}.{project}"));
        Assert.Contains($"""<PackageReference Include="LiveView.AspNetCore" Version="{feed.Version}" />""", file, StringComparison.Ordinal);
        Assert.DoesNotContain("ProjectReference", file, StringComparison.Ordinal);

        // The README's two commands: the tests, then the app.
        var tests = await Command.RunAsync(app, "dotnet", ["test"], TimeSpan.FromMinutes(5));
        Assert.Matches(@"Passed!\s+- Failed:\s+0, Passed:\s+3\b", tests);
        Assert.Contains($"liveview.aspnetcore/{feed.Version}", await AssetsAsync(app, name), StringComparison.OrdinalIgnoreCase);

        await using var running = await RunningApp.StartAsync(Path.Combine(app, "src", name), name);
        var context = await chromium.Browser.NewContextAsync();
        try
        {
            var page = await context.OpenLiveAsync(running.Address);
            Assert.Equal("Home", await page.TitleAsync());
            await Expect(page.Locator("#count")).ToHaveTextAsync("0");
            await page.ClickAsync("button[aria-label=Increment]");
            await page.ClickAsync("button[aria-label=Increment]");
            await page.ClickAsync("button[aria-label=Decrement]");
            await Expect(page.Locator("#count")).ToHaveTextAsync("1");
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    // What the app's restore resolved: the LiveView packages from the feed, at the feed's version.
    private static Task<string> AssetsAsync(string app, string name) =>
        File.ReadAllTextAsync(Path.Combine(app, "src", name, "obj", "project.assets.json"));

    /// <summary>The app as <c>dotnet run</c> starts it (its built DLL, from its project folder), on a free port.</summary>
    private sealed class RunningApp : IAsyncDisposable
    {
        private readonly Process process;
        private readonly CapturedOutput output;

        private RunningApp(Process process, Uri address)
        {
            this.process = process;
            output = CapturedOutput.Of(process);
            Address = address;
        }

        public Uri Address { get; }

        public static async Task<RunningApp> StartAsync(string folder, string name)
        {
            var address = new Uri($"http://127.0.0.1:{Repository.FreePort()}/");
            var start = Command.StartInfo(folder, "dotnet", [Path.Combine("bin", "Debug", "net10.0", $"{name}.dll")]);
            start.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
            var app = new RunningApp(new Process { StartInfo = start }, address);

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            for (var deadline = DateTime.UtcNow.AddMinutes(1); DateTime.UtcNow < deadline && !app.process.HasExited; await Task.Delay(200))
            {
                try
                {
                    if ((await http.GetAsync(address)).IsSuccessStatusCode)
                    {
                        return app;
                    }
                }
                catch (HttpRequestException)
                {
                    // not listening yet
                }
            }

            await app.DisposeAsync();
            throw new InvalidOperationException($"{name} did not answer at {address}:\n{app.output}");
        }

        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }
    }
}
