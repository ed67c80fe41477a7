using System;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Foundry.Generated.Consumer.Tests.EndToEnd;

/// <summary>
/// Counts the client's TCP connections: a <see cref="SocketsHttpHandler"/> whose connect callback wraps each socket in a
/// <see cref="CountingStream"/>. A connection counts as open until the handler disposes its stream.
/// </summary>
internal sealed class ConnectionCounter
{
    private int _open;
    private int _opened;
    private int _peak;

    /// <summary>Connections whose stream the handler has not disposed yet.</summary>
    public int Open => Volatile.Read(ref _open);

    /// <summary>Connections ever opened.</summary>
    public int Opened => Volatile.Read(ref _opened);

    /// <summary>Most connections open at once.</summary>
    public int Peak => Volatile.Read(ref _peak);

    /// <summary>A handler whose connections are counted; <paramref name="idleTimeout"/> closes pooled connections left idle.</summary>
    public SocketsHttpHandler CreateHandler(TimeSpan? idleTimeout = null) => new()
    {
        ConnectCallback = ConnectAsync,
        PooledConnectionIdleTimeout = idleTimeout ?? TimeSpan.FromMinutes(1),
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    internal void Opening()
    {
        Interlocked.Increment(ref _opened);
        var open = Interlocked.Increment(ref _open);
        for (var peak = Peak; open > peak; peak = Peak)
        {
            if (Interlocked.CompareExchange(ref _peak, open, peak) == peak)
            {
                break;
            }
        }
    }

    internal void Closed() => Interlocked.Decrement(ref _open);

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken).ConfigureAwait(false);
            return new CountingStream(new NetworkStream(socket, ownsSocket: true), this);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>A pass-through stream that tells its <see cref="ConnectionCounter"/> when it opens and, once, when it is disposed.</summary>
internal sealed class CountingStream : Stream
{
    private readonly Stream _inner;
    private readonly ConnectionCounter _counter;
    private int _disposed;

    public CountingStream(Stream inner, ConnectionCounter counter)
    {
        _inner = inner;
        _counter = counter;
        counter.Opening();
    }

    public override bool CanRead => _inner.CanRead;

    public override bool CanSeek => false;

    public override bool CanWrite => _inner.CanWrite;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => _inner.Read(buffer);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _inner.ReadAsync(buffer, offset, count, cancellationToken);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _inner.ReadAsync(buffer, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => _inner.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => _inner.Write(buffer);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _inner.WriteAsync(buffer, offset, count, cancellationToken);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => _inner.WriteAsync(buffer, cancellationToken);

    public override void Flush() => _inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _counter.Closed();
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _counter.Closed();
            await _inner.DisposeAsync().ConfigureAwait(false);
        }

        GC.SuppressFinalize(this);
    }
}
