using System;

namespace Foundry.Generated.Runtime;

/// <summary>
/// A string value found in an event's raw bytes without a reader, for the accumulators' repeated-event checks. A quote
/// inside a JSON string is always escaped, so the bytes <c>"name":"</c> cannot stand inside one.
/// </summary>
internal static class RawJsonStrings
{
    /// <summary>The value of the first member spelled <paramref name="nameColonQuote"/> (e.g. <c>"delta":"</c>):
    /// [<paramref name="quote"/>, <paramref name="end"/>) with its quotes. False when absent or unterminated.</summary>
    public static bool TryFind(ReadOnlySpan<byte> data, ReadOnlySpan<byte> nameColonQuote, out int quote, out int end)
    {
        quote = end = -1;
        var at = data.IndexOf(nameColonQuote);
        if (at < 0)
        {
            return false;
        }

        quote = at + nameColonQuote.Length - 1;
        end = End(data, quote);
        return end >= 0;
    }

    /// <summary>The index just past the closing quote of the string that opens at <paramref name="quote"/>, or -1.</summary>
    public static int End(ReadOnlySpan<byte> data, int quote)
    {
        var i = quote + 1;
        while (i < data.Length)
        {
            var next = data[i..].IndexOfAny((byte)'"', (byte)'\\');
            if (next < 0)
            {
                return -1;
            }

            i += next;
            if (data[i] == '"')
            {
                return i + 1;
            }

            i += 2;
        }

        return -1;
    }
}
