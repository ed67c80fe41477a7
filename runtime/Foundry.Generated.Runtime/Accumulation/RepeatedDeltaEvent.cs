using System;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Foundry.Generated.Runtime;

/// <summary>
/// The common Responses event, recognised from its bytes: a delta event that repeats the one before but for its
/// <c>sequence_number</c>, its <c>delta</c> piece and its <c>obfuscation</c> padding — same type, item, indexes and
/// nothing else that holds data (no object, no array but an empty one). The event before placed its piece; this one's
/// piece goes to the same member, so it costs three searches and a comparison instead of a read of every member. Any
/// other event (and the one after it) takes the full way.
/// </summary>
internal sealed class RepeatedDeltaEvent
{
    private static ReadOnlySpan<byte> DeltaName => "\"delta\":\""u8;
    private static ReadOnlySpan<byte> SequenceName => "\"sequence_number\":"u8;
    private static ReadOnlySpan<byte> ObfuscationName => "\"obfuscation\":\""u8;

    private byte[] _frame = new byte[512];
    private byte[] _scratch = new byte[512];
    private int _frameLength;
    private JsonObject? _target;
    private string? _member;

    /// <summary>Appends the piece when <paramref name="data"/> repeats the remembered event; false otherwise.</summary>
    public bool TryAppend(ReadOnlySpan<byte> data, TextSlots text, PieceReader pieces)
    {
        if (_target is null || !TryMask(data, out var quote, out var end, out var length)
            || !_scratch.AsSpan(0, length).SequenceEqual(_frame.AsSpan(0, _frameLength)))
        {
            return false;
        }

        var reader = new Utf8JsonReader(data[quote..end]);
        reader.Read();
        text.Append(_target, _member!, pieces.Chars(ref reader));
        return true;
    }

    /// <summary>Before the full way: what it changes is not what the remembered event saw.</summary>
    public void Forget() => _target = null;

    /// <summary>After the full way placed the event's piece in <paramref name="member"/> of <paramref name="target"/>:
    /// remembers the event when it has the repeatable shape.</summary>
    public void Remember(ReadOnlySpan<byte> data, JsonObject target, string member)
    {
        if (!TryMask(data, out _, out _, out var length))
        {
            return;
        }

        (_frame, _scratch) = (_scratch, _frame);
        _frameLength = length;
        _target = target;
        _member = member;
    }

    // Copies the event without the three varying values into the scratch buffer; [quote, end) is the delta string.
    private bool TryMask(ReadOnlySpan<byte> data, out int quote, out int end, out int length)
    {
        length = 0;
        if (!RawJsonStrings.TryFind(data, DeltaName, out quote, out end))
        {
            return false;
        }

        Span<(int Start, int End)> cuts = [(quote, end), (-1, -1), (-1, -1)];
        var sequence = data.IndexOf(SequenceName);
        if (sequence >= 0)
        {
            var start = sequence + SequenceName.Length;
            var stop = data[start..].IndexOfAny((byte)',', (byte)'}');
            if (stop < 0)
            {
                return false;
            }

            cuts[1] = (start, start + stop);
        }

        // The event already decoded as JSON, so a member that is there is terminated.
        if (RawJsonStrings.TryFind(data, ObfuscationName, out var padStart, out var padEnd))
        {
            cuts[2] = (padStart, padEnd);
        }

        cuts.Sort((a, b) => a.Start.CompareTo(b.Start));
        if (_scratch.Length < data.Length)
        {
            _scratch = new byte[Math.Max(data.Length, _scratch.Length * 2)];
        }

        var from = 0;
        foreach (var (start, stop) in cuts)
        {
            if (start < 0)
            {
                continue;
            }

            data[from..start].CopyTo(_scratch.AsSpan(length));
            length += start - from;
            from = stop;
        }

        data[from..].CopyTo(_scratch.AsSpan(length));
        length += data.Length - from;
        return HoldsNoData(_scratch.AsSpan(0, length));
    }

    // The root object only, and no array but an empty one (a brace or bracket inside a string only makes an event miss
    // the shape, never match it wrongly).
    private static bool HoldsNoData(ReadOnlySpan<byte> frame)
    {
        if (frame.Count((byte)'{') != 1)
        {
            return false;
        }

        for (var i = frame.IndexOf((byte)'['); i >= 0; i = frame[(i + 1)..].IndexOf((byte)'[') is var next and >= 0 ? i + 1 + next : -1)
        {
            if (i + 1 >= frame.Length || frame[i + 1] != ']')
            {
                return false;
            }
        }

        return true;
    }
}
