using Microsoft.Playwright;

namespace LiveView.Browser.Tests;

/// <summary>Tests that run scripts in the lab page (its client loaded and connected), each in a browser of its own.</summary>
public abstract class LabPageTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    /// <summary>
    /// Script functions the checks share: <c>parsed(html)</c> (a detached div holding it) and <c>canonical(node)</c>
    /// (a node written out with its attributes in name order, as the DOM does not order them, each text node on its
    /// own, so that two texts side by side differ from one, and no content for an ignored element).
    /// </summary>
    protected const string DomFunctions = """
        const parsed = (html) => { const div = document.createElement("div"); div.innerHTML = html; return div; };
        const attributes = (pairs) => pairs.map(([name, value]) => ` ${name}=${JSON.stringify(value)}`).sort().join("");
        const canonical = (node) => node.nodeType === Node.TEXT_NODE
          ? JSON.stringify(node.data)
          : `<${node.localName}${attributes([...node.attributes].map((a) => [a.name, a.value]))}>`
            + (node.hasAttribute("data-liveview-ignore") ? "" : [...node.childNodes].map(canonical).join(""))
            + `</${node.localName}>`;
        """;

    private ClientLab lab = null!;
    private IBrowserContext context = null!;

    public async Task InitializeAsync()
    {
        lab = await ClientLab.StartAsync();
        context = await chromium.Browser.NewContextAsync();
        context.SetDefaultTimeout(15_000);
    }

    public async Task DisposeAsync()
    {
        await context.CloseAsync();
        await lab.DisposeAsync();
    }

    /// <summary>Opens the lab page (or another of the lab's, at <paramref name="path"/>) and waits for its client to connect.</summary>
    protected Task<IPage> OpenLabAsync(string path = "/lab") => context.OpenLiveAsync(new Uri(lab.Address, path));
}
