using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Foundry.Generated.Consumer.Tests.Sse;

/// <summary>A read-only stream that hands out its bytes in the given pieces (one piece per read at most).</summary>
internal sealed class SplitStream(byte[] data, IReadOnlyList<int> cuts) : Stream
{
    private int _position;
    private int _nextCut;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => data.Length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        while (_nextCut < cuts.Count && cuts[_nextCut] <= _position)
        {
            _nextCut++;
        }

        var end = _nextCut < cuts.Count ? cuts[_nextCut] : data.Length;
        var n = Math.Min(count, end - _position);
        Array.Copy(data, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var array = new byte[buffer.Length];
        var n = Read(array, 0, array.Length);
        array.AsSpan(0, n).CopyTo(buffer.Span);
        return ValueTask.FromResult(n);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
