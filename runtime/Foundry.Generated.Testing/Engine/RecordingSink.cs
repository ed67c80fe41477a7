using System;
using System.Threading;
using System.Threading.Tasks;

namespace Foundry.Generated.Testing;

/// <summary>Calls back once, with the status, when the response starts (or at the end if it never did).</summary>
internal sealed class RecordingSink : IReplySink
{
    private readonly IReplySink _inner;
    private readonly Action<int> _record;
    private int _recorded;

    public RecordingSink(IReplySink inner, Action<int> record)
    {
        _inner = inner;
        _record = record;
    }

    public int StatusCode
    {
        get => _inner.StatusCode;
        set => _inner.StatusCode = value;
    }

    public bool HasStarted => _inner.HasStarted;

    public void SetHeader(string name, string value) => _inner.SetHeader(name, value);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        RecordOnce();
        return _inner.StartAsync(cancellationToken);
    }

    public Task WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        RecordOnce();
        return _inner.WriteAsync(bytes, cancellationToken);
    }

    public void Abort()
    {
        RecordOnce();
        _inner.Abort();
    }

    public void RecordIfNotStarted() => RecordOnce();

    private void RecordOnce()
    {
        if (Interlocked.Exchange(ref _recorded, 1) == 0)
        {
            _record(_inner.StatusCode);
        }
    }
}
