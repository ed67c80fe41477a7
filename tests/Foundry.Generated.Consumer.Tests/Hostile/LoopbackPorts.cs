using System.Net;
using System.Net.Sockets;

namespace Foundry.Generated.Consumer.Tests.Hostile;

internal static class LoopbackPorts
{
    /// <summary>A 127.0.0.1 port nothing listens on (just freed by a listener of our own), so a connect is refused.</summary>
    public static int Closed()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
