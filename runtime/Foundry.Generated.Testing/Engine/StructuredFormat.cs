using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Foundry.Generated.Testing;

/// <summary>
/// A request's structured-output format, per route: Responses <c>text.format</c>, chat <c>response_format</c>,
/// Anthropic <c>output_config.format</c>, Gemini <c>generationConfig.responseJsonSchema</c>. The emulator answers with
/// JSON that fits the schema (<see cref="ToolSchemaArguments"/>) and refuses a malformed format as the provider would.
/// </summary>
internal static class StructuredFormat
{
    private static readonly Regex SchemaName = new("^[a-zA-Z0-9_-]{1,64}$", RegexOptions.CultureInvariant);

    /// <summary>The schema the answer must fit, or null when the request asks for no structured output.</summary>
    public static JsonElement? SchemaOf(string route, JsonElement body) => Find(route, body) is { Problem: null, Schema: { } schema } ? schema : null;

    /// <summary>What is wrong with the request's format field, or null when it is absent or well formed.</summary>
    public static string? Check(string route, JsonElement body) => Find(route, body).Problem;

    private static (JsonElement? Schema, string? Problem) Find(string route, JsonElement body)
    {
        switch (Runtime.FoundryRoutes.GetStreamDialect(route))
        {
            case Runtime.FoundryStreamDialect.OpenAiResponses:
                if (Property(body, "text") is not { } text || Property(text, "format") is not { } format)
                {
                    return (null, null);
                }

                return OpenAi(format, "text.format", format);
            case Runtime.FoundryStreamDialect.OpenAiChatCompletions:
                if (Property(body, "response_format") is not { } responseFormat)
                {
                    return (null, null);
                }

                if (String(responseFormat, "type") == "json_schema" && Property(responseFormat, "json_schema") is not { ValueKind: JsonValueKind.Object })
                {
                    return (null, "response_format.json_schema: required when type is 'json_schema'");
                }

                return OpenAi(responseFormat, "response_format.json_schema", Property(responseFormat, "json_schema") ?? responseFormat);
            case Runtime.FoundryStreamDialect.AnthropicMessages:
                if (Property(body, "output_config") is not { } output || Property(output, "format") is not { } anthropic)
                {
                    return (null, null);
                }

                if (String(anthropic, "type") != "json_schema")
                {
                    return (null, $"output_config.format.type: Input should be 'json_schema'");
                }

                return Property(anthropic, "schema") is { ValueKind: JsonValueKind.Object } schema
                    ? (schema, NotStrictObjects(schema, "output_config.format.schema", requireAll: false))
                    : (null, "output_config.format.schema: Field required (a JSON schema object)");
            case Runtime.FoundryStreamDialect.GeminiGenerateContent:
                if (Property(body, "generationConfig") is not { } config)
                {
                    return (null, null);
                }

                var jsonSchema = Property(config, "responseJsonSchema") ?? Property(config, "responseSchema");
                if (jsonSchema is null)
                {
                    return (null, null);
                }

                if (String(config, "responseMimeType") != "application/json")
                {
                    return (null, "generation_config.response_mime_type: a response schema needs response_mime_type 'application/json'");
                }

                return jsonSchema.Value.ValueKind == JsonValueKind.Object ? (jsonSchema, null) : (null, "generation_config.response_json_schema: must be an object");
            default:
                return (null, null);
        }
    }

    private static (JsonElement? Schema, string? Problem) OpenAi(JsonElement format, string path, JsonElement holder)
    {
        switch (String(format, "type"))
        {
            case "text" or "json_object":
                return (null, null);
            case "json_schema":
                if (String(holder, "name") is not { } name || !SchemaName.IsMatch(name))
                {
                    return (null, $"{path}.name: required, matching ^[a-zA-Z0-9_-]{{1,64}}$");
                }

                if (Property(holder, "schema") is not { ValueKind: JsonValueKind.Object } schema)
                {
                    return (null, $"{path}.schema: required (a JSON schema object)");
                }

                var strict = Property(holder, "strict") is { ValueKind: JsonValueKind.True };
                return (schema, strict ? NotStrictObjects(schema, $"Invalid schema for response_format '{name}'", requireAll: true) : null);
            default:
                return (null, $"{path}.type: must be one of 'text', 'json_object', 'json_schema'");
        }
    }

    /// <summary>The first object schema that is not closed (<c>additionalProperties: false</c>), or in strict mode does
    /// not list every property in <c>required</c>.</summary>
    private static string? NotStrictObjects(JsonElement schema, string context, bool requireAll)
    {
        var stack = new Stack<(JsonElement Node, string Path)>();
        stack.Push((schema, "()"));
        while (stack.Count > 0)
        {
            var (node, path) = stack.Pop();
            if (node.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            if (Property(node, "properties") is { ValueKind: JsonValueKind.Object } properties)
            {
                if (Property(node, "additionalProperties") is not { ValueKind: JsonValueKind.False })
                {
                    return $"{context}: In context={path}, 'additionalProperties' is required to be supplied and to be false.";
                }

                var required = Property(node, "required") is { ValueKind: JsonValueKind.Array } list
                    ? list.EnumerateArray().Where(n => n.ValueKind == JsonValueKind.String).Select(n => n.GetString()!).ToHashSet()
                    : new HashSet<string>();
                foreach (var property in properties.EnumerateObject())
                {
                    if (requireAll && !required.Contains(property.Name))
                    {
                        return $"{context}: In context={path}, 'required' is required to be supplied and to be an array including every key in properties. Missing '{property.Name}'.";
                    }

                    stack.Push((property.Value, path == "()" ? $"('properties', '{property.Name}')" : $"{path[..^1]}, 'properties', '{property.Name}')"));
                }
            }

            foreach (var name in new[] { "items", "additionalProperties" })
            {
                if (Property(node, name) is { ValueKind: JsonValueKind.Object } child)
                {
                    stack.Push((child, path));
                }
            }

            foreach (var name in new[] { "anyOf", "oneOf", "allOf" })
            {
                if (Property(node, name) is { ValueKind: JsonValueKind.Array } branches)
                {
                    foreach (var branch in branches.EnumerateArray())
                    {
                        stack.Push((branch, path));
                    }
                }
            }

            if (Property(node, "$defs") is { ValueKind: JsonValueKind.Object } defs)
            {
                foreach (var def in defs.EnumerateObject())
                {
                    stack.Push((def.Value, path));
                }
            }
        }

        return null;
    }

    private static JsonElement? Property(JsonElement element, string name)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static string? String(JsonElement element, string name)
        => Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}
