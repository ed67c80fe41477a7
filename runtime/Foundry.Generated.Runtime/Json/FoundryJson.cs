using System;
using System.Buffers;
using System.Text.Json;

namespace Foundry.Generated.Runtime;

/// <summary>Serialises and deserialises generated types without reflection.</summary>
public static class FoundryJson
{
    /// <summary>
    /// API payloads, not HTML: non-ASCII text stays as UTF-8 instead of \uXXXX escapes (smaller requests,
    /// readable logs), while JSON-significant characters are still escaped.
    /// </summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] SerializeToUtf8Bytes<T>(T value, FoundryWireOptions? options = null)
        where T : IFoundryJsonWritable
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            value.WriteJson(writer, options ?? FoundryWireOptions.Default);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static string Serialize<T>(T value, FoundryWireOptions? options = null)
        where T : IFoundryJsonWritable
        => System.Text.Encoding.UTF8.GetString(SerializeToUtf8Bytes(value, options));

    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json)
        where T : IFoundryJsonReadable<T>
    {
        var reader = new Utf8JsonReader(utf8Json);
        if (!reader.Read())
        {
            throw new JsonException("Empty JSON.");
        }

        return T.ReadJson(ref reader);
    }

    public static T Deserialize<T>(string json)
        where T : IFoundryJsonReadable<T>
        => Deserialize<T>(System.Text.Encoding.UTF8.GetBytes(json));
}
