using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Foundry.Generated.Runtime;

/// <summary>
/// The properties of a JSON object that its schema does not describe, as read from the wire. Reading keeps their
/// raw JSON in one small buffer; <see cref="JsonElement"/> values are made only when the dictionary is first used.
/// Streams repeat such properties on every event (e.g. OpenAI's <c>obfuscation</c>), and parsing each into its own
/// <see cref="JsonDocument"/> and dictionary cost more than the rest of the event.
/// </summary>
public sealed class FoundryJsonPropertyBag : IDictionary<string, JsonElement>, IReadOnlyDictionary<string, JsonElement>
{
    // '{' + ("name":value)(,"name":value)* ; closed with '}' when materialised.
    private byte[] _json = [];
    private int _length;
    private Dictionary<string, JsonElement>? _values;

    /// <summary>Appends the property the reader is on (its name; the value is read and skipped).</summary>
    public static void Add(ref FoundryJsonPropertyBag? bag, ref Utf8JsonReader reader)
    {
        bag ??= new FoundryJsonPropertyBag();
        bag.Append(ref reader);
    }

    private void Append(ref Utf8JsonReader reader)
    {
        if (_values is not null || reader.HasValueSequence)
        {
            // Already materialised, or a name split across buffer segments: the plain (slower) way.
            var name = reader.GetString()!;
            reader.Read();
            Values[name] = JsonElement.ParseValue(ref reader);
            return;
        }

        var rawName = reader.ValueSpan;
        reader.Read();
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray || reader.HasValueSequence)
        {
            // Nested values are rare; copy them through a document once.
            using var document = JsonDocument.ParseValue(ref reader);
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                document.RootElement.WriteTo(writer);
            }

            AppendEntry(rawName, buffer.WrittenSpan, quoted: false);
            return;
        }

        AppendEntry(rawName, reader.ValueSpan, quoted: reader.TokenType == JsonTokenType.String);
    }

    // Raw spans keep their JSON escaping, so copying them between quotes is valid JSON.
    private void AppendEntry(ReadOnlySpan<byte> rawName, ReadOnlySpan<byte> rawValue, bool quoted)
    {
        var needed = _length + rawName.Length + rawValue.Length + 8;
        if (needed > _json.Length)
        {
            Array.Resize(ref _json, Math.Max(needed, _json.Length * 2));
        }

        _json[_length] = _length == 0 ? (byte)'{' : (byte)',';
        _length++;
        _json[_length++] = (byte)'"';
        rawName.CopyTo(_json.AsSpan(_length));
        _length += rawName.Length;
        _json[_length++] = (byte)'"';
        _json[_length++] = (byte)':';
        if (quoted)
        {
            _json[_length++] = (byte)'"';
        }

        rawValue.CopyTo(_json.AsSpan(_length));
        _length += rawValue.Length;
        if (quoted)
        {
            _json[_length++] = (byte)'"';
        }
    }

    private Dictionary<string, JsonElement> Values
    {
        get
        {
            if (_values is null)
            {
                var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                if (_length > 0)
                {
                    var text = new byte[_length + 1];
                    _json.AsSpan(0, _length).CopyTo(text);
                    text[_length] = (byte)'}';
                    using var document = JsonDocument.Parse(text);
                    foreach (var property in document.RootElement.EnumerateObject())
                    {
                        values[property.Name] = property.Value.Clone();
                    }
                }

                _values = values;
                _json = [];
                _length = 0;
            }

            return _values;
        }
    }

    public JsonElement this[string key]
    {
        get => Values[key];
        set => Values[key] = value;
    }

    public ICollection<string> Keys => Values.Keys;

    ICollection<JsonElement> IDictionary<string, JsonElement>.Values => Values.Values;

    IEnumerable<string> IReadOnlyDictionary<string, JsonElement>.Keys => Values.Keys;

    IEnumerable<JsonElement> IReadOnlyDictionary<string, JsonElement>.Values => Values.Values;

    public int Count => Values.Count;

    public bool IsReadOnly => false;

    public void Add(string key, JsonElement value) => Values.Add(key, value);

    public void Add(KeyValuePair<string, JsonElement> item) => Values.Add(item.Key, item.Value);

    public void Clear() => Values.Clear();

    public bool Contains(KeyValuePair<string, JsonElement> item) => ((ICollection<KeyValuePair<string, JsonElement>>)Values).Contains(item);

    public bool ContainsKey(string key) => Values.ContainsKey(key);

    public void CopyTo(KeyValuePair<string, JsonElement>[] array, int arrayIndex) => ((ICollection<KeyValuePair<string, JsonElement>>)Values).CopyTo(array, arrayIndex);

    public IEnumerator<KeyValuePair<string, JsonElement>> GetEnumerator() => Values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Remove(string key) => Values.Remove(key);

    public bool Remove(KeyValuePair<string, JsonElement> item) => ((ICollection<KeyValuePair<string, JsonElement>>)Values).Remove(item);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out JsonElement value) => Values.TryGetValue(key, out value);
}
