using System;
using System.Buffers.Text;

namespace Foundry.Generated.Runtime;

/// <summary>
/// An event's bytes with its varying values cut out: the piece (a text or argument string), the <c>obfuscation</c>
/// padding, (unless told otherwise) the <c>sequence_number</c>, and the spaces before the closing brace (Anthropic pads
/// its events there with a varying run). Real streams send long runs of events that differ only there, so the next
/// event is compared with this frame byte for byte around those holes: when it matches, it has the same JSON structure
/// and the same value everywhere else, so what a full read of the remembered event found holds for it too, and its
/// piece stands where the remembered one stood. A few comparisons of memory instead of a read of every member.
/// </summary>
/// <remarks>
/// Each hole is one whole token, a string (scanned with its escapes, so no byte inside it can change the structure)
/// or an integer, or a run of spaces between tokens (which JSON ignores). A name found as <c>"obfuscation":"</c> is always followed by a value: a quote in a JSON string is
/// escaped, so the bytes <c>":</c> end a property name. Bytes after the frame's last byte are not checked beyond
/// equality: a match is as valid as the remembered event, whose full read checked it.
/// </remarks>
internal sealed class EventFrame
{
    private const int MaxHoles = 4;

    private enum Hole : byte
    {
        String,
        Integer,
        Spaces,
    }

    private static ReadOnlySpan<byte> ObfuscationName => "\"obfuscation\":\""u8;
    private static ReadOnlySpan<byte> SequenceName => "\"sequence_number\":"u8;

    private byte[] _bytes = new byte[512];
    private int _length;

    // Where each hole's value stood in the frame (holes in order); which of them is the piece.
    private readonly int[] _holeAt = new int[MaxHoles];
    private readonly Hole[] _holeKind = new Hole[MaxHoles];
    private readonly bool _cutSequenceNumber;
    private int _holes;
    private int _piece = -1;

    /// <param name="cutSequenceNumber">Whether <c>sequence_number</c> varies freely (Responses events: it is no part of
    /// the answer); false where a reader keeps it, so a new value takes the full way.</param>
    public EventFrame(bool cutSequenceNumber = true) => _cutSequenceNumber = cutSequenceNumber;

    /// <summary>The remembered event's bytes without its holes' values (empty when none is remembered).</summary>
    public ReadOnlySpan<byte> FixedBytes => IsSet ? _bytes.AsSpan(0, _length) : default;

    /// <summary>True while an event is remembered.</summary>
    public bool IsSet => _piece >= 0;

    /// <summary>Forgets the remembered event: the next <see cref="TryMatch"/> fails.</summary>
    public void Clear() => _piece = -1;

    /// <summary>
    /// Remembers <paramref name="data"/> with the string token at [<paramref name="pieceStart"/>,
    /// <paramref name="pieceEnd"/>) (quotes included) as its piece, cutting out its <c>obfuscation</c> and
    /// <c>sequence_number</c> values too. False (and nothing remembered) when a value is not where it should be.
    /// </summary>
    public bool Remember(ReadOnlySpan<byte> data, int pieceStart, int pieceEnd)
    {
        Clear();
        if (pieceStart < 0 || pieceEnd > data.Length || pieceEnd - pieceStart < 2 || data[pieceStart] != '"' || data[pieceEnd - 1] != '"')
        {
            return false;
        }

        Span<(int Start, int End, Hole Kind)> holes = stackalloc (int, int, Hole)[MaxHoles];
        var count = 0;
        holes[count++] = (pieceStart, pieceEnd, Hole.String);
        if (RawJsonStrings.TryFind(data, ObfuscationName, out var padStart, out var padEnd))
        {
            holes[count++] = (padStart, padEnd, Hole.String);
        }

        if (data[^1] == '}')
        {
            var close = data.Length - 1;
            holes[count++] = (SpacesStart(data, close), close, Hole.Spaces);
        }

        var sequence = _cutSequenceNumber ? data.IndexOf(SequenceName) : -1;
        if (sequence >= 0)
        {
            var start = sequence + SequenceName.Length;
            var end = IntegerEnd(data, start);
            if (end < 0)
            {
                return false;
            }

            holes[count++] = (start, end, Hole.Integer);
        }

        holes = holes[..count];
        holes.Sort((a, b) => a.Start.CompareTo(b.Start));
        if (_bytes.Length < data.Length)
        {
            _bytes = new byte[Math.Max(data.Length, _bytes.Length * 2)];
        }

        var from = 0;
        _length = 0;
        for (var i = 0; i < holes.Length; i++)
        {
            var (start, end, kind) = holes[i];
            if (start < from)
            {
                // Overlapping holes cannot come from a valid event; such an event is not remembered.
                return false;
            }

            data[from..start].CopyTo(_bytes.AsSpan(_length));
            _length += start - from;
            _holeAt[i] = _length;
            _holeKind[i] = kind;
            if (start == pieceStart)
            {
                _piece = i;
            }

            from = end;
        }

        data[from..].CopyTo(_bytes.AsSpan(_length));
        _length += data.Length - from;
        _holes = holes.Length;
        return true;
    }

    /// <summary>
    /// True when <paramref name="data"/> is the remembered event but for its holes; [<paramref name="pieceStart"/>,
    /// <paramref name="pieceEnd"/>) is then its piece's string token, quotes included.
    /// </summary>
    public bool TryMatch(ReadOnlySpan<byte> data, out int pieceStart, out int pieceEnd)
    {
        pieceStart = pieceEnd = -1;
        if (_piece < 0 || data.Length < _length)
        {
            return false;
        }

        var frame = _bytes.AsSpan(0, _length);
        var at = 0;
        var frameAt = 0;
        for (var i = 0; i < _holes; i++)
        {
            var fixedPart = frame[frameAt.._holeAt[i]];
            if (!data[at..].StartsWith(fixedPart))
            {
                return false;
            }

            at += fixedPart.Length;
            frameAt = _holeAt[i];
            var end = _holeKind[i] switch
            {
                Hole.String => at < data.Length && data[at] == '"' ? RawJsonStrings.End(data, at) : -1,
                Hole.Integer => IntegerEnd(data, at),
                _ => SpacesEnd(data, at),
            };
            if (end < 0)
            {
                return false;
            }

            if (i == _piece)
            {
                (pieceStart, pieceEnd) = (at, end);
            }

            at = end;
        }

        return data[at..].SequenceEqual(frame[frameAt..]);
    }

    // Where the run of spaces that ends at `end` starts.
    private static int SpacesStart(ReadOnlySpan<byte> data, int end)
    {
        var start = end;
        while (start > 0 && data[start - 1] == ' ')
        {
            start--;
        }

        return start;
    }

    // The end of the run of spaces (maybe none) that starts at `start`.
    private static int SpacesEnd(ReadOnlySpan<byte> data, int start)
    {
        var length = data[start..].IndexOfAnyExcept((byte)' ');
        return length < 0 ? data.Length : start + length;
    }

    // The end of the integer that starts at `start` (a sequence number), or -1 when none stands there.
    private static int IntegerEnd(ReadOnlySpan<byte> data, int start)
    {
        var rest = data[start..];
        var length = rest.IndexOfAnyExceptInRange((byte)'0', (byte)'9');
        if (length < 0)
        {
            length = rest.Length;
        }

        // A leading zero is JSON only alone ("0", not "07").
        return length == 0 || (length > 1 && rest[0] == '0') || !Utf8Parser.TryParse(rest[..length], out long _, out _) ? -1 : start + length;
    }
}
