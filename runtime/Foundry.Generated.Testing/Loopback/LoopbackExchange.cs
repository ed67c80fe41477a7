using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Foundry.Generated.Testing;

/// <summary>
/// One loopback response: the status line and headers when it starts, then the body in HTTP/1.1 chunks, each write
/// one chunk sent at once (an event arrives when it is written). <see cref="Abort"/> resets the TCP connection; a
/// client that is gone cancels the reply as on a real server.
/// </summary>
internal sealed class LoopbackExchange : IReplySink
{
    private readonly Stream _stream;
    private readonly Socket _socket;
    private readonly CancellationTokenSource _aborted;
    private readonly List<KeyValuePair<string, string>> _headers = new();

    public LoopbackExchange(Stream stream, Socket socket, CancellationTokenSource aborted)
    {
        _stream = stream;
        _socket = socket;
        _aborted = aborted;
    }

    public int StatusCode { get; set; } = 200;

    public bool HasStarted { get; private set; }

    public bool IsAborted { get; private set; }

    public void SetHeader(string name, string value)
    {
        if (HasStarted)
        {
            throw new InvalidOperationException("Headers cannot change after the response started.");
        }

        _headers.RemoveAll(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase));
        _headers.Add(new(name, value));
    }

    public Task StartAsync(CancellationToken cancellationToken) => HasStarted ? Task.CompletedTask : SendHeadAsync(null, cancellationToken);

    public async Task WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        await StartAsync(cancellationToken);
        if (bytes.IsEmpty)
        {
            return;
        }

        var size = Encoding.ASCII.GetBytes(bytes.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n");
        var chunk = new byte[size.Length + bytes.Length + 2];
        size.CopyTo(chunk, 0);
        bytes.Span.CopyTo(chunk.AsSpan(size.Length));
        chunk[^2] = (byte)'\r';
        chunk[^1] = (byte)'\n';
        await SendAsync(chunk, cancellationToken);
    }

    public void Abort()
    {
        if (IsAborted)
        {
            return;
        }

        IsAborted = true;
        try
        {
            // Linger 0: closing sends a TCP reset, so the client's read fails as on a dropped connection.
            _socket.LingerState = new LingerOption(true, 0);
            _socket.Close();
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }

        try
        {
            _aborted.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <summary>The engine is done: the last chunk, or an empty response if nothing was started.</summary>
    public Task CompleteAsync(CancellationToken cancellationToken)
        => HasStarted ? SendAsync("0\r\n\r\n"u8.ToArray(), cancellationToken) : SendHeadAsync(0, cancellationToken);

    private Task SendHeadAsync(int? contentLength, CancellationToken cancellationToken)
    {
        HasStarted = true;
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {StatusCode} {Reason(StatusCode)}\r\n");
        head.Append(CultureInfo.InvariantCulture, $"Date: {DateTimeOffset.UtcNow:R}\r\n");
        foreach (var (name, value) in _headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append(contentLength is { } length ? $"Content-Length: {length.ToString(CultureInfo.InvariantCulture)}\r\n" : "Transfer-Encoding: chunked\r\n");
        head.Append("\r\n");
        return SendAsync(Encoding.ASCII.GetBytes(head.ToString()), cancellationToken);
    }

    private async Task SendAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        try
        {
            await _stream.WriteAsync(bytes, cancellationToken);
            await _stream.FlushAsync(cancellationToken);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            // The client closed the connection: as a server sees it, the reply is cancelled.
            try
            {
                await _aborted.CancelAsync();
            }
            catch (ObjectDisposedException)
            {
            }

            throw new OperationCanceledException("The client closed the connection.", e, _aborted.Token);
        }
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        409 => "Conflict",
        413 => "Payload Too Large",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Status " + status.ToString(CultureInfo.InvariantCulture),
    };
}
