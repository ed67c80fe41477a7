using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Foundry.Generated.Consumer.Tests.Hostile;

/// <summary>
/// A loopback (127.0.0.1) server that speaks HTTP only as far as a test script wants: it reads each request's head and
/// body, then hands the raw socket to the script, which may answer properly, reset the connection, stall, or send a
/// line that never ends. Scripts must bound what they send (count and time); the server stops on dispose.
/// </summary>
internal sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<RawExchange, Task> _script;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<Task> _exchanges = new();
    private readonly Task _accepting;
    private long _bytesSent;
    private int _requests;

    public RawHttpServer(Func<RawExchange, Task> script)
    {
        _script = script;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri BaseUrl => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Bytes the scripts managed to write (what the client's socket took, buffers included).</summary>
    public long BytesSent => Interlocked.Read(ref _bytesSent);

    /// <summary>An answer head: status line, headers, and <c>Connection: close</c> (the body ends when the socket closes).</summary>
    public static string Head(int status, string reason, params string[] headers)
        => $"HTTP/1.1 {status} {reason}\r\n" + string.Concat(Array.ConvertAll(headers, h => h + "\r\n")) + "Connection: close\r\n\r\n";

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _exchanges.Add(Task.Run(() => ServeAsync(socket)));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using var stream = new NetworkStream(socket, ownsSocket: true);
        try
        {
            var head = await ReadHeadAsync(stream);
            Interlocked.Increment(ref _requests);
            await _script(new RawExchange(socket, stream, head, _stop.Token, n => Interlocked.Add(ref _bytesSent, n)));
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away (as it should when it refuses what the script sends).
        }
    }

    // The request head up to the blank line, then a Content-Length body, read and dropped.
    private static async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one) == 0)
            {
                throw new IOException("closed before the request head ended");
            }

            head.Append((char)one[0]);
        }

        var text = head.ToString();
        foreach (var line in text.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                var remaining = int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                var body = new byte[remaining];
                while (remaining > 0)
                {
                    var n = await stream.ReadAsync(body.AsMemory(body.Length - remaining));
                    if (n == 0)
                    {
                        break;
                    }

                    remaining -= n;
                }
            }
        }

        return text;
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _accepting;
        await Task.WhenAll(_exchanges);
        _stop.Dispose();
    }
}

/// <summary>One request on the raw socket: its head, and ways to answer or misbehave.</summary>
internal sealed class RawExchange(Socket socket, NetworkStream stream, string head, CancellationToken stopping, Action<long> sent)
{
    public string Head { get; } = head;

    public CancellationToken Stopping { get; } = stopping;

    /// <summary>The bearer token the request carried (so a script can echo it).</summary>
    public string Token
    {
        get
        {
            foreach (var line in Head.Split("\r\n"))
            {
                if (line.StartsWith("Authorization: Bearer ", StringComparison.OrdinalIgnoreCase))
                {
                    return line["Authorization: Bearer ".Length..];
                }
            }

            throw new InvalidOperationException("the request carried no bearer token");
        }
    }

    public Task WriteAsync(string text) => WriteAsync(Encoding.UTF8.GetBytes(text));

    public async Task WriteAsync(byte[] bytes)
    {
        await stream.WriteAsync(bytes, Stopping);
        sent(bytes.Length);
    }

    /// <summary>Closes with a TCP reset instead of an orderly close.</summary>
    public void Reset()
    {
        socket.LingerState = new LingerOption(true, 0);
        socket.Close();
    }
}
