using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Foundry.Generated.Runtime;

/// <summary>
/// Wraps a response stream so each read fails after <c>idle</c> without data, instead of a total timeout that would
/// cut a long healthy stream. The caller's token still cancels at once.
/// </summary>
internal sealed class IdleTimeoutStream : Stream
{
    private readonly Stream _inner;
    private readonly TimeSpan _idle;
    private readonly TimeProvider _time;
    private readonly CancellationToken _streamToken;

    // One timer re-armed per read, linked once with the stream's token: reads are frequent (many per event on a
    // fast stream) and a pair of token sources per read cost more than decoding the event.
    private readonly CancellationTokenSource? _timer;
    private readonly CancellationTokenSource? _linked;

    public IdleTimeoutStream(Stream inner, TimeSpan idle, TimeProvider time, CancellationToken streamToken = default)
    {
        _inner = inner;
        _idle = idle;
        _time = time;
        _streamToken = streamToken;
        if (idle > TimeSpan.Zero && idle != Timeout.InfiniteTimeSpan)
        {
            _timer = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
            _linked = CancellationTokenSource.CreateLinkedTokenSource(streamToken, _timer.Token);
        }
    }

    /// <summary>True once a read was cut by the idle timeout.</summary>
    public bool TimedOut { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_timer is null || _linked is null)
        {
            return await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        if (cancellationToken != _streamToken && cancellationToken.CanBeCanceled)
        {
            return await ReadWithOwnTimerAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        _timer.CancelAfter(_idle);
        try
        {
            var read = await _inner.ReadAsync(buffer, _linked.Token).ConfigureAwait(false);
            _timer.CancelAfter(Timeout.InfiniteTimeSpan);
            return read;
        }
        catch (OperationCanceledException) when (_timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw IdleTimeout();
        }
    }

    // A read with a token other than the stream's (not how the pipeline reads): its own timer.
    private async ValueTask<int> ReadWithOwnTimerAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        using var idle = new CancellationTokenSource(_idle, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token);
        try
        {
            return await _inner.ReadAsync(buffer, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw IdleTimeout();
        }
    }

    private TimeoutException IdleTimeout()
    {
        TimedOut = true;
        return new TimeoutException($"no data for {_idle.TotalSeconds:0.###} s");
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _linked?.Dispose();
            _timer?.Dispose();
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
