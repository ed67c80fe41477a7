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
/// One TCP connection of the loopback server: HTTP/1.1 requests read one after another (keep-alive), each answered by
/// the engine through a <see cref="LoopbackExchange"/>. While a response is written the connection keeps one read
/// pending, so a client that closes its end cancels the reply (as Kestrel notices a closed connection).
/// </summary>
internal sealed class LoopbackConnection
{
    private const int MaxHeaderBytes = 64 * 1024;

    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly FakeFoundry _foundry;
    private readonly CancellationToken _stopping;
    private readonly byte[] _scratch = new byte[16 * 1024];
    private byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;
    private Task<int>? _pendingRead;
    private bool _closed;

    public LoopbackConnection(Socket socket, FakeFoundry foundry, CancellationToken stopping)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: false);
        _foundry = foundry;
        _stopping = stopping;
    }

    public async Task ServeAsync()
    {
        var reset = false;
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                var request = await ReadRequestAsync();
                if (request is null)
                {
                    return;
                }

                using var aborted = CancellationTokenSource.CreateLinkedTokenSource(_stopping);
                var exchange = new LoopbackExchange(_stream, _socket, aborted);
                WatchForClose(aborted);
                try
                {
                    await _foundry.HandleAsync(request, exchange, aborted.Token);
                }
                catch (Exception e) when (!exchange.HasStarted && !exchange.IsAborted && e is not OperationCanceledException)
                {
                    // The engine failed before answering: a 500, as a server's unhandled exception is.
                    exchange.StatusCode = 500;
                    exchange.SetHeader("Content-Type", "text/plain; charset=utf-8");
                    await exchange.WriteAsync(Encoding.UTF8.GetBytes("The fake Foundry failed: " + e.Message), aborted.Token);
                }
                catch (Exception) when (exchange.HasStarted || exchange.IsAborted || aborted.IsCancellationRequested)
                {
                    // Part of the answer is out: end the connection, the client sees a broken response.
                    exchange.Abort();
                }

                if (exchange.IsAborted)
                {
                    reset = true;
                    return;
                }

                if (aborted.IsCancellationRequested)
                {
                    return;
                }

                await exchange.CompleteAsync(aborted.Token);
                if (request.Header("Connection") is { } connection && connection.Contains("close", StringComparison.OrdinalIgnoreCase))
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException or InvalidDataException)
        {
            // The client went away, or sent something that is not HTTP/1.1: close the connection.
        }
        finally
        {
            Close(reset);
        }
    }

    private void Close(bool reset)
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        try
        {
            if (!reset)
            {
                _socket.Shutdown(SocketShutdown.Both);
            }
        }
        catch (SocketException)
        {
        }

        _socket.Close();
        _stream.Dispose();
    }

    /// <summary>Cancels <paramref name="aborted"/> when the client closes its end while the reply is written.</summary>
    private void WatchForClose(CancellationTokenSource aborted)
    {
        var read = PendingRead();
        _ = read.ContinueWith(
            t =>
            {
                if (t.IsFaulted || t.IsCanceled || t.Result == 0)
                {
                    try
                    {
                        aborted.Cancel();
                    }
                    catch (ObjectDisposedException)
                    {
                    }
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private Task<int> PendingRead() => _pendingRead ??= _stream.ReadAsync(_scratch, _stopping).AsTask();

    /// <summary>Reads more bytes into the buffer; false at the end of the stream.</summary>
    private async Task<bool> FillAsync()
    {
        var read = await PendingRead();
        _pendingRead = null;
        if (read == 0)
        {
            return false;
        }

        if (_end + read > _buffer.Length)
        {
            var live = _end - _start;
            var bigger = new byte[Math.Max(_buffer.Length, (live + read) * 2)];
            Buffer.BlockCopy(_buffer, _start, bigger, 0, live);
            _buffer = bigger;
            _start = 0;
            _end = live;
        }

        Buffer.BlockCopy(_scratch, 0, _buffer, _end, read);
        _end += read;
        return true;
    }

    /// <summary>The next request, or null when the client closed the connection between requests.</summary>
    private async Task<FakeRequest?> ReadRequestAsync()
    {
        var headerEnd = -1;
        while ((headerEnd = IndexOf("\r\n\r\n"u8)) < 0)
        {
            if (_end - _start > MaxHeaderBytes)
            {
                throw new InvalidDataException("Request headers are too large.");
            }

            if (!await FillAsync())
            {
                if (_end > _start)
                {
                    throw new InvalidDataException("The connection closed inside a request's headers.");
                }

                return null;
            }
        }

        var head = Encoding.ASCII.GetString(_buffer, _start, headerEnd - _start);
        _start = headerEnd + 4;
        var lines = head.Split("\r\n");
        var requestLine = lines[0].Split(' ');
        if (requestLine.Length != 3 || !requestLine[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            throw new InvalidDataException("Not an HTTP/1.1 request line: " + lines[0]);
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < lines.Length; i++)
        {
            var colon = lines[i].IndexOf(':');
            if (colon <= 0)
            {
                throw new InvalidDataException("Not a header line: " + lines[i]);
            }

            var name = lines[i].Substring(0, colon).Trim();
            var value = lines[i].Substring(colon + 1).Trim();
            headers[name] = headers.TryGetValue(name, out var earlier) ? earlier + ", " + value : value;
        }

        byte[] body;
        if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = await ReadChunkedAsync();
        }
        else if (headers.TryGetValue("Content-Length", out var length))
        {
            if (!int.TryParse(length, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                throw new InvalidDataException("Bad Content-Length: " + length);
            }

            body = await ReadExactlyAsync(count);
        }
        else
        {
            body = [];
        }

        var target = requestLine[1];
        var question = target.IndexOf('?');
        var path = question < 0 ? target : target.Substring(0, question);
        var query = question < 0 ? string.Empty : target.Substring(question);
        return new FakeRequest(requestLine[0], path, query, headers, body);
    }

    private async Task<byte[]> ReadExactlyAsync(int count)
    {
        while (_end - _start < count)
        {
            if (!await FillAsync())
            {
                throw new InvalidDataException("The connection closed inside a request body.");
            }
        }

        var bytes = _buffer.AsSpan(_start, count).ToArray();
        _start += count;
        return bytes;
    }

    private async Task<byte[]> ReadChunkedAsync()
    {
        using var body = new MemoryStream();
        while (true)
        {
            var line = await ReadLineAsync();
            var size = int.Parse(line.Split(';')[0].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0)
            {
                // Trailers, if any, end with an empty line.
                while ((await ReadLineAsync()).Length > 0)
                {
                }

                return body.ToArray();
            }

            body.Write(await ReadExactlyAsync(size));
            await ReadLineAsync();
        }
    }

    private async Task<string> ReadLineAsync()
    {
        int end;
        while ((end = IndexOf("\r\n"u8)) < 0)
        {
            if (!await FillAsync())
            {
                throw new InvalidDataException("The connection closed inside a chunked request body.");
            }
        }

        var line = Encoding.ASCII.GetString(_buffer, _start, end - _start);
        _start = end + 2;
        return line;
    }

    private int IndexOf(ReadOnlySpan<byte> value)
    {
        var at = _buffer.AsSpan(_start, _end - _start).IndexOf(value);
        return at < 0 ? -1 : _start + at;
    }
}
