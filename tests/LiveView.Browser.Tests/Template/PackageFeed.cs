using System.Globalization;

namespace LiveView.Browser.Tests.Template;

/// <summary>
/// The packages as a user gets them: <c>./build.sh pack</c> writes them to a folder feed outside the repository, with a
/// version of their own (a prerelease no earlier run used, so NuGet's cache cannot answer with another build's
/// package), and the template package is installed from that folder into a template store of the test's own.
/// </summary>
public sealed class PackageFeed : IAsyncLifetime
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "liveview-new-app-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>The prerelease suffix of the packages' version.</summary>
    public string VersionSuffix { get; } = "test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    /// <summary>The packages' version, as packed.</summary>
    public string Version { get; private set; } = "";

    /// <summary>The folder feed.</summary>
    public string Folder => Path.Combine(root, "feed");

    /// <summary>Where the apps are created: a folder whose <c>nuget.config</c> adds the feed to the machine's sources.</summary>
    public string Apps => Path.Combine(root, "apps");

    private string Hive => Path.Combine(root, "templates");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Apps);
        await Command.RunAsync(Repository.Root, "bash", ["build.sh", "pack", "--out", Folder, "--version-suffix", VersionSuffix], TimeSpan.FromMinutes(10));
        var template = Directory.GetFiles(Folder, "LiveView.Templates.*.nupkg").Single();
        Version = Path.GetFileNameWithoutExtension(template)["LiveView.Templates.".Length..];
        await Command.RunAsync(root, "dotnet", ["new", "install", template, "--debug:custom-hive", Hive], TimeSpan.FromMinutes(2));
        await File.WriteAllTextAsync(Path.Combine(Apps, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="liveview" value="{Folder}" />
              </packageSources>
            </configuration>
            """);
    }

    /// <summary>Runs <c>dotnet new liveview</c> with <paramref name="arguments"/> in <see cref="Apps"/>.</summary>
    public Task<string> NewAsync(params string[] arguments) =>
        Command.RunAsync(Apps, "dotnet", ["new", "liveview", .. arguments, "--debug:custom-hive", Hive], TimeSpan.FromMinutes(2));

    public Task DisposeAsync()
    {
        Directory.Delete(root, recursive: true);

        // This run's packages in NuGet's global cache: no later build will ask for their version again.
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var package in Version != "" && Directory.Exists(cache) ? Directory.GetDirectories(cache, "liveview.*") : [])
        {
            var version = Path.Combine(package, Version);
            if (Directory.Exists(version))
            {
                Directory.Delete(version, recursive: true);
            }

            if (!Directory.EnumerateFileSystemEntries(package).Any())
            {
                Directory.Delete(package);
            }
        }

        return Task.CompletedTask;
    }
}
