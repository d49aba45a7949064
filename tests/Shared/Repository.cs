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
