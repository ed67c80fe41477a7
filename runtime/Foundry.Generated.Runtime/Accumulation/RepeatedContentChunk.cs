using System;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Foundry.Generated.Runtime;

/// <summary>
/// The common chat chunk, recognised from its bytes: the previous chunk again but for its <c>delta.content</c> piece
/// (and <c>obfuscation</c>, each chunk's random padding) — same id, model, created and choice, a delta holding only
/// <c>content</c>, no second choice, logprobs object, usage object or tool call. Everything such a chunk holds besides
/// the piece is a member whose last value stands, already set by the previous chunk, so appending the piece is the
/// whole merge (<see cref="EventFrame"/>: a few comparisons of memory instead of reading every member). Any other chunk
/// (and the one after it) takes the full merge.
/// </summary>
internal sealed class RepeatedContentChunk
{
    private static ReadOnlySpan<byte> ContentStart => "\"delta\":{\"content\":\""u8;

    // A chunk member that changes (a sequence number some servers might add) must take the full merge: its last value stands.
    private readonly EventFrame _frame = new(cutSequenceNumber: false);
    private JsonObject? _message;

    /// <summary>Appends the piece when <paramref name="data"/> repeats the remembered chunk; false otherwise.</summary>
    public bool TryAppend(ReadOnlySpan<byte> data, TextSlots text, PieceReader pieces)
    {
        if (_message is null || !_frame.TryMatch(data, out var quote, out var end))
        {
            return false;
        }

        text.Append(_message, "content", pieces.Chars(data[quote..end]));
        return true;
    }

    /// <summary>Before a full merge: what it changes is not what the remembered chunk saw.</summary>
    public void Forget()
    {
        _message = null;
        _frame.Clear();
    }

    /// <summary>After a full merge (and <see cref="Forget"/> before it): remembers the chunk when it has the
    /// repeatable shape (its choice's message is <paramref name="message"/>), so the next chunk is compared with this
    /// one; any other chunk leaves nothing remembered, and the next is merged in full.</summary>
    public void Remember(ReadOnlySpan<byte> data, JsonObject? message)
    {
        if (message is not null && TrySplit(data, out var quote, out var end) && _frame.Remember(data, quote, end))
        {
            _message = message;
        }
    }

    // The piece is the JSON string at [quote, end) (quotes included). The shape: before it only the root, the choices
    // array, one choice and the delta open; after it the delta closes at once and nothing opens. A brace or bracket
    // inside a string only makes a chunk miss the shape (and take the full merge), never match it wrongly.
    private static bool TrySplit(ReadOnlySpan<byte> data, out int quote, out int end)
    {
        if (!RawJsonStrings.TryFind(data, ContentStart, out quote, out end) || end >= data.Length || data[end] != '}')
        {
            return false;
        }

        var prefix = data[..quote];
        return prefix.Count((byte)'{') == 3 && prefix.Count((byte)'[') == 1 && data[end..].IndexOfAny((byte)'{', (byte)'[') < 0;
    }
}
