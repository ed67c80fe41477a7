using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Foundry.Generated.Runtime;

/// <summary>
/// Members whose last non-null value stands (usage that grows chunk by chunk, ids, finish reasons), kept as their raw
/// JSON and parsed only when the response is built: a value that repeats costs a comparison, a new one a copy of its
/// bytes, never a tree per event.
/// </summary>
internal sealed class LastValues
{
    private static readonly byte[] Null = "null"u8.ToArray();
    private readonly Dictionary<string, byte[]> _raw = new();

    /// <summary>Keeps the value the reader is on (of the event <paramref name="data"/>); a null never replaces a value.</summary>
    public void Keep(string name, ref Utf8JsonReader reader, ReadOnlySpan<byte> data)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            _raw.TryAdd(name, Null);
            return;
        }

        var start = checked((int)reader.TokenStartIndex);
        reader.Skip();
        var value = data[start..checked((int)reader.BytesConsumed)];
        if (!_raw.TryGetValue(name, out var kept) || !value.SequenceEqual(kept))
        {
            _raw[name] = value.ToArray();
        }
    }

    /// <summary>Sets every kept member on <paramref name="into"/>.</summary>
    public void WriteTo(JsonObject into)
    {
        foreach (var (name, raw) in _raw)
        {
            into[name] = JsonNode.Parse(raw);
        }
    }
}
