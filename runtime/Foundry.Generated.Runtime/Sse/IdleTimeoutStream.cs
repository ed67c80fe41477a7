using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Foundry.Generated.Runtime;

/// <summary>
/// Wraps a response stream so each read fails after <c>idle</c> without data, instead of a total timeout that would
/// cut a long healthy stream. The caller's token still cancels at once.
/// </summary>
internal sealed class IdleTimeoutStream : ReadOnlyWrapperStream
{
    private readonly TimeSpan _idle;
    private readonly TimeProvider _time;
    private readonly CancellationToken _streamToken;

    // One lazy timer per stream: a read only stamps the time (reads are frequent, ~3 per event on a fast stream,
    // and re-arming a timer per read cost more than decoding). When the timer fires it cancels a read that has
    // waited the whole idle time, and otherwise sleeps again until the last stamp plus the idle time.
    private readonly ITimer? _timer;
    private readonly CancellationTokenSource? _idleCancel;
    private readonly CancellationTokenSource? _linked;
    private long _lastActivity;
    private int _reading;

    public IdleTimeoutStream(Stream inner, TimeSpan idle, TimeProvider time, CancellationToken streamToken = default)
        : base(inner)
    {
        _idle = idle;
        _time = time;
        _streamToken = streamToken;
        if (idle > TimeSpan.Zero && idle != Timeout.InfiniteTimeSpan)
        {
            _lastActivity = time.GetTimestamp();
            _idleCancel = new CancellationTokenSource();
            _linked = CancellationTokenSource.CreateLinkedTokenSource(streamToken, _idleCancel.Token);
            _timer = time.CreateTimer(static state => ((IdleTimeoutStream)state!).OnTimer(), this, idle, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>True once a read was cut by the idle timeout.</summary>
    public bool TimedOut { get; private set; }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_idleCancel is null || _linked is null)
        {
            return Inner.ReadAsync(buffer, cancellationToken);
        }

        if (cancellationToken != _streamToken && cancellationToken.CanBeCanceled)
        {
            return ReadWithOwnTimerAsync(buffer, cancellationToken);
        }

        Volatile.Write(ref _lastActivity, _time.GetTimestamp());
        Volatile.Write(ref _reading, 1);
        ValueTask<int> read;
        try
        {
            read = Inner.ReadAsync(buffer, _linked.Token);
        }
        catch
        {
            Volatile.Write(ref _reading, 0);
            throw;
        }

        if (read.IsCompletedSuccessfully)
        {
            // Data was already there (most reads of a fast stream): no wait to time, no state machine.
            Volatile.Write(ref _reading, 0);
            return read;
        }

        return AwaitReadAsync(read, cancellationToken);
    }

    private async ValueTask<int> AwaitReadAsync(ValueTask<int> read, CancellationToken cancellationToken)
    {
        try
        {
            return await read.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_idleCancel!.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw IdleTimeout();
        }
        finally
        {
            Volatile.Write(ref _lastActivity, _time.GetTimestamp());
            Volatile.Write(ref _reading, 0);
        }
    }

    private void OnTimer()
    {
        if (_idleCancel is null || _idleCancel.IsCancellationRequested)
        {
            return;
        }

        var waited = _time.GetElapsedTime(Volatile.Read(ref _lastActivity));
        if (Volatile.Read(ref _reading) == 1 && waited >= _idle)
        {
            _idleCancel.Cancel();
            return;
        }

        try
        {
            _timer!.Change(waited < _idle ? _idle - waited : _idle, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // The stream was disposed while the timer fired.
        }
    }

    // A read with a token other than the stream's (not how the pipeline reads): its own timer.
    private async ValueTask<int> ReadWithOwnTimerAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        using var idle = new CancellationTokenSource(_idle, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token);
        try
        {
            return await Inner.ReadAsync(buffer, linked.Token).ConfigureAwait(false);
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

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _timer?.Dispose();
            _linked?.Dispose();
            _idleCancel?.Dispose();
        }

        base.Dispose(disposing);
    }
}
