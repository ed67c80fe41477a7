using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Foundry.Generated.Generator.OpenApi;

/// <summary>
/// Reading the spec's JSON without assuming its shape: a keyword holding the wrong kind of value (<c>"required": "x"</c>,
/// <c>"discriminator": 1</c>) reads as absent instead of throwing, so valid JSON never crashes the generator.
/// </summary>
internal static class SpecJson
{
    /// <summary>The value of <paramref name="name"/> when <paramref name="element"/> is an object that has it.</summary>
    public static JsonElement? Get(JsonElement element, string name)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;

    public static bool Has(JsonElement element, string name) => Get(element, name) != null;

    /// <summary>The string value of <paramref name="name"/>, or null when absent or not a string.</summary>
    public static string? String(JsonElement element, string name)
        => Get(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    /// <summary>The value of <paramref name="name"/> when it is an object.</summary>
    public static JsonElement? Object(JsonElement element, string name)
        => Get(element, name) is { ValueKind: JsonValueKind.Object } value ? value : null;

    /// <summary>The members of the object at <paramref name="name"/> (none when absent or not an object).</summary>
    public static IEnumerable<JsonProperty> Properties(JsonElement element, string name)
        => Object(element, name) is { } value ? value.EnumerateObject() : Enumerable.Empty<JsonProperty>();

    /// <summary>The items of the array at <paramref name="name"/> (none when absent or not an array).</summary>
    public static IEnumerable<JsonElement> Items(JsonElement element, string name)
        => Get(element, name) is { ValueKind: JsonValueKind.Array } value ? value.EnumerateArray() : Enumerable.Empty<JsonElement>();

    /// <summary>The array at <paramref name="name"/>, or null when absent or not an array.</summary>
    public static List<JsonElement>? Array(JsonElement element, string name)
        => Get(element, name) is { ValueKind: JsonValueKind.Array } value ? value.EnumerateArray().ToList() : null;

    public static bool IsTrue(JsonElement element, string name) => Get(element, name) is { ValueKind: JsonValueKind.True };
}
