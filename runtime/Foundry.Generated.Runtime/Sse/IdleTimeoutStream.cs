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

    public IdleTimeoutStream(Stream inner, TimeSpan idle, TimeProvider time)
    {
        _inner = inner;
        _idle = idle;
        _time = time;
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
        if (_idle <= TimeSpan.Zero || _idle == Timeout.InfiniteTimeSpan)
        {
            return await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        using var idle = new CancellationTokenSource(_idle, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token);
        try
        {
            return await _inner.ReadAsync(buffer, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            TimedOut = true;
            throw new TimeoutException($"no data for {_idle.TotalSeconds:0.###} s");
        }
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
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
