using System.Diagnostics;
using System.Text;

namespace LiveView.Deployment;

/// <summary>
/// One node of a deployment: an example app built by the solution, run as a process of its own (<c>dotnet App.dll</c>)
/// on a loopback port with the settings given as environment variables, as a deployment runs it. It can be killed
/// (SIGKILL: a node lost), stopped (SIGTERM: a deploy's graceful stop) and started again on the same port.
/// </summary>
public sealed class AppNode : IAsyncDisposable
{
    private readonly string assembly;
    private readonly IReadOnlyDictionary<string, string> settings;
    private readonly string ready;
    private readonly StringBuilder output = new();
    private Process? process;

    private AppNode(string assembly, int port, IReadOnlyDictionary<string, string> settings, string ready)
    {
        this.assembly = File.Exists(assembly) ? Path.GetFullPath(assembly) : throw new FileNotFoundException($"Build the app first: {assembly} is missing.", assembly);
        this.settings = settings;
        this.ready = ready;
        Port = port;
    }

    /// <summary>The node's port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>Its address, without the proxy.</summary>
    public Uri Address => new($"http://127.0.0.1:{Port}/");

    /// <summary>What the process wrote (stdout and stderr), for a failure's message.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the app <paramref name="assembly"/> (its dll: <see cref="BuiltAssembly"/> for an example) on a free port
    /// with <paramref name="settings"/> (configuration keys, <c>ConnectionStrings:Redis</c>), and waits until
    /// <paramref name="ready"/> answers over HTTP.
    /// </summary>
    public static async Task<AppNode> StartAsync(string assembly, IReadOnlyDictionary<string, string> settings, string ready = "/")
    {
        var node = new AppNode(assembly, Repository.FreePort(), settings, ready);
        await node.StartAsync();
        return node;
    }

    /// <summary>Starts the process again (after <see cref="KillAsync"/> or <see cref="StopAsync"/>), on the same port.</summary>
    public async Task StartAsync()
    {
        if (process is { HasExited: false })
        {
            throw new InvalidOperationException("The node is running.");
        }

        var start = new ProcessStartInfo("dotnet", [assembly])
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = Address.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        process = Process.Start(start) ?? throw new InvalidOperationException($"{assembly} did not start.");
        process.OutputDataReceived += (_, line) => Append(line.Data);
        process.ErrorDataReceived += (_, line) => Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilReadyAsync();
    }

    /// <summary>Kills the process at once (SIGKILL), as a node that is lost: nothing of it runs a moment longer.</summary>
    public async Task KillAsync()
    {
        if (process is { HasExited: false } running)
        {
            // `dotnet App.dll` is one process: the signal goes at once (a tree is found by reading every process first).
            running.Kill();
            await running.WaitForExitAsync();
        }
    }

    /// <summary>Stops the process as a deploy does (SIGTERM: ASP.NET Core's graceful shutdown) and waits for its end.</summary>
    public async Task StopAsync()
    {
        if (process is { HasExited: false } running)
        {
            using (var kill = Process.Start("kill", ["-TERM", running.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await running.WaitForExitAsync(timeout.Token);
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process!.HasExited)
            {
                throw new InvalidOperationException($"{Path.GetFileName(assembly)} exited ({process.ExitCode}):\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Address, ready));
                if ((int)response.StatusCode < 500)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{Path.GetFileName(assembly)} did not answer {ready} within 60 s:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    /// <summary>
    /// The example <paramref name="example"/> (its project folder's name) as the solution's build left it, in the
    /// configuration the running program was built in.
    /// </summary>
    public static string BuiltAssembly(string example)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0/
        return Path.Combine(Repository.Root, "examples", example, "bin", configuration, "net10.0", $"{example}.dll");
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process?.Dispose();
    }
}
