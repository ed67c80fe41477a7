using System;
using System.Text.Json;

namespace Foundry.Generated.Runtime;

/// <summary>
/// The text stream's shortcut: an event of the same SSE type that repeats the event before but for its text piece (and
/// its padding and sequence number, see <see cref="EventFrame"/>) carries the same structure, so its text stands where
/// the event before had its own, and it says nothing new about the stream's end or an error. Only events whose full
/// read yielded text and no terminal signal are remembered; any other event is read in full and forgets the frame.
/// </summary>
internal sealed class RepeatedTextEvent
{
    private readonly EventFrame _frame = new();
    private string? _eventType;

    /// <summary>Events read by the shortcut so far (for tests on recorded streams).</summary>
    public int Hits { get; private set; }

    /// <summary>The text of <paramref name="data"/> when it repeats the remembered event; false otherwise.</summary>
    public bool TryRead(string eventType, ReadOnlySpan<byte> data, out string? text)
    {
        text = null;
        if (!_frame.IsSet || eventType != _eventType || !_frame.TryMatch(data, out var start, out var end))
        {
            return false;
        }

        var reader = new Utf8JsonReader(data[start..end]);
        reader.Read();
        text = reader.GetString();
        Hits++;
        return true;
    }

    /// <summary>After a full read that found the text at <paramref name="piece"/> and no terminal signal.</summary>
    public void Remember(string eventType, ReadOnlySpan<byte> data, in PieceToken piece)
    {
        _frame.Clear();
        if (piece.Found && _frame.Remember(data, piece.Start, piece.End))
        {
            _eventType = eventType;
        }
    }

    /// <summary>After any other event: the next is read in full.</summary>
    public void Forget() => _frame.Clear();
}
