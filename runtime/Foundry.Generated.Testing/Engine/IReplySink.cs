using System;
using System.Threading;
using System.Threading.Tasks;

namespace Foundry.Generated.Testing;

/// <summary>Where the engine writes a reply: the in-memory handler's response, or Kestrel's.</summary>
internal interface IReplySink
{
    int StatusCode { get; set; }

    bool HasStarted { get; }

    /// <summary>A response header (Content-Type included); only before the response starts.</summary>
    void SetHeader(string name, string value);

    /// <summary>Sends the status and headers.</summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Writes and flushes, so the client sees every piece as it is written (starting the response first).</summary>
    Task WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken);

    /// <summary>Ends the response as a connection reset would: the client's read fails.</summary>
    void Abort();
}
