using System;
using System.Threading;
using System.Threading.Tasks;

namespace Foundry.Generated.Runtime;

/// <summary>
/// Sits between the response body and <see cref="System.Net.ServerSentEvents.SseParser"/> and counts the bytes of the
/// event being received (every byte since the blank line that ended the previous event, line ends included). The read
/// that takes an event past the limit fails with <see cref="EventTooLargeException"/>, so the parser, which buffers a
/// whole line before it looks at it, never holds more than about the limit: an endless <c>data:</c> line costs
/// memory bounded by <see cref="FoundryClientOptions.MaxEventBytes"/>, not by what the server sends.
/// </summary>
/// <remarks>
/// It also knows whether the body ended inside an event (lines that are not comments, without the closing blank line):
/// the parser drops such an event silently, as the SSE standard says, but for a client it means the stream was cut.
/// Only line ends are looked for (a vectorised search), so the cost per event is a few nanoseconds.
/// </remarks>
internal sealed class EventSizeLimitStream(System.IO.Stream inner, int maxEventBytes) : ReadOnlyWrapperStream(inner)
{
    private long _eventBytes;
    private long _lineBytes;
    private bool _afterCarriageReturn;
    private bool _eventHasField;

    /// <summary>Bytes of the event in progress when the body ended (0 when it ended on an event boundary).</summary>
    public long PendingEventBytes => _eventHasField ? _eventBytes : 0;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await Inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Count(buffer.Span[..n]);
        return n;
    }

    private void Count(ReadOnlySpan<byte> bytes)
    {
        if (_afterCarriageReturn && !bytes.IsEmpty)
        {
            // The LF of a CRLF split across two reads belongs to the line end already counted.
            _afterCarriageReturn = false;
            if (bytes[0] == (byte)'\n')
            {
                bytes = bytes[1..];
            }
        }

        while (!bytes.IsEmpty)
        {
            var end = bytes.IndexOfAny((byte)'\r', (byte)'\n');
            if (end < 0)
            {
                StartOrExtendLine(bytes[0], bytes.Length);
                break;
            }

            if (end > 0)
            {
                StartOrExtendLine(bytes[0], end);
            }

            if (_lineBytes == 0)
            {
                // A blank line ends the event (or dispatches nothing).
                _eventBytes = 0;
                _eventHasField = false;
            }
            else
            {
                _eventBytes++;
                Check();
                _lineBytes = 0;
            }

            var lineEnd = bytes[end];
            bytes = bytes[(end + 1)..];
            if (lineEnd == (byte)'\r')
            {
                if (bytes.IsEmpty)
                {
                    _afterCarriageReturn = true;
                }
                else if (bytes[0] == (byte)'\n')
                {
                    bytes = bytes[1..];
                }
            }
        }
    }

    private void StartOrExtendLine(byte first, int length)
    {
        if (_lineBytes == 0 && first != (byte)':')
        {
            // Any field line (not a comment) makes the event something the parser would dispatch.
            _eventHasField = true;
        }

        _lineBytes += length;
        _eventBytes += length;
        Check();
    }

    private void Check()
    {
        if (_eventBytes > maxEventBytes)
        {
            throw new EventTooLargeException(maxEventBytes);
        }
    }
}

/// <summary>An event grew past <see cref="FoundryClientOptions.MaxEventBytes"/> while it was being received.</summary>
internal sealed class EventTooLargeException(int limit)
    : Exception($"an event exceeds the {limit:N0}-byte limit (FoundryClientOptions.MaxEventBytes): it was refused at byte {(long)limit + 1:N0}, before the rest was read")
{
    public int Limit { get; } = limit;
}
