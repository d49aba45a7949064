using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LiveView.Deployment;

/// <summary>
/// A real Redis: Debian's <c>redis-server</c> on a free loopback port, without persistence, stopped by its process id.
/// It can be killed and started again on the same port, as an outage and its end.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private static readonly string Executable = Environment.GetEnvironmentVariable("LIVEVIEW_REDIS_SERVER") ?? "/usr/bin/redis-server";

    private Process? process;

    private RedisServer(int port) => Port = port;

    public int Port { get; }

    /// <summary>The server's process id while it runs (for its CPU time), or null.</summary>
    public int? ProcessId => process is { HasExited: false } running ? running.Id : null;

    /// <summary>The StackExchange.Redis connection string.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        var server = new RedisServer(Repository.FreePort());
        await server.RunAsync();
        return server;
    }

    /// <summary>Starts the server (again) on its port, and waits until it answers.</summary>
    public async Task RunAsync()
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException(
                $"{Executable} is missing: install Debian's redis-server (apt-get install -y redis-server, as ./build.sh test does) "
                + "or point LIVEVIEW_REDIS_SERVER at one.");
        }

        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", $"{Port}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--loglevel", "warning" })
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await AnswersAsync())
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"redis-server did not answer on port {Port}.");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Kills the server (SIGKILL): its connections drop, what it held is gone.</summary>
    public void Kill()
    {
        if (process is { HasExited: false } running)
        {
            running.Kill();
            running.WaitForExit();
        }

        process?.Dispose();
        process = null;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        return ValueTask.CompletedTask;
    }

    private async Task<bool> AnswersAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
