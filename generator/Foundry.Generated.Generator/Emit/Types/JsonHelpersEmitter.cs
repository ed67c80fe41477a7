namespace Foundry.Generated.Generator.Emit.Types;

/// <summary>The internal reading helpers every generated type uses (one file per consumer).</summary>
internal static class JsonHelpersEmitter
{
    public const string HintName = "Foundry.Generated.Internal.FoundryJsonReader.g.cs";

    public static string Emit(string rootNamespace)
    {
        var w = new SourceWriter().FileHeader();
        w.Line("namespace " + rootNamespace + ".Internal");
        w.Line("{");
        w.Indent();
        w.Line("/// <summary>Reads one JSON value; the reader is on the value's first token and stays on its last.</summary>");
        w.Line("internal delegate T FoundryJsonValueReader<T>(ref global::System.Text.Json.Utf8JsonReader reader, global::Foundry.Generated.Runtime.FoundryStringCache? strings);");
        w.Line();
        w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Foundry.Generated\", \"1.0.0\")]");
        w.Line("internal static class FoundryJsonReader");
        w.Line("{");
        w.Indent();
        foreach (var line in Body.Split('\n'))
        {
            w.Line(line.TrimEnd('\r'));
        }

        w.Unindent();
        w.Line("}");
        w.Unindent();
        w.Line("}");
        return w.ToString();
    }

    private const string Body = @"private const global::System.Text.Json.JsonTokenType Null = global::System.Text.Json.JsonTokenType.Null;

public static string? String(ref global::System.Text.Json.Utf8JsonReader reader)
    => reader.TokenType switch
    {
        global::System.Text.Json.JsonTokenType.String => reader.GetString(),
        global::System.Text.Json.JsonTokenType.Null => null,
        _ => throw Unexpected(ref reader, ""a string""),
    };

/// <summary>A string that repeats from event to event (an id, a model name): taken from the stream's cache.</summary>
public static string? RepeatedString(ref global::System.Text.Json.Utf8JsonReader reader, global::Foundry.Generated.Runtime.FoundryStringCache? strings)
    => strings != null && reader.TokenType == global::System.Text.Json.JsonTokenType.String ? strings.GetString(ref reader) : String(ref reader);

/// <summary>
/// The unescaped UTF-8 text of the property name or string the reader is on: the reader's own bytes in the common
/// case, a copy only when the text is escaped or split across buffers.
/// </summary>
public static global::System.ReadOnlySpan<byte> Utf8Text(ref global::System.Text.Json.Utf8JsonReader reader)
{
    if (!reader.ValueIsEscaped && !reader.HasValueSequence)
    {
        return reader.ValueSpan;
    }

    var buffer = new byte[reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length];
    return global::System.MemoryExtensions.AsSpan(buffer, 0, reader.CopyString(buffer));
}

// Integers written as 3.0 or 3e2 are accepted; a fraction or a value out of range is an error, never truncated.
public static int Int32(ref global::System.Text.Json.Utf8JsonReader reader)
    => reader.TokenType == global::System.Text.Json.JsonTokenType.Number
        ? (reader.TryGetInt32(out var value) ? value
            : reader.TryGetDouble(out var d) && d == global::System.Math.Floor(d) && d >= int.MinValue && d <= int.MaxValue ? (int)d
            : throw Unexpected(ref reader, ""an integer (32-bit)""))
        : throw Unexpected(ref reader, ""an integer"");

public static int? NullableInt32(ref global::System.Text.Json.Utf8JsonReader reader) => reader.TokenType == Null ? null : Int32(ref reader);

public static long Int64(ref global::System.Text.Json.Utf8JsonReader reader)
    => reader.TokenType == global::System.Text.Json.JsonTokenType.Number
        ? (reader.TryGetInt64(out var value) ? value
            : reader.TryGetDouble(out var d) && d == global::System.Math.Floor(d) && d >= -9.2233720368547758E+18 && d < 9.2233720368547758E+18 ? (long)d
            : throw Unexpected(ref reader, ""an integer (64-bit)""))
        : throw Unexpected(ref reader, ""an integer"");

public static long? NullableInt64(ref global::System.Text.Json.Utf8JsonReader reader) => reader.TokenType == Null ? null : Int64(ref reader);

public static double Double(ref global::System.Text.Json.Utf8JsonReader reader)
    => reader.TokenType == global::System.Text.Json.JsonTokenType.Number ? reader.GetDouble() : throw Unexpected(ref reader, ""a number"");

public static double? NullableDouble(ref global::System.Text.Json.Utf8JsonReader reader) => reader.TokenType == Null ? null : Double(ref reader);

public static bool Boolean(ref global::System.Text.Json.Utf8JsonReader reader)
    => reader.TokenType switch
    {
        global::System.Text.Json.JsonTokenType.True => true,
        global::System.Text.Json.JsonTokenType.False => false,
        _ => throw Unexpected(ref reader, ""a boolean""),
    };

public static bool? NullableBoolean(ref global::System.Text.Json.Utf8JsonReader reader) => reader.TokenType == Null ? null : Boolean(ref reader);

public static global::System.Text.Json.JsonElement Element(ref global::System.Text.Json.Utf8JsonReader reader)
    => global::System.Text.Json.JsonElement.ParseValue(ref reader);

public static global::System.Text.Json.JsonElement? NullableElement(ref global::System.Text.Json.Utf8JsonReader reader)
    => reader.TokenType == Null ? null : global::System.Text.Json.JsonElement.ParseValue(ref reader);

public static T? Model<T>(ref global::System.Text.Json.Utf8JsonReader reader, global::Foundry.Generated.Runtime.FoundryStringCache? strings)
    where T : class, global::Foundry.Generated.Runtime.IFoundryJsonReadable<T>
    => reader.TokenType == Null ? null : T.ReadJson(ref reader, strings);

public static T? NullableStruct<T>(ref global::System.Text.Json.Utf8JsonReader reader, global::Foundry.Generated.Runtime.FoundryStringCache? strings)
    where T : struct, global::Foundry.Generated.Runtime.IFoundryJsonReadable<T>
    => reader.TokenType == Null ? null : T.ReadJson(ref reader, strings);

public static global::System.Collections.Generic.IReadOnlyList<T>? List<T>(ref global::System.Text.Json.Utf8JsonReader reader, global::Foundry.Generated.Runtime.FoundryStringCache? strings, FoundryJsonValueReader<T> read)
{
    if (reader.TokenType == Null)
    {
        return null;
    }

    if (reader.TokenType != global::System.Text.Json.JsonTokenType.StartArray)
    {
        throw Unexpected(ref reader, ""an array"");
    }

    // Empty arrays are common in streams (logprobs: [] on every delta): share one instead of allocating.
    if (!reader.Read() || reader.TokenType == global::System.Text.Json.JsonTokenType.EndArray)
    {
        return global::System.Array.Empty<T>();
    }

    // One item (choices, content parts) is the common case: an exact array, not a list and its spare capacity.
    var first = read(ref reader, strings);
    if (!reader.Read() || reader.TokenType == global::System.Text.Json.JsonTokenType.EndArray)
    {
        return new[] { first };
    }

    var list = new global::System.Collections.Generic.List<T> { first };
    do
    {
        list.Add(read(ref reader, strings));
    }
    while (reader.Read() && reader.TokenType != global::System.Text.Json.JsonTokenType.EndArray);

    return list;
}

public static global::System.Collections.Generic.Dictionary<string, T>? Map<T>(ref global::System.Text.Json.Utf8JsonReader reader, global::Foundry.Generated.Runtime.FoundryStringCache? strings, FoundryJsonValueReader<T> read)
{
    if (reader.TokenType == Null)
    {
        return null;
    }

    if (reader.TokenType != global::System.Text.Json.JsonTokenType.StartObject)
    {
        throw Unexpected(ref reader, ""an object"");
    }

    var map = new global::System.Collections.Generic.Dictionary<string, T>();
    while (reader.Read() && reader.TokenType != global::System.Text.Json.JsonTokenType.EndObject)
    {
        var key = reader.GetString()!;
        reader.Read();
        map[key] = read(ref reader, strings);
    }

    return map;
}

/// <summary>Keeps a property the schema does not know, so it survives a round trip.</summary>
public static void AddUnknown(ref global::Foundry.Generated.Runtime.FoundryJsonPropertyBag? bag, ref global::System.Text.Json.Utf8JsonReader reader)
    => global::Foundry.Generated.Runtime.FoundryJsonPropertyBag.Add(ref bag, ref reader);

/// <summary>The string value of a top-level property of the object the reader (a copy) is on, or null.</summary>
public static string? PeekString(global::System.Text.Json.Utf8JsonReader reader, global::System.ReadOnlySpan<byte> property)
{
    if (reader.TokenType != global::System.Text.Json.JsonTokenType.StartObject)
    {
        return null;
    }

    while (reader.Read() && reader.TokenType == global::System.Text.Json.JsonTokenType.PropertyName)
    {
        var match = reader.ValueTextEquals(property);
        reader.Read();
        if (match)
        {
            return reader.TokenType == global::System.Text.Json.JsonTokenType.String ? reader.GetString() : null;
        }

        reader.Skip();
    }

    return null;
}

/// <summary>
/// Finds a top-level string property of the object a copy of the reader is on, without allocating: on success
/// <paramref name=""value""/> is positioned on the string token (its bytes: <c>Utf8Text</c>).
/// </summary>
public static bool TryPeekProperty(global::System.Text.Json.Utf8JsonReader reader, global::System.ReadOnlySpan<byte> property, out global::System.Text.Json.Utf8JsonReader value)
{
    value = default;
    if (reader.TokenType != global::System.Text.Json.JsonTokenType.StartObject)
    {
        return false;
    }

    while (reader.Read() && reader.TokenType == global::System.Text.Json.JsonTokenType.PropertyName)
    {
        var match = reader.ValueTextEquals(property);
        reader.Read();
        if (match)
        {
            value = reader;
            return reader.TokenType == global::System.Text.Json.JsonTokenType.String;
        }

        reader.Skip();
    }

    return false;
}

public static void ExpectObject(ref global::System.Text.Json.Utf8JsonReader reader, string typeName)
{
    if (reader.TokenType != global::System.Text.Json.JsonTokenType.StartObject)
    {
        throw new global::System.Text.Json.JsonException($""Expected a JSON object for {typeName} but found {reader.TokenType}."");
    }
}

private static global::System.Text.Json.JsonException Unexpected(ref global::System.Text.Json.Utf8JsonReader reader, string expected)
    => new global::System.Text.Json.JsonException(reader.TokenType == global::System.Text.Json.JsonTokenType.Number && !reader.HasValueSequence
        ? $""Expected {expected} but found the number {(global::System.Text.Encoding.UTF8.GetString(reader.ValueSpan))}.""
        : $""Expected {expected} but found {reader.TokenType}."");";
}
