using System;
using System.Text.Json;

namespace Foundry.Generated.Runtime;

/// <summary>
/// Returns the same string for the same UTF-8 bytes: ids, model names and fingerprints repeat on every event of a
/// stream, so each is allocated once instead of once per event. One instance per stream; not thread-safe.
/// </summary>
/// <remarks>
/// A small direct-mapped table. The slot comes from the length and three bytes of the value; a hit compares the
/// stored bytes in full, and a different value landing in the same slot replaces it, so the cache never grows and
/// never returns a wrong string. Escaped, split, empty and long values bypass it.
/// </remarks>
public sealed class FoundryStringCache
{
    private const int Slots = 16;
    private const int MaxBytes = 64;

    private readonly string?[] _values = new string?[Slots];
    private readonly byte[] _lengths = new byte[Slots];
    private readonly byte[] _bytes = new byte[Slots * MaxBytes];

    /// <summary>The value of the string token <paramref name="reader"/> is on.</summary>
    public string GetString(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return reader.GetString()!;
        }

        var span = reader.ValueSpan;
        if (span.IsEmpty || span.Length > MaxBytes)
        {
            return reader.GetString()!;
        }

        var slot = Slot(span);
        var stored = _bytes.AsSpan(slot * MaxBytes, MaxBytes);
        if (_values[slot] is { } cached && _lengths[slot] == span.Length && span.SequenceEqual(stored[..span.Length]))
        {
            return cached;
        }

        var value = reader.GetString()!;
        span.CopyTo(stored);
        _lengths[slot] = (byte)span.Length;
        _values[slot] = value;
        return value;
    }

    private static int Slot(ReadOnlySpan<byte> span)
    {
        var hash = (uint)span.Length * 0x9E3779B1u;
        hash ^= span[0] * 31u + span[span.Length >> 1] * 131u + span[^1] * 1031u;
        hash ^= hash >> 15;
        return (int)(hash & (Slots - 1));
    }
}
