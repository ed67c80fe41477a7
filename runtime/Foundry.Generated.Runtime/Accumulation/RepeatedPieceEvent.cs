using System;
using System.Text.Json.Nodes;

namespace Foundry.Generated.Runtime;

/// <summary>
/// An accumulator's shortcut for the commonest event: the event before again but for its piece (and its padding and,
/// where it varies freely, its sequence number; see <see cref="EventFrame"/>). The event before was merged in full and
/// put its piece into <c>member</c> of <c>target</c>; an event that repeats it appends its own piece there and is done:
/// a few comparisons of memory instead of a read of every member. Each accumulator says which events have a repeatable
/// shape (nothing in them but the piece changes what the merge builds); any other event is merged in full and forgets.
/// </summary>
internal sealed class RepeatedPieceEvent(bool cutSequenceNumber)
{
    private readonly EventFrame _frame = new(cutSequenceNumber);
    private JsonObject? _target;
    private string? _member;

    /// <summary>The remembered event without its holes' values (empty when none is remembered), for shape checks.</summary>
    public ReadOnlySpan<byte> FixedBytes => _frame.FixedBytes;

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

    /// <summary>Before a full merge: what it changes is not what the remembered event saw.</summary>
    public void Forget()
    {
        _target = null;
        _frame.Clear();
    }

    /// <summary>After a full merge that put the piece at [<paramref name="quote"/>, <paramref name="end"/>) into
    /// <paramref name="member"/> of <paramref name="target"/>: the next event is compared with this one.</summary>
    public bool Remember(ReadOnlySpan<byte> data, int quote, int end, JsonObject target, string member)
    {
        if (!_frame.Remember(data, quote, end))
        {
            Forget();
            return false;
        }

        _target = target;
        _member = member;
        return true;
    }
}
