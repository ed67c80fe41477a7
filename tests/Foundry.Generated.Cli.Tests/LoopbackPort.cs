using System.Net;
using System.Net.Sockets;

namespace Foundry.Generated.Cli.Tests;

/// <summary>Ports on 127.0.0.1 for tests that need nothing to be listening there.</summary>
internal static class LoopbackPort
{
    /// <summary>A port that was just free: bound, then released, so nothing listens there.</summary>
    public static int Closed()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
