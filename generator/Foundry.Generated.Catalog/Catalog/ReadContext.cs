using System.Collections.Generic;
using System.Text.Json;
using Foundry.Generated.Catalog.Json;

namespace Foundry.Generated.Catalog;

/// <summary>Collects problems while reading, each located in the original text.</summary>
internal sealed class ReadContext
{
    private readonly string _text;

    public ReadContext(string text)
    {
        _text = text;
    }

    public List<CatalogProblem> Problems { get; } = new List<CatalogProblem>();

    public void Report(CatalogProblemKind kind, string message, string pointer)
        => Problems.Add(new CatalogProblem(kind, message, pointer, JsonLocator.Locate(_text, pointer)));

    public string? RequiredString(JsonElement obj, string name, string pointer)
    {
        if (obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0)
        {
            return value.GetString();
        }

        Report(CatalogProblemKind.InvalidEntry, $"'{name}' must be a non-empty string", obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out _) ? pointer + "/" + name : pointer);
        return null;
    }

    public string? OptionalString(JsonElement obj, string name)
        => obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public bool? OptionalBool(JsonElement obj, string name)
        => obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && (value.ValueKind == JsonValueKind.True || value.ValueKind == JsonValueKind.False)
            ? value.GetBoolean()
            : null;

    public int? OptionalInt(JsonElement obj, string name)
        => obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var i) ? i : null;

    public JsonElement? RequiredArray(JsonElement obj, string name, string pointer)
    {
        if (obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array)
        {
            return value;
        }

        Report(CatalogProblemKind.InvalidEntry, $"'{name}' must be an array", pointer);
        return null;
    }
}
