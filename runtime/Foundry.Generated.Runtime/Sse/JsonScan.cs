using System;
using System.Text.Json;

namespace Foundry.Generated.Runtime;

/// <summary>
/// The few forward-only moves over one event's UTF-8 JSON that the stream dialects share: no document is built, and
/// a reader stops as soon as it has what it came for.
/// </summary>
internal static class JsonScan
{
    /// <summary>Reads a value that holds the text; sets <paramref name="piece"/> when the text is one string.</summary>
    public delegate string? ValueReader(ref Utf8JsonReader reader, ref PieceToken piece);

    /// <summary>A reader on the event's opening brace; an event that is not a JSON object is invalid.</summary>
    public static Utf8JsonReader Start(ReadOnlySpan<byte> data)
    {
        var reader = new Utf8JsonReader(data);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("the event is not a JSON object");
        }

        return reader;
    }

    public static bool NextProperty(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType == JsonTokenType.PropertyName;

    /// <summary>Skips to the next property called <paramref name="name"/> whose value starts with
    /// <paramref name="token"/> and leaves the reader on that value; false at the object's end.</summary>
    public static bool SeekProperty(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, JsonTokenType token)
    {
        while (NextProperty(ref reader))
        {
            var match = reader.ValueTextEquals(name);
            reader.Read();
            if (match && reader.TokenType == token)
            {
                return true;
            }

            reader.Skip();
        }

        return false;
    }

    /// <summary>On a property name: skips its value.</summary>
    public static void SkipValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }

    /// <summary>On a value: its string, or null after skipping anything else.</summary>
    public static string? StringOrSkip(ref Utf8JsonReader reader)
    {
        PieceToken unused = default;
        return StringOrSkip(ref reader, ref unused);
    }

    /// <summary>On a value: its string (where it stands in <paramref name="piece"/>), or null after skipping anything else.</summary>
    public static string? StringOrSkip(ref Utf8JsonReader reader, ref PieceToken piece)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            piece.Set(reader);
            return reader.GetString();
        }

        reader.Skip();
        return null;
    }

    /// <summary>On an object: the string value of one property (null if absent or not a string; where it stands in
    /// <paramref name="piece"/>); reads to the object's end.</summary>
    public static string? StringProperty(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, ref PieceToken piece)
    {
        string? value = null;
        while (NextProperty(ref reader))
        {
            var match = reader.ValueTextEquals(name);
            reader.Read();
            if (match && reader.TokenType == JsonTokenType.String)
            {
                piece.Set(reader);
                value = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }

        return value;
    }

    /// <summary>
    /// The <c>delta</c> of an event <c>{"type": type, …, "delta": …}</c>, read by <paramref name="readDelta"/>, or
    /// null for another type. "type" comes first in practice; a delta before it is kept until the type is known.
    /// </summary>
    public static string? TypedDelta(ReadOnlySpan<byte> data, ReadOnlySpan<byte> type, ValueReader readDelta, ref PieceToken piece)
    {
        var reader = Start(data);
        bool? matches = null;
        string? delta = null;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                matches = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(type);
                if (matches == false || delta != null)
                {
                    return matches == true ? delta : null;
                }
            }
            else if (reader.ValueTextEquals("delta"u8))
            {
                reader.Read();
                delta = readDelta(ref reader, ref piece);
                if (matches == true)
                {
                    return delta;
                }
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        return null;
    }

    /// <summary>Which of the given strings the object's top-level <c>type</c> is (0, 1 or 2), or -1; reads only up to
    /// <c>type</c>, which comes first in practice. Never throws: a broken event says nothing here.</summary>
    public static int TopLevelTypeIs(ReadOnlySpan<byte> data, ReadOnlySpan<byte> type, ReadOnlySpan<byte> other = default, ReadOnlySpan<byte> third = default)
    {
        try
        {
            var reader = new Utf8JsonReader(data);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return -1;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isType = reader.ValueTextEquals("type"u8);
                reader.Read();
                if (isType)
                {
                    return reader.TokenType != JsonTokenType.String ? -1
                        : reader.ValueTextEquals(type) ? 0
                        : !other.IsEmpty && reader.ValueTextEquals(other) ? 1
                        : !third.IsEmpty && reader.ValueTextEquals(third) ? 2
                        : -1;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }

        return -1;
    }
}
