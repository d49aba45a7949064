using System.Diagnostics;
using LiveView.Deployment;

namespace LiveView.Bench.Servers;

/// <summary>Where the benchmark finds the four servers and the Chat example, and the environment to run the servers in.</summary>
/// <param name="Echo">EchoServer.dll</param>
/// <param name="LiveView">LiveView.BenchServer.dll</param>
/// <param name="Blazor">BlazorPeer.dll</param>
/// <param name="SignalR">SignalRPeer.dll</param>
/// <param name="Chat">Chat.dll, deployed on two nodes for the resume after a node is lost (always run in Production).</param>
/// <param name="Environment">ASPNETCORE_ENVIRONMENT: Production for published servers, Development for build outputs.</param>
public sealed record ServerBinaries(string Echo, string LiveView, string Blazor, string SignalR, string Chat, string Environment)
{
    /// <summary>The published servers under <paramref name="root"/> (<c>./build.sh bench</c> publishes them there).</summary>
    public static ServerBinaries Published(string root) => new(
        Path.Combine(root, "EchoServer", "EchoServer.dll"),
        Path.Combine(root, "LiveView.BenchServer", "LiveView.BenchServer.dll"),
        Path.Combine(root, "BlazorPeer", "BlazorPeer.dll"),
        Path.Combine(root, "SignalRPeer", "SignalRPeer.dll"),
        Path.Combine(root, "Chat", "Chat.dll"),
        "Production");
}

/// <summary>A server's memory after a full GC: resident set, its anonymous part (see <see cref="ProcStats"/>), managed heap.</summary>
public readonly record struct MemoryReading(long Rss, long Anonymous, long ManagedHeap);

/// <summary>A server under benchmark, started as its own process so that its CPU and memory can be read alone.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process process;

    private ServerProcess(Process process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    public Uri Http => new($"http://127.0.0.1:{Port}/");

    public Uri WebSocket(string path) => new($"ws://127.0.0.1:{Port}{path}");

    public ProcStats Stats() => ProcStats.Read(process.Id);

    public TcpCounters Tcp() => TcpCounters.Read(Port);

    /// <summary>The server's process id.</summary>
    public int Id => process.Id;

    /// <summary>True once the server's process has ended (crashed, or was stopped).</summary>
    public bool HasExited => process.HasExited;

    /// <summary>Starts <c>dotnet dll</c> on a free loopback port and waits until it accepts connections.</summary>
    public static Task<ServerProcess> StartAsync(string dll, string environment, params string[] arguments) =>
        StartAsync(dll, environment, arguments, new Dictionary<string, string>(), output: null);

    /// <summary>
    /// Starts <c>dotnet dll</c> on a free loopback port with extra environment <paramref name="variables"/> and waits
    /// until it accepts connections. <paramref name="output"/>, when given, sees every line the server writes to its
    /// standard output and error (its log); otherwise the output is dropped and the errors go to this console.
    /// </summary>
    public static async Task<ServerProcess> StartAsync(
        string dll, string environment, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> variables, Action<string>? output)
    {
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"The server {dll} is not built; run ./build.sh bench, which publishes it.", dll);
        }

        var port = Repository.FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(dll))!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.GetFullPath(dll));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["DOTNET_TieredPGO"] = "1";
        foreach (var (name, value) in variables)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {dll}.");
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                output?.Invoke(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            if (output is null)
            {
                Console.Error.WriteLine($"[{Path.GetFileNameWithoutExtension(dll)}] {e.Data}");
            }
            else
            {
                output(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new ServerProcess(process, port);
        await Repository.WaitUntilListeningAsync(server.process, dll, server.Port, TimeSpan.FromSeconds(60), () => Task.FromResult($"{dll} exited with code {server.process.ExitCode} while starting."));
        return server;
    }

    /// <summary>Asks the server for a full, compacting GC, lets the memory settle, and returns the managed heap size.</summary>
    public async Task<long> CollectGarbageAsync()
    {
        using var http = new HttpClient { BaseAddress = Http };
        var heap = 0L;
        for (var i = 0; i < 2; i++)
        {
            using var response = await http.PostAsync(BenchEndpoints.GcPath, null);
            response.EnsureSuccessStatusCode();
            heap = long.Parse(await response.Content.ReadAsStringAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        await Task.Delay(500);
        return heap;
    }

    /// <summary>Full GC, then the server's RSS, anonymous RSS and managed heap.</summary>
    public async Task<MemoryReading> ReadMemoryAsync()
    {
        var heap = await CollectGarbageAsync();
        var stats = Stats();
        return new MemoryReading(stats.RssBytes, stats.AnonymousBytes, heap);
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
