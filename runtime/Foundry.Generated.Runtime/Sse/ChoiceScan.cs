using System;

namespace Foundry.Generated.Runtime;

/// <summary>
/// The cheap look at a chat chunk or Gemini chunk that spares the terminal check a JSON parse of every event: a few
/// vectorised searches for the property names that matter. Most chunks of a stream belong to choice 0 and carry no
/// finish reason; only the others (a finish, a second choice, parallel tool calls, odd formatting) are parsed.
/// </summary>
internal static class ChoiceScan
{
    private static ReadOnlySpan<byte> IndexKey => "index"u8;

    /// <summary>
    /// The offset just past the first occurrence of <paramref name="name"/> in quotes (<c>"name"</c>) at or after
    /// <paramref name="from"/>, or -1. Searches the bare name, which is rarer than a quote, so the vectorised search
    /// stops far less often than it would on a needle that starts with <c>"</c> (every JSON string does).
    /// </summary>
    public static int FindQuoted(ReadOnlySpan<byte> data, ReadOnlySpan<byte> name, int from = 0)
    {
        while (true)
        {
            var found = data[from..].IndexOf(name);
            if (found < 0)
            {
                return -1;
            }

            var at = from + found;
            var end = at + name.Length;
            if (at > 0 && data[at - 1] == (byte)'"' && end < data.Length && data[end] == (byte)'"')
            {
                return end + 1;
            }

            from = at + 1;
        }
    }

    /// <summary>True when <paramref name="data"/> has <paramref name="key"/> as a property name with a value other than
    /// <c>null</c> (its first occurrence).</summary>
    public static bool HasNonNullValue(ReadOnlySpan<byte> data, ReadOnlySpan<byte> key)
    {
        var at = KeyValue(data, key);
        return at >= 0 && data[at] != (byte)'n';
    }

    /// <summary>
    /// True when the chunk can be judged without parsing: every <paramref name="finishKey"/> is <c>null</c> and every
    /// <c>"index"</c> is 0 (a nested tool-call index counts too, which only sends more chunks to the parse), so at most
    /// choice 0 was seen, and none finished. <paramref name="sawChoice"/>: the <paramref name="arrayKey"/> array is
    /// not empty.
    /// </summary>
    public static bool TryQuick(ReadOnlySpan<byte> data, ReadOnlySpan<byte> arrayKey, ReadOnlySpan<byte> finishKey, out bool sawChoice)
    {
        sawChoice = false;
        var at = KeyValue(data, arrayKey);
        if (at < 0)
        {
            // No choices at all (a usage-only chunk, an error): nothing seen.
            return true;
        }

        if (data[at] != (byte)'[')
        {
            return false;
        }

        // Finish reasons and indexes live inside the array: the bytes before it need no second look.
        var choices = data[at..];
        if (!EveryValueIs(choices, finishKey, (byte)'n', "null"u8, out _) || !EveryValueIs(choices, IndexKey, (byte)'0', "0"u8, out var indexes))
        {
            return false;
        }

        if (indexes > 0)
        {
            // An index belongs to a choice (or to a tool call inside one): choice 0 is there.
            sawChoice = true;
            return true;
        }

        var rest = choices[1..].TrimStart(" \t\r\n"u8);
        sawChoice = !rest.IsEmpty && rest[0] != (byte)']';
        return true;
    }

    // Every occurrence of key used as a property name has exactly `expected` as its value (a literal followed by a
    // delimiter); false at the first other value. `count`: how many there are.
    private static bool EveryValueIs(ReadOnlySpan<byte> data, ReadOnlySpan<byte> key, byte first, ReadOnlySpan<byte> expected, out int count)
    {
        count = 0;
        var from = 0;
        while (true)
        {
            from = FindQuoted(data, key, from);
            if (from < 0)
            {
                return true;
            }

            var value = ValueAfterKey(data[from..]);
            if (value < 0)
            {
                // The same bytes as a string value ("role":"index"), not a property name.
                continue;
            }

            var rest = data[(from + value)..];
            if (rest[0] != first || !rest.StartsWith(expected) || (rest.Length > expected.Length && !IsDelimiter(rest[expected.Length])))
            {
                return false;
            }

            count++;
        }
    }

    // The offset of the value of the first occurrence of key used as a property name, or -1.
    private static int KeyValue(ReadOnlySpan<byte> data, ReadOnlySpan<byte> key)
    {
        var offset = 0;
        while (true)
        {
            offset = FindQuoted(data, key, offset);
            if (offset < 0)
            {
                return -1;
            }

            var value = ValueAfterKey(data[offset..]);
            if (value >= 0)
            {
                return offset + value;
            }
        }
    }

    // After a quoted name: the offset of the value behind `:` (white space allowed around it), or -1 when no colon follows.
    private static int ValueAfterKey(ReadOnlySpan<byte> afterName)
    {
        var i = 0;
        while (i < afterName.Length && IsWhiteSpace(afterName[i]))
        {
            i++;
        }

        if (i == afterName.Length || afterName[i] != (byte)':')
        {
            return -1;
        }

        i++;
        while (i < afterName.Length && IsWhiteSpace(afterName[i]))
        {
            i++;
        }

        return i < afterName.Length ? i : -1;
    }

    private static bool IsWhiteSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    private static bool IsDelimiter(byte b) => b is (byte)',' or (byte)'}' or (byte)']' || IsWhiteSpace(b);
}
