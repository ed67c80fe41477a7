using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Foundry.Generated.Testing;

/// <summary>
/// A <see cref="FakeFoundry"/> served on a real 127.0.0.1 socket (a free port): for code that builds its own
/// <see cref="HttpClient"/> or runs in another process. The same engine as in memory, so the same scripted replies,
/// captured requests and faults; a reset is a TCP reset, a stall keeps the connection open, and streams are written
/// with HTTP/1.1 chunked encoding, one chunk per write, so events arrive as they are written. Start it with
/// <see cref="FakeFoundry.StartLoopbackAsync"/>; disposing it stops listening and closes every connection.
/// </summary>
public sealed class FakeFoundryLoopback : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _gate = new();
    private readonly HashSet<Task> _connections = new();
    private Task _acceptLoop = Task.CompletedTask;
    private int _openConnections;
    private int _disposed;

    private FakeFoundryLoopback(FakeFoundry foundry, TcpListener listener)
    {
        Foundry = foundry;
        _listener = listener;
        var endpoint = (IPEndPoint)listener.LocalEndpoint;
        BaseAddress = new Uri($"http://127.0.0.1:{endpoint.Port}/");
    }

    /// <summary>The fake this server answers as: script replies on it and read the requests it received.</summary>
    public FakeFoundry Foundry { get; }

    /// <summary>Host root, e.g. <c>http://127.0.0.1:54321/</c> (clients append <c>api/v2/llm/proxy/...</c>).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The bearer token the fake accepts now.</summary>
    public string Token => Foundry.Token;

    /// <summary>TCP connections open now (to observe that a client closed its connection).</summary>
    public int OpenConnections => Volatile.Read(ref _openConnections);

    /// <summary>Client options pointed at this server (base URL, token, short retry delays so tests stay fast).</summary>
    public FoundryClientOptions CreateClientOptions(Action<FoundryClientOptions>? configure = null)
    {
        var options = new FoundryClientOptions { BaseUrl = BaseAddress, Token = Token, RetryBaseDelay = TimeSpan.FromMilliseconds(1) };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>A <see cref="FoundryLlmClient"/> that talks to this server over 127.0.0.1.</summary>
    public FoundryLlmClient CreateClient(Action<FoundryClientOptions>? configure = null) => new(CreateClientOptions(configure));

    internal static Task<FakeFoundryLoopback> StartAsync(FakeFoundry foundry, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var server = new FakeFoundryLoopback(foundry, listener);
        server._acceptLoop = server.AcceptAsync();
        return Task.FromResult(server);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        Task[] connections;
        lock (_gate)
        {
            connections = [.. _connections];
        }

        await Task.WhenAll(connections);
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            socket.NoDelay = true;
            Interlocked.Increment(ref _openConnections);
            var connection = new LoopbackConnection(socket, Foundry, _stopping.Token);
            var task = RunAsync(connection);
            lock (_gate)
            {
                _connections.Add(task);
            }

            _ = task.ContinueWith(
                t =>
                {
                    lock (_gate)
                    {
                        _connections.Remove(t);
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    private async Task RunAsync(LoopbackConnection connection)
    {
        await Task.Yield();
        try
        {
            await connection.ServeAsync();
        }
        finally
        {
            Interlocked.Decrement(ref _openConnections);
        }
    }
}
