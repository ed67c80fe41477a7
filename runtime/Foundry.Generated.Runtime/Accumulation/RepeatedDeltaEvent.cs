using System;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Foundry.Generated.Runtime;

/// <summary>
/// The common Responses event, recognised from its bytes: a delta event that repeats the one before but for its
/// <c>sequence_number</c>, its <c>delta</c> piece and its <c>obfuscation</c> padding — same type, item, indexes and
/// nothing else that holds data (no object, no array but an empty one). The event before placed its piece; this one's
/// piece goes to the same member, so it costs a few comparisons of memory (<see cref="EventFrame"/>) instead of a read
/// of every member. Any other event (and the one after it) takes the full way.
/// </summary>
internal sealed class RepeatedDeltaEvent
{
    private static ReadOnlySpan<byte> DeltaName => "\"delta\":\""u8;

    private readonly EventFrame _frame = new();
    private JsonObject? _target;
    private string? _member;

    /// <summary>Appends the piece when <paramref name="data"/> repeats the remembered event; false otherwise.</summary>
    public bool TryAppend(ReadOnlySpan<byte> data, TextSlots text, PieceReader pieces)
    {
        if (_target is null || !_frame.TryMatch(data, out var quote, out var end))
        {
            return false;
        }

        text.Append(_target, _member!, pieces.Chars(data[quote..end]));
        return true;
    }

    /// <summary>Before the full way: what it changes is not what the remembered event saw.</summary>
    public void Forget()
    {
        _target = null;
        _frame.Clear();
    }

    /// <summary>After the full way placed the event's piece in <paramref name="member"/> of <paramref name="target"/>:
    /// remembers the event when it has the repeatable shape.</summary>
    public void Remember(ReadOnlySpan<byte> data, JsonObject target, string member)
    {
        if (RawJsonStrings.TryFind(data, DeltaName, out var quote, out var end) && _frame.Remember(data, quote, end) && HoldsNoData(_frame.FixedBytes))
        {
            _target = target;
            _member = member;
        }
        else
        {
            Forget();
        }
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
