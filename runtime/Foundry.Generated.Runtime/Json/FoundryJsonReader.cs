using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;
using System.Text.Json;

namespace Foundry.Generated.Runtime.Internal;

/// <summary>Reads one JSON value; the reader is on the value's first token and stays on its last.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate T FoundryJsonValueReader<T>(ref Utf8JsonReader reader, FoundryStringCache? strings);

/// <summary>
/// The reading helpers every generated type calls. Public only so generated code in another assembly can call them
/// (like System.Text.Json's <c>JsonMetadataServices</c>); not meant for hand-written code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class FoundryJsonReader
{
    private const JsonTokenType Null = JsonTokenType.Null;

    public static string? String(ref Utf8JsonReader reader)
        => reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null => null,
            _ => throw Unexpected(ref reader, "a string"),
        };

    /// <summary>A string that repeats from event to event (an id, a model name): taken from the stream's cache.</summary>
    public static string? RepeatedString(ref Utf8JsonReader reader, FoundryStringCache? strings)
        => strings != null && reader.TokenType == JsonTokenType.String ? strings.GetString(ref reader) : String(ref reader);

    /// <summary>
    /// The unescaped UTF-8 text of the property name or string the reader is on: the reader's own bytes in the common
    /// case, a copy only when the text is escaped or split across buffers.
    /// </summary>
    public static ReadOnlySpan<byte> Utf8Text(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            return reader.ValueSpan;
        }

        var buffer = new byte[reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length];
        return buffer.AsSpan(0, reader.CopyString(buffer));
    }

    // Integers written as 3.0 or 3e2 are accepted; a fraction or a value out of range is an error, never truncated.
    public static int Int32(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.Number
            ? (reader.TryGetInt32(out var value) ? value
                : reader.TryGetDouble(out var d) && d == Math.Floor(d) && d >= int.MinValue && d <= int.MaxValue ? (int)d
                : throw Unexpected(ref reader, "an integer (32-bit)"))
            : throw Unexpected(ref reader, "an integer");

    public static int? NullableInt32(ref Utf8JsonReader reader) => reader.TokenType == Null ? null : Int32(ref reader);

    public static long Int64(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.Number
            ? (reader.TryGetInt64(out var value) ? value
                : reader.TryGetDouble(out var d) && d == Math.Floor(d) && d >= -9.2233720368547758E+18 && d < 9.2233720368547758E+18 ? (long)d
                : throw Unexpected(ref reader, "an integer (64-bit)"))
            : throw Unexpected(ref reader, "an integer");

    public static long? NullableInt64(ref Utf8JsonReader reader) => reader.TokenType == Null ? null : Int64(ref reader);

    public static double Double(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.Number ? reader.GetDouble() : throw Unexpected(ref reader, "a number");

    public static double? NullableDouble(ref Utf8JsonReader reader) => reader.TokenType == Null ? null : Double(ref reader);

    public static bool Boolean(ref Utf8JsonReader reader)
        => reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => throw Unexpected(ref reader, "a boolean"),
        };

    public static bool? NullableBoolean(ref Utf8JsonReader reader) => reader.TokenType == Null ? null : Boolean(ref reader);

    public static JsonElement Element(ref Utf8JsonReader reader)
        => JsonElement.ParseValue(ref reader);

    public static JsonElement? NullableElement(ref Utf8JsonReader reader)
        => reader.TokenType == Null ? null : JsonElement.ParseValue(ref reader);

    public static T? Model<T>(ref Utf8JsonReader reader, FoundryStringCache? strings)
        where T : class, IFoundryJsonReadable<T>
        => reader.TokenType == Null ? null : T.ReadJson(ref reader, strings);

    public static T? NullableStruct<T>(ref Utf8JsonReader reader, FoundryStringCache? strings)
        where T : struct, IFoundryJsonReadable<T>
        => reader.TokenType == Null ? null : T.ReadJson(ref reader, strings);

    public static IReadOnlyList<T>? List<T>(ref Utf8JsonReader reader, FoundryStringCache? strings, FoundryJsonValueReader<T> read)
    {
        if (reader.TokenType == Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Unexpected(ref reader, "an array");
        }

        // Empty arrays are common in streams (logprobs: [] on every delta): share one instead of allocating.
        if (!reader.Read() || reader.TokenType == JsonTokenType.EndArray)
        {
            return Array.Empty<T>();
        }

        // One item (choices, content parts) is the common case: an exact array, not a list and its spare capacity.
        var first = read(ref reader, strings);
        if (!reader.Read() || reader.TokenType == JsonTokenType.EndArray)
        {
            return new[] { first };
        }

        var list = new List<T> { first };
        do
        {
            list.Add(read(ref reader, strings));
        }
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray);

        return list;
    }

    public static Dictionary<string, T>? Map<T>(ref Utf8JsonReader reader, FoundryStringCache? strings, FoundryJsonValueReader<T> read)
    {
        if (reader.TokenType == Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Unexpected(ref reader, "an object");
        }

        var map = new Dictionary<string, T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            reader.Read();
            map[key] = read(ref reader, strings);
        }

        return map;
    }

    /// <summary>Keeps a property the schema does not know, so it survives a round trip.</summary>
    public static void AddUnknown(ref FoundryJsonPropertyBag? bag, ref Utf8JsonReader reader)
        => FoundryJsonPropertyBag.Add(ref bag, ref reader);

    /// <summary>Whether the object the reader (a copy) is on has the top-level property, whatever its value. A union
    /// whose objects carry no <c>type</c> picks the member whose required properties are present.</summary>
    public static bool HasProperty(Utf8JsonReader reader, ReadOnlySpan<byte> property)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(property))
            {
                return true;
            }

            reader.Read();
            reader.Skip();
        }

        return false;
    }

    /// <summary>The string value of a top-level property of the object the reader (a copy) is on, or null.</summary>
    public static string? PeekString(Utf8JsonReader reader, ReadOnlySpan<byte> property)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(property);
            reader.Read();
            if (match)
            {
                return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }

            reader.Skip();
        }

        return null;
    }

    /// <summary>
    /// Finds a top-level string property of the object a copy of the reader is on, without allocating: on success
    /// <paramref name="value"/> is positioned on the string token (its bytes: <c>Utf8Text</c>).
    /// </summary>
    public static bool TryPeekProperty(Utf8JsonReader reader, ReadOnlySpan<byte> property, out Utf8JsonReader value)
    {
        value = default;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(property);
            reader.Read();
            if (match)
            {
                value = reader;
                return reader.TokenType == JsonTokenType.String;
            }

            reader.Skip();
        }

        return false;
    }

    public static void ExpectObject(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object for {typeName} but found {reader.TokenType}.");
        }
    }

    private static JsonException Unexpected(ref Utf8JsonReader reader, string expected)
        => new JsonException(reader.TokenType == JsonTokenType.Number && !reader.HasValueSequence
            ? $"Expected {expected} but found the number {(Encoding.UTF8.GetString(reader.ValueSpan))}."
            : $"Expected {expected} but found {reader.TokenType}.");
}
