using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Foundry.Generated.Runtime;

/// <summary>
/// Reads a response body into memory up to a limit and no further, so a server that sends more (or never stops)
/// cannot make a call hold more than the limit. A declared <c>Content-Length</c> sizes the buffer once. What arrived
/// stays readable when the read fails midway.
/// </summary>
internal sealed class BoundedBody
{
    private const int FirstBuffer = 16 * 1024;

    private readonly int _limit;
    private byte[] _buffer;
    private int _filled;

    private BoundedBody(int limit, long? declared)
    {
        _limit = Math.Max(0, limit);
        _buffer = new byte[declared is { } length ? (int)Math.Min(length, _limit) : Math.Min(_limit, FirstBuffer)];
    }

    /// <summary>The bytes read so far (all of the body when <see cref="Exceeded"/> is false and the read ended).</summary>
    public ArraySegment<byte> Bytes => new(_buffer, 0, _filled);

    /// <summary>The body is longer than the limit; it was not read further.</summary>
    public bool Exceeded { get; private set; }

    public static BoundedBody For(HttpContent content, int limit) => new(limit, content.Headers.ContentLength);

    /// <summary>Reads until the body ends or passes the limit; a transport error propagates, <see cref="Bytes"/> keeps what came.</summary>
    public async Task ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            if (_filled == _buffer.Length)
            {
                if (_filled == _limit)
                {
                    // Full: one more byte says whether the body goes on past the limit.
                    Exceeded = await stream.ReadAsync(new byte[1], cancellationToken).ConfigureAwait(false) > 0;
                    return;
                }

                Array.Resize(ref _buffer, (int)Math.Min(_limit, Math.Max(FirstBuffer, _buffer.Length * 2L)));
            }

            var n = await stream.ReadAsync(_buffer.AsMemory(_filled), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                return;
            }

            _filled += n;
        }
    }
}
