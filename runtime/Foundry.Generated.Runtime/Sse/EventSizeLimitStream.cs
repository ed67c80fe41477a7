using System;
using System.Threading;
using System.Threading.Tasks;

namespace Foundry.Generated.Runtime;

/// <summary>
/// Sits between the response body and <see cref="System.Net.ServerSentEvents.SseParser"/> and counts the bytes of the
/// event still being received (every byte since the last blank line, line ends included). The read that takes it past
/// <see cref="FoundryClientOptions.MaxEventBytes"/> plus an eighth (room for field names and line ends; the decoder
/// holds each complete event's data to the limit exactly) fails with <see cref="EventTooLargeException"/>, so the
/// parser, which buffers a whole line before it looks at it, never holds much more than the limit: an endless
/// <c>data:</c> line costs memory bounded by the limit, not by what the server sends.
/// </summary>
/// <remarks>
/// It also knows whether the body ended inside an event (lines that are not comments, without the closing blank line):
/// the parser drops such an event silently, as the SSE standard says, but for a client it means the stream was cut.
/// On an LF-only stream it looks once per read for the last blank line (a backward vectorised search); after the first
/// CR, line by line. Either way the count is exact at every read.
/// <para>
/// It reads ahead: the parser asks for a few hundred bytes at a time (its line buffer starts at 1 KB), so this stream
/// reads up to <see cref="ReadAheadBytes"/> from the response at once and hands them out from memory. The timeouts and
/// the response stream below are then crossed once per network read, not several times per event; a read still
/// returns as soon as any bytes arrive, so nothing waits for the buffer to fill.
/// </para>
/// </remarks>
internal sealed class EventSizeLimitStream(System.IO.Stream inner, int maxEventBytes) : ReadOnlyWrapperStream(inner)
{
    /// <summary>The most one read from the response takes (the limit holds however the bytes are split).</summary>
    public const int ReadAheadBytes = 16 * 1024;

    // The data limit plus room for field names and line ends: what an event may take on the wire before it ends.
    private readonly long _wireLimit = WireLimit(maxEventBytes);

    // No larger than the wire limit: then a read that passes the limit holds no complete event the parser has not yet
    // had (an event that starts within one read cannot pass it there), so failing at once loses nothing.
    private readonly byte[] _ahead = new byte[(int)Math.Min(ReadAheadBytes, WireLimit(maxEventBytes))];
    private int _aheadStart;
    private int _aheadEnd;
    private long _eventBytes;
    private long _lineBytes;
    private bool _afterCarriageReturn;
    private bool _eventHasField;
    private bool _carriageReturns;
    private bool _carriageReturnEndedField;

    private static long WireLimit(int maxEventBytes) => maxEventBytes + Math.Max(maxEventBytes / 8L, 4096L);

    /// <summary>Bytes of the event in progress when the body ended (0 when it ended on an event boundary).</summary>
    public long PendingEventBytes => _eventHasField ? _eventBytes : 0;

    // Most reads are served from what was read ahead: no call below, no state machine.
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_aheadStart < _aheadEnd || buffer.IsEmpty)
        {
            return new ValueTask<int>(Serve(buffer.Span));
        }

        var read = Inner.ReadAsync(_ahead, cancellationToken);
        if (!read.IsCompletedSuccessfully)
        {
            return ServeWhenReadAsync(read, buffer);
        }

        Arrived(read.Result);
        return new ValueTask<int>(Serve(buffer.Span));
    }

    private async ValueTask<int> ServeWhenReadAsync(ValueTask<int> read, Memory<byte> buffer)
    {
        Arrived(await read.ConfigureAwait(false));
        return Serve(buffer.Span);
    }

    // Bytes are counted as they arrive from the response, so an event too large fails before the parser buffers it.
    private void Arrived(int n)
    {
        Count(_ahead.AsSpan(0, n));
        _aheadStart = 0;
        _aheadEnd = n;
    }

    private int Serve(Span<byte> buffer)
    {
        var n = Math.Min(buffer.Length, _aheadEnd - _aheadStart);
        _ahead.AsSpan(_aheadStart, n).CopyTo(buffer);
        _aheadStart += n;
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

    // LF-only streams (nearly all): one backward search per read for the last blank line ("\n\n"); the events before it
    // ended within the reads already counted (the decoder checks each one's data against the limit).
    private void CountLineFeedsOnly(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        var blank = bytes.LastIndexOf("\n\n"u8);
        var blankLineEnd = blank >= 0 ? blank + 1 : _lineBytes == 0 && bytes[0] == (byte)'\n' ? 0 : -1;
        if (blankLineEnd >= 0)
        {
            bytes = bytes[(blankLineEnd + 1)..];
            _eventBytes = 0;
            _lineBytes = 0;
            _eventHasField = false;
        }

        if (bytes.IsEmpty)
        {
            return;
        }

        if (!_eventHasField)
        {
            _eventHasField = HasFieldLine(bytes, _lineBytes == 0);
        }

        _eventBytes += bytes.Length;
        var lastLineEnd = bytes.LastIndexOf((byte)'\n');
        _lineBytes = lastLineEnd < 0 ? _lineBytes + bytes.Length : bytes.Length - lastLineEnd - 1;
        Check();
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
        if (_eventBytes > _wireLimit)
        {
            throw new EventTooLargeException(maxEventBytes, _eventBytes);
        }
    }
}

/// <summary>An event grew past <see cref="FoundryClientOptions.MaxEventBytes"/> while it was being received.</summary>
internal sealed class EventTooLargeException(int limit, long received)
    : Exception($"an event exceeds the {limit:N0}-byte limit (FoundryClientOptions.MaxEventBytes): it was refused after {received:N0} bytes on the wire, before it ended")
{
    public int Limit { get; } = limit;
}
