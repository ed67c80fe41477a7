using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Foundry.Generated.Runtime;

/// <summary>
/// One dialect's rules for turning a stream's events (raw UTF-8 JSON, one at a time) into the route's non-streaming
/// response JSON. The rules depend on the provider's dialect only, never on the spec, so they are compiled here; the
/// generated reader of the response type reads what <see cref="WriteResponse"/> writes.
/// </summary>
internal abstract class StreamAccumulator
{
    private readonly List<JsonElement> _unknown;

    protected StreamAccumulator(List<JsonElement> unknown) => _unknown = unknown;

    /// <summary>Text pieces joined per member without copying the text so far on every piece.</summary>
    protected TextSlots Text { get; } = new();

    /// <summary>Reads pieces and known names without a string per event.</summary>
    protected PieceReader Pieces { get; } = new();

    public static StreamAccumulator For(FoundryStreamDialect dialect, List<JsonElement> unknown) => dialect switch
    {
        FoundryStreamDialect.OpenAiResponses => new ResponsesAccumulator(unknown),
        FoundryStreamDialect.OpenAiChatCompletions => new ChatCompletionsAccumulator(unknown),
        FoundryStreamDialect.AnthropicMessages => new AnthropicAccumulator(unknown),
        FoundryStreamDialect.GeminiGenerateContent => new GeminiAccumulator(unknown),
        _ => throw new ArgumentOutOfRangeException(nameof(dialect), dialect, "no accumulator for this dialect"),
    };

    /// <summary>
    /// Adds one event. An event the rules cannot place (an unknown type, a shape they do not expect) is kept whole as
    /// unknown rather than thrown: the caller's stream goes on.
    /// </summary>
    public void Accept(ReadOnlySpan<byte> data)
    {
        bool placed;
        try
        {
            placed = Add(data);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or ArgumentException or IndexOutOfRangeException)
        {
            placed = false;
        }

        if (!placed)
        {
            Keep(data);
        }
    }

    /// <summary>Writes the response built so far (text pieces included).</summary>
    public void WriteResponse(Utf8JsonWriter writer)
    {
        Text.Flush();
        Build().WriteTo(writer);
    }

    /// <summary>Places one event; false when the event is not one the dialect knows.</summary>
    protected abstract bool Add(ReadOnlySpan<byte> data);

    /// <summary>The response so far. Called after <see cref="TextSlots.Flush"/>; may return live state (it is only written).</summary>
    protected abstract JsonNode Build();

    private void Keep(ReadOnlySpan<byte> data)
    {
        using var document = JsonDocument.Parse(data.ToArray());
        _unknown.Add(document.RootElement.Clone());
    }

    protected static JsonObject ParseObject(ReadOnlySpan<byte> data)
    {
        var reader = new Utf8JsonReader(data);
        return JsonNode.Parse(ref reader) as JsonObject ?? throw new JsonException("the event is not a JSON object");
    }

    /// <summary>The element at <paramref name="index"/>, the array grown with empty objects as needed.</summary>
    protected static JsonObject At(JsonArray array, int index)
    {
        if (index < 0 || index > 100_000)
        {
            throw new ArgumentException($"index {index} out of range");
        }

        while (array.Count <= index)
        {
            array.Add((JsonNode)new JsonObject());
        }

        if (array[index] is JsonObject o)
        {
            return o;
        }

        var created = new JsonObject();
        array[index] = created;
        return created;
    }

    /// <summary>Puts <paramref name="value"/> at <paramref name="index"/>, growing the array with empty objects.</summary>
    protected static void Put(JsonArray array, int index, JsonNode? value)
    {
        At(array, index);
        array[index] = value;
    }

    protected static JsonArray ArrayOf(JsonObject owner, string name) => JsonNodes.ArrayOf(owner, name);

    protected static JsonObject ObjectOf(JsonObject owner, string name) => JsonNodes.ObjectOf(owner, name);

    /// <summary>Detaches a node from the event it came in, so it can be placed in the response.</summary>
    protected static JsonNode? Take(JsonObject owner, string name)
    {
        if (!owner.TryGetPropertyValue(name, out var node))
        {
            return null;
        }

        owner.Remove(name);
        return node;
    }

    protected static int Int(JsonObject owner, string name)
        => owner[name] is JsonValue v && v.TryGetValue<int>(out var i) ? i : 0;

    protected static string? String(JsonObject owner, string name)
        => owner[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>Moves every element of <paramref name="from"/> to the end of <paramref name="to"/>.</summary>
    protected static void MoveAll(JsonArray from, JsonArray to)
    {
        while (from.Count > 0)
        {
            var entry = from[0];
            from.RemoveAt(0);
            to.Add(entry);
        }
    }
}
