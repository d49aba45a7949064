using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LiveView.Deployment;

/// <summary>Where the tests run: the repository they are built from, and free loopback ports.</summary>
public static class Repository
{
    /// <summary>The repository's root: the folder above the test's own that holds LiveView.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A loopback port nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Returns once <paramref name="process"/>, just started as <paramref name="name"/>, accepts TCP connections on the
    /// loopback <paramref name="port"/>. Throws with what <paramref name="exited"/> says if the process exits first, or
    /// after <paramref name="within"/>.
    /// </summary>
    public static async Task WaitUntilListeningAsync(Process process, string name, int port, TimeSpan within, Func<Task<string>> exited)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(await exited());
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

        throw new TimeoutException($"{name} did not listen on port {port} within {within.TotalSeconds:0} s.");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LiveView.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (LiveView.sln) was not found above the test's folder.");
    }
}
