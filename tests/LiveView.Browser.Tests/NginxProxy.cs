using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace LiveView.Browser.Tests;

/// <summary>
/// Debian's nginx on a free loopback port, configured with the server block of docs/deploy.md (so the documented
/// configuration is the tested one), in front of an app. Stopped by its PID when disposed.
/// </summary>
public sealed partial class NginxProxy : IAsyncDisposable
{
    private readonly Process process;
    private readonly string directory;

    private NginxProxy(Process process, string directory, int port)
    {
        this.process = process;
        this.directory = directory;
        Address = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri Address { get; }

    [GeneratedRegex("```nginx\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex NginxBlock();

    /// <summary>
    /// Starts nginx in front of <paramref name="upstreams"/>: one app, or the nodes of a deployment, taken in turn
    /// (round robin, no affinity) for every request and every socket.
    /// </summary>
    public static async Task<NginxProxy> StartAsync(params Uri[] upstreams)
    {
        var executable = File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";
        var block = NginxBlock().Match(await File.ReadAllTextAsync(Path.Combine(Repository.Root, "docs", "deploy.md"))).Groups[1].Value;
        var port = Repository.FreePort();
        var server = Replace(Replace(block, "listen 80;", $"listen 127.0.0.1:{port};"), "server 127.0.0.1:5000;", Servers(upstreams));

        var directory = Directory.CreateTempSubdirectory("liveview-nginx-").FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, (UnixFileMode)0x1FF); // workers may run as another user
        }
        await File.WriteAllTextAsync(Path.Combine(directory, "nginx.conf"), $$"""
            worker_processes 1;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log warn;
            events { worker_connections 256; }
            http {
                access_log off;
                client_body_temp_path {{directory}}/body;
                proxy_temp_path {{directory}}/proxy;
                fastcgi_temp_path {{directory}}/fastcgi;
                uwsgi_temp_path {{directory}}/uwsgi;
                scgi_temp_path {{directory}}/scgi;
            {{server}}
            }
            """);

        var start = new ProcessStartInfo(executable, ["-p", directory, "-c", Path.Combine(directory, "nginx.conf"), "-g", "daemon off;"])
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start.");
        var proxy = new NginxProxy(process, directory, port);
        await proxy.WaitUntilListeningAsync(port);
        return proxy;
    }

    /// <summary>The upstream's <c>server</c> lines; nginx tries the next node when one does not answer.</summary>
    private static string Servers(Uri[] upstreams) =>
        string.Join("\n    ", upstreams.Select(upstream => $"server 127.0.0.1:{upstream.Port} max_fails=1 fail_timeout=2s;"));

    private static string Replace(string text, string what, string with) =>
        text.Contains(what, StringComparison.Ordinal)
            ? text.Replace(what, with, StringComparison.Ordinal)
            : throw new InvalidOperationException($"docs/deploy.md's nginx block no longer holds '{what}'; update this test with it.");

    private async Task WaitUntilListeningAsync(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited: {await process.StandardError.ReadToEndAsync()}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException("nginx did not listen within 15 s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        Directory.Delete(directory, recursive: true);
    }
}
