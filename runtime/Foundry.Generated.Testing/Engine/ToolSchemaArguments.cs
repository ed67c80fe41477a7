using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Foundry.Generated.Testing;

/// <summary>
/// Arguments for the emulated tool call that fit the tool's declared parameters schema, so a real tool (e.g.
/// <c>(string city) =&gt; ...</c> behind function invocation) can run on them. Deterministic: strings are the prompt,
/// numbers 1 (within minimum/maximum), booleans true, enums their first value, arrays one item, objects every declared
/// property.
/// </summary>
internal static class ToolSchemaArguments
{
    // Deep enough for real tools; stops a recursive $ref.
    private const int MaxDepth = 8;

    /// <summary>The arguments as JSON text; <c>{}</c> for a tool that declares no parameters.</summary>
    public static string For(JsonElement tool, string prompt)
    {
        var schema = SchemaOf(tool);
        var value = schema is { } s ? ValueOf(s, s, prompt, 0) : null;
        return (value as JsonObject ?? new JsonObject()).ToJsonString();
    }

    /// <summary>A value of <paramref name="schema"/> as JSON text (a structured-output answer), by the same rules.</summary>
    public static string ForSchema(JsonElement schema, string prompt)
        => ValueOf(schema, schema, prompt, 0)?.ToJsonString() ?? "null";

    /// <summary>chat: <c>function.parameters</c>; Responses (OpenAI, xAI): <c>parameters</c>; Anthropic:
    /// <c>input_schema</c>; Gemini: <c>functionDeclarations[0].parametersJsonSchema</c> or <c>.parameters</c>.</summary>
    private static JsonElement? SchemaOf(JsonElement tool)
    {
        if (tool.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (tool.TryGetProperty("function", out var function) && function.ValueKind == JsonValueKind.Object)
        {
            return Property(function, "parameters");
        }

        if (tool.TryGetProperty("functionDeclarations", out var declarations) && declarations.ValueKind == JsonValueKind.Array && declarations.GetArrayLength() > 0)
        {
            return Property(declarations[0], "parametersJsonSchema") ?? Property(declarations[0], "parameters");
        }

        return Property(tool, "parameters") ?? Property(tool, "input_schema");
    }

    private static JsonNode? ValueOf(JsonElement schema, JsonElement root, string prompt, int depth)
    {
        if (schema.ValueKind != JsonValueKind.Object || depth > MaxDepth)
        {
            // `true` or an unreadable schema accepts anything.
            return Text(prompt);
        }

        if (Property(schema, "$ref") is { ValueKind: JsonValueKind.String } reference)
        {
            return Resolve(root, reference.GetString()!) is { } target ? ValueOf(target, root, prompt, depth + 1) : Text(prompt);
        }

        foreach (var given in new[] { "const", "default" })
        {
            if (Property(schema, given) is { } value)
            {
                return JsonNode.Parse(value.GetRawText());
            }
        }

        if (Property(schema, "enum") is { ValueKind: JsonValueKind.Array } values && values.GetArrayLength() > 0)
        {
            return JsonNode.Parse(values[0].GetRawText());
        }

        foreach (var combinator in new[] { "anyOf", "oneOf", "allOf" })
        {
            if (Property(schema, combinator) is { ValueKind: JsonValueKind.Array } branches
                && branches.EnumerateArray().FirstOrDefault(b => TypeOf(b) != "null") is { ValueKind: JsonValueKind.Object } branch)
            {
                return ValueOf(branch, root, prompt, depth + 1);
            }
        }

        return TypeOf(schema) switch
        {
            "object" => ObjectOf(schema, root, prompt, depth),
            "array" => ArrayOf(schema, root, prompt, depth),
            "integer" => NumberOf(schema, integer: true),
            "number" => NumberOf(schema, integer: false),
            "boolean" => JsonValue.Create(true),
            "null" => null,
            _ => StringOf(schema, prompt),
        };
    }

    private static JsonObject ObjectOf(JsonElement schema, JsonElement root, string prompt, int depth)
    {
        var result = new JsonObject();
        if (Property(schema, "properties") is { ValueKind: JsonValueKind.Object } properties)
        {
            foreach (var property in properties.EnumerateObject())
            {
                result[property.Name] = ValueOf(property.Value, root, prompt, depth + 1);
            }
        }

        // A required name the schema does not describe still gets a value.
        if (Property(schema, "required") is { ValueKind: JsonValueKind.Array } required)
        {
            foreach (var name in required.EnumerateArray().Where(n => n.ValueKind == JsonValueKind.String).Select(n => n.GetString()!))
            {
                if (!result.ContainsKey(name))
                {
                    result[name] = Text(prompt);
                }
            }
        }

        return result;
    }

    private static JsonArray ArrayOf(JsonElement schema, JsonElement root, string prompt, int depth)
        => Property(schema, "items") is { ValueKind: JsonValueKind.Object } items ? new JsonArray(ValueOf(items, root, prompt, depth + 1)) : new JsonArray();

    private static JsonValue NumberOf(JsonElement schema, bool integer)
    {
        var value = 1m;
        if (Number(schema, "minimum") is { } minimum)
        {
            value = Math.Max(value, integer ? Math.Ceiling(minimum) : minimum);
        }

        if (Number(schema, "exclusiveMinimum") is { } above && value <= above)
        {
            value = integer ? Math.Floor(above) + 1 : above + 1;
        }

        if (Number(schema, "maximum") is { } maximum)
        {
            value = Math.Min(value, integer ? Math.Floor(maximum) : maximum);
        }

        return integer ? JsonValue.Create((long)value) : JsonValue.Create(value);
    }

    private static JsonValue StringOf(JsonElement schema, string prompt)
    {
        var format = Property(schema, "format") is { ValueKind: JsonValueKind.String } f ? f.GetString() : null;
        var text = format switch
        {
            "date" => "2026-01-01",
            "date-time" => "2026-01-01T00:00:00Z",
            "time" => "00:00:00",
            "uri" or "url" => "https://example.com/",
            "email" => "user@example.com",
            "uuid" => "00000000-0000-0000-0000-000000000000",
            _ => prompt.Length > 0 ? prompt : "text",
        };
        if (Number(schema, "maxLength") is { } max && text.Length > max)
        {
            text = text.Substring(0, (int)Math.Max(0, max));
        }

        return JsonValue.Create(text);
    }

    /// <summary>The declared type, lower case (Gemini writes <c>STRING</c>); the first that is not null of a type list.</summary>
    private static string? TypeOf(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var type = Property(schema, "type");
        if (type is { ValueKind: JsonValueKind.String })
        {
            return type.Value.GetString()!.ToLowerInvariant();
        }

        if (type is { ValueKind: JsonValueKind.Array } types)
        {
            return types.EnumerateArray().Select(t => t.ValueKind == JsonValueKind.String ? t.GetString()!.ToLowerInvariant() : null).FirstOrDefault(t => t is not null and not "null") ?? "null";
        }

        return Property(schema, "properties") is not null ? "object" : Property(schema, "items") is not null ? "array" : null;
    }

    /// <summary>A local reference (<c>#/$defs/Unit</c>) in the tool's schema.</summary>
    private static JsonElement? Resolve(JsonElement root, string reference)
    {
        if (!reference.StartsWith('#'))
        {
            return null;
        }

        var current = root;
        foreach (var segment in reference.Substring(1).Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = Uri.UnescapeDataString(segment).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (Property(current, name) is not { } next)
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    private static decimal? Number(JsonElement schema, string name)
        => Property(schema, name) is { ValueKind: JsonValueKind.Number } n && n.TryGetDecimal(out var value) ? value : null;

    private static JsonElement? Property(JsonElement element, string name)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Undefined ? value : null;

    private static JsonValue Text(string prompt) => JsonValue.Create(prompt.Length > 0 ? prompt : "text");
}
