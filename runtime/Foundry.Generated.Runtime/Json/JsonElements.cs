using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Foundry.Generated.Runtime;

/// <summary>Lenient reads of a parsed answer: a member that is absent, null or of another kind reads as nothing.</summary>
internal static class JsonElements
{
    public static JsonElement? Property(JsonElement element, string name)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public static string? String(JsonElement element, string name)
        => Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static IEnumerable<JsonElement> Items(JsonElement element, string name)
        => Property(element, name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : Array.Empty<JsonElement>();
}
