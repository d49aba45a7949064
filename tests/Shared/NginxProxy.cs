using System.Diagnostics;
using System.Text.RegularExpressions;

namespace LiveView.Deployment;

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

    /// <summary>What nginx logged (warnings and errors: an upstream refused, none left to try), for a failure's message.</summary>
    public string ErrorLog
    {
        get
        {
            var log = Path.Combine(directory, "error.log");
            return File.Exists(log) ? File.ReadAllText(log) : "";
        }
    }

    [GeneratedRegex("```nginx\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex NginxBlock();

    /// <summary>
    /// Starts nginx in front of <paramref name="upstreams"/> with the configuration the docs give: one app
    /// (docs/deploy.md), or the nodes of a deployment taken in turn, round robin and no affinity (docs/scaling.md).
    /// </summary>
    public static async Task<NginxProxy> StartAsync(params Uri[] upstreams)
    {
        var executable = File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";
        var doc = upstreams.Length == 1 ? "deploy.md" : "scaling.md";
        var block = NginxBlock().Match(await File.ReadAllTextAsync(Path.Combine(Repository.Root, "docs", doc))).Groups[1].Value;
        var port = Repository.FreePort();
        var server = Replace(block, "listen 80;", $"listen 127.0.0.1:{port};");
        if (upstreams.Length == 1)
        {
            server = Replace(server, "server 127.0.0.1:5000;", $"server 127.0.0.1:{upstreams[0].Port};");
        }
        else
        {
            for (var i = 0; i < upstreams.Length; i++)
            {
                server = Replace(server, $"server 127.0.0.1:{5001 + i};", $"server 127.0.0.1:{upstreams[i].Port};");
            }
        }

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
        await Repository.WaitUntilListeningAsync(proxy.process, "nginx", port, TimeSpan.FromSeconds(15), async () => $"nginx exited: {await proxy.process.StandardError.ReadToEndAsync()}");
        return proxy;
    }

    private static string Replace(string text, string what, string with) =>
        text.Contains(what, StringComparison.Ordinal)
            ? text.Replace(what, with, StringComparison.Ordinal)
            : throw new InvalidOperationException($"The docs' nginx block no longer holds '{what}'; update this test with it.");

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
