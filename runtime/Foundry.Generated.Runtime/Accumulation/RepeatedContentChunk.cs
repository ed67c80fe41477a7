using System;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Foundry.Generated.Runtime;

/// <summary>
/// The common chat chunk, recognised from its bytes: the previous chunk again but for its <c>delta.content</c> piece —
/// same id, model, created and choice, a delta holding only <c>content</c>, no second choice, logprobs object, usage
/// object or tool call. Everything such a chunk holds besides the piece is a member whose last value stands, already
/// set by the previous chunk, so appending the piece is the whole merge: a search and two byte comparisons instead of
/// reading every member. Any other chunk (and the one after it) takes the full merge. <c>obfuscation</c>, each
/// chunk's random padding, is left out of the comparison.
/// </summary>
internal sealed class RepeatedContentChunk
{
    private static ReadOnlySpan<byte> ContentStart => "\"delta\":{\"content\":\""u8;
    private static ReadOnlySpan<byte> Obfuscation => "\"obfuscation\":\""u8;

    // The previous chunk's bytes around its piece: prefix, then the suffix without the obfuscation value.
    private byte[] _frame = new byte[512];
    private int _prefixLength;
    private int _frameLength;
    private JsonObject? _message;

    /// <summary>Appends the piece when <paramref name="data"/> repeats the remembered chunk; false otherwise.</summary>
    public bool TryAppend(ReadOnlySpan<byte> data, TextSlots text, PieceReader pieces)
    {
        if (_message is null || !TrySplit(data, out var quote, out var end) || !SameFrame(data, quote, end))
        {
            return false;
        }

        var reader = new Utf8JsonReader(data[quote..end]);
        reader.Read();
        text.Append(_message, "content", pieces.Chars(ref reader));
        return true;
    }

    /// <summary>Before a full merge: what it changes is not what the remembered chunk saw.</summary>
    public void Forget() => _message = null;

    /// <summary>After a full merge (and <see cref="Forget"/> before it): remembers the chunk when it has the
    /// repeatable shape (its choice's message is <paramref name="message"/>), so the next chunk is compared with this
    /// one; any other chunk leaves nothing remembered, and the next is merged in full.</summary>
    public void Remember(ReadOnlySpan<byte> data, JsonObject? message)
    {
        if (message is null || !TrySplit(data, out var quote, out var end))
        {
            return;
        }

        SuffixParts(data[end..], out var head, out var tail);
        _frameLength = quote + head.Length + tail.Length;
        if (_frame.Length < _frameLength)
        {
            _frame = new byte[Math.Max(_frameLength, _frame.Length * 2)];
        }

        data[..quote].CopyTo(_frame);
        head.CopyTo(_frame.AsSpan(quote));
        tail.CopyTo(_frame.AsSpan(quote + head.Length));
        _prefixLength = quote;
        _message = message;
    }

    private bool SameFrame(ReadOnlySpan<byte> data, int quote, int end)
    {
        var frame = _frame.AsSpan(0, _frameLength);
        if (quote != _prefixLength || !data[..quote].SequenceEqual(frame[..quote]))
        {
            return false;
        }

        SuffixParts(data[end..], out var head, out var tail);
        var rest = frame[quote..];
        return head.Length + tail.Length == rest.Length && head.SequenceEqual(rest[..head.Length]) && tail.SequenceEqual(rest[head.Length..]);
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

    // The suffix around the obfuscation member's value (its random padding), or the whole suffix and nothing.
    private static void SuffixParts(ReadOnlySpan<byte> suffix, out ReadOnlySpan<byte> head, out ReadOnlySpan<byte> tail)
    {
        head = suffix;
        tail = default;
        if (RawJsonStrings.TryFind(suffix, Obfuscation, out var quote, out var end))
        {
            head = suffix[..quote];
            tail = suffix[end..];
        }
    }
}
