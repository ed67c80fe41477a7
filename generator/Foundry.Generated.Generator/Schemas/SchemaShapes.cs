using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Foundry.Generated.Generator.OpenApi;

namespace Foundry.Generated.Generator.Schemas;

/// <summary>What a schema's JSON says about its shape: its kind of type, a union's members and discriminator, its primary
/// type; read straight from the JSON, no state.</summary>
internal static class SchemaShapes
{
    public static TypeModelKind? KindOf(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (SpecJson.Has(schema, "discriminator") && SpecJson.Has(schema, "oneOf"))
        {
            return TypeModelKind.DiscriminatedUnion;
        }

        if (UnionMembers(schema) is { } members)
        {
            return members.Count(m => !IsNull(m)) >= 2 ? TypeModelKind.Union : null;
        }

        if (SpecJson.Array(schema, "enum") is { } values && values.All(v => v.ValueKind == JsonValueKind.String) && !SpecJson.Has(schema, "const"))
        {
            return TypeModelKind.Enum;
        }

        if (SpecJson.Has(schema, "properties") || SpecJson.Has(schema, "allOf"))
        {
            return TypeModelKind.Record;
        }

        return null;
    }

    public static string DiscriminatorProperty(JsonElement schema)
        => SpecJson.Object(schema, "discriminator") is { } d ? SpecJson.String(d, "propertyName") ?? "type" : "type";

    public static List<(string Value, string Target)> Mapping(JsonElement schema)
    {
        var result = new List<(string, string)>();
        if (SpecJson.Object(schema, "discriminator") is { } d)
        {
            foreach (var pair in SpecJson.Properties(d, "mapping"))
            {
                if (pair.Value.ValueKind == JsonValueKind.String && SpecDocument.SchemaName(pair.Value.GetString()!) is { } target)
                {
                    result.Add((pair.Name, target));
                }
            }
        }

        return result;
    }

    public static List<JsonElement>? UnionMembers(JsonElement schema) => UnionMembersWithKeyword(schema).Members;

    public static (string Keyword, List<JsonElement>? Members) UnionMembersWithKeyword(JsonElement schema)
    {
        foreach (var keyword in new[] { "oneOf", "anyOf" })
        {
            if (SpecJson.Array(schema, keyword) is { } members)
            {
                return (keyword, members);
            }
        }

        return ("oneOf", null);
    }

    public static bool IsNull(JsonElement schema) => SpecJson.String(schema, "type") == "null";

    public static (string? Kind, bool Nullable) PrimaryType(JsonElement schema)
    {
        switch (SpecJson.Get(schema, "type"))
        {
            case { ValueKind: JsonValueKind.String } type:
                return (type.GetString(), false);
            case { ValueKind: JsonValueKind.Array } types:
                var names = types.EnumerateArray().Select(t => t.ValueKind == JsonValueKind.String ? t.GetString() : null).ToList();
                var nonNull = names.Where(t => t != "null").ToList();
                return (nonNull.Count == 1 ? nonNull[0] : null, names.Contains("null"));
            default:
                return (null, false);
        }
    }

    public static bool IsInt64(JsonElement schema)
    {
        if (SpecJson.String(schema, "format") is "int64" or "unixtime")
        {
            return true;
        }

        foreach (var bound in new[] { "maximum", "minimum" })
        {
            if (SpecJson.Get(schema, bound) is { ValueKind: JsonValueKind.Number } b && (!b.TryGetInt64(out var v) || v > int.MaxValue || v < int.MinValue))
            {
                return true;
            }
        }

        return false;
    }
}
