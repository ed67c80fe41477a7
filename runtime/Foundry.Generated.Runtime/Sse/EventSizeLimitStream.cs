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
/// Only line ends are looked for (vectorised searches; on an LF-only stream one search per event for the blank line),
/// so the cost per event is a few nanoseconds.
/// </remarks>
internal sealed class EventSizeLimitStream(System.IO.Stream inner, int maxEventBytes) : ReadOnlyWrapperStream(inner)
{
    private long _eventBytes;
    private long _lineBytes;
    private bool _afterCarriageReturn;
    private bool _eventHasField;
    private bool _carriageReturns;
    private bool _carriageReturnEndedField;

    /// <summary>Bytes of the event in progress when the body ended (0 when it ended on an event boundary).</summary>
    public long PendingEventBytes => _eventHasField ? _eventBytes : 0;

    // Reads are small and frequent (the parser's buffer is a few KB): no state machine when the read completes at once.
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = Inner.ReadAsync(buffer, cancellationToken);
        if (!read.IsCompletedSuccessfully)
        {
            return CountWhenReadAsync(read, buffer);
        }

        var n = read.Result;
        Count(buffer.Span[..n]);
        return new ValueTask<int>(n);
    }

    private async ValueTask<int> CountWhenReadAsync(ValueTask<int> read, Memory<byte> buffer)
    {
        var n = await read.ConfigureAwait(false);
        Count(buffer.Span[..n]);
        return n;
    }

    private void Count(ReadOnlySpan<byte> bytes)
    {
        if (!_carriageReturns && bytes.IndexOf((byte)'\r') < 0)
        {
            CountLineFeedsOnly(bytes);
            return;
        }

        // CR and CRLF line ends (rare): line by line from here on, with the same state.
        _carriageReturns = true;
        CountAnyLineEnds(bytes);
    }

    // LF-only streams (nearly all): one search per event for the blank line that ends it ("\n\n").
    private void CountLineFeedsOnly(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            if (_lineBytes == 0 && bytes[0] == (byte)'\n')
            {
                _eventBytes = 0;
                _eventHasField = false;
                bytes = bytes[1..];
                continue;
            }

            var blank = bytes.IndexOf("\n\n"u8);
            var piece = blank < 0 ? bytes : bytes[..(blank + 1)];
            if (!_eventHasField)
            {
                _eventHasField = HasFieldLine(piece, _lineBytes == 0);
            }

            _eventBytes += piece.Length;
            Check();
            var lastLineEnd = piece.LastIndexOf((byte)'\n');
            _lineBytes = lastLineEnd < 0 ? _lineBytes + piece.Length : piece.Length - lastLineEnd - 1;
            bytes = bytes[piece.Length..];
        }
    }

    // Whether a line that starts in the piece (at its start when atLineStart, and after each LF) is a field, not a comment.
    private static bool HasFieldLine(ReadOnlySpan<byte> piece, bool atLineStart)
    {
        if (atLineStart && piece[0] != (byte)':' && piece[0] != (byte)'\n')
        {
            return true;
        }

        for (var lf = piece.IndexOf((byte)'\n'); lf >= 0 && lf + 1 < piece.Length; lf = piece.IndexOf((byte)'\n'))
        {
            piece = piece[(lf + 1)..];
            if (piece[0] != (byte)':' && piece[0] != (byte)'\n')
            {
                return true;
            }
        }

        return false;
    }

    private void CountAnyLineEnds(ReadOnlySpan<byte> bytes)
    {
        if (_afterCarriageReturn && !bytes.IsEmpty)
        {
            // The LF of a CRLF split across two reads ends the same line: a byte of the event unless the line was blank.
            _afterCarriageReturn = false;
            if (bytes[0] == (byte)'\n')
            {
                bytes = bytes[1..];
                if (_carriageReturnEndedField)
                {
                    _eventBytes++;
                    Check();
                }
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

            var blank = _lineBytes == 0;
            if (blank)
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
                    _carriageReturnEndedField = !blank;
                }
                else if (bytes[0] == (byte)'\n')
                {
                    // CRLF: two bytes on the wire.
                    bytes = bytes[1..];
                    if (!blank)
                    {
                        _eventBytes++;
                        Check();
                    }
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
