using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Foundry.Generated.Runtime;

/// <summary>
/// Passes reads through and keeps a copy of the first bytes, so a body that turns out to hold no event can be shown
/// in the error. Once the copy is full, reads go straight to the inner stream.
/// </summary>
internal sealed class HeadRecordingStream(Stream inner, int capacity) : ReadOnlyWrapperStream(inner)
{
    private readonly byte[] _head = new byte[capacity];
    private int _length;

    /// <summary>The first bytes read (at most the capacity).</summary>
    public ReadOnlySpan<byte> Head => _head.AsSpan(0, _length);

    /// <summary>True when more bytes than <see cref="Head"/> were read.</summary>
    public bool More { get; private set; }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        => More ? Inner.ReadAsync(buffer, cancellationToken) : RecordAsync(buffer, cancellationToken);

    private async ValueTask<int> RecordAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var n = await Inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        var copy = Math.Min(n, _head.Length - _length);
        buffer.Span[..copy].CopyTo(_head.AsSpan(_length));
        _length += copy;
        More |= copy < n;
        return n;
    }
}
