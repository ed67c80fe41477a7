using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;

namespace Foundry.Generated.Runtime;

/// <summary>Whose schema rules a structured-output schema is written for.</summary>
internal enum SchemaRules
{
    /// <summary>OpenAI strict mode (Responses and chat, OpenAI and xAI): every property required, optional ones a union
    /// with null, <c>additionalProperties: false</c> on every object, an object at the root.</summary>
    OpenAiStrict,

    /// <summary>Anthropic <c>output_config.format</c>: <c>additionalProperties: false</c>; no numeric or string-length
    /// constraints, no recursion, <c>minItems</c> only 0 or 1.</summary>
    Anthropic,

    /// <summary>Gemini <c>responseJsonSchema</c>: the documented subset; <c>const</c> written as a one-value <c>enum</c>.</summary>
    Gemini,
}

/// <summary>
/// The schema of a caller's type, from <see cref="JsonSchemaExporter"/> over its source-generated
/// <see cref="JsonTypeInfo"/> (no reflection), transformed to one provider's rules. A keyword the provider refuses is an
/// <see cref="ArgumentException"/> naming the member, before any request is sent.
/// </summary>
internal static class StructuredSchema
{
    // Marks each node with the C# member it describes while exporting; removed before the schema is used.
    private const string MemberMark = "$foundryMember";

    private static readonly string[] OpenAiRefused = { "allOf", "oneOf", "not", "if", "then", "else", "dependentRequired", "dependentSchemas", "patternProperties" };

    private static readonly string[] AnthropicRefused =
    {
        "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "maxItems",
        "uniqueItems", "contains", "minContains", "maxContains", "oneOf", "not", "if", "then", "else", "patternProperties",
        "propertyNames", "minProperties", "maxProperties", "dependentRequired", "dependentSchemas", "prefixItems",
    };

    // What Gemini documents for responseJsonSchema; other keywords would be ignored, so they are refused instead of
    // silently dropping a constraint.
    private static readonly HashSet<string> GeminiKeywords = new(StringComparer.Ordinal)
    {
        "$id", "$defs", "$ref", "$anchor", "type", "format", "title", "description", "enum", "items", "prefixItems",
        "minItems", "maxItems", "minimum", "maximum", "anyOf", "oneOf", "properties", "additionalProperties", "required",
        "propertyOrdering", "default",
    };

    public static SchemaRules RulesFor(string route) => FoundryRoutes.GetStreamDialect(route) switch
    {
        FoundryStreamDialect.OpenAiChatCompletions or FoundryStreamDialect.OpenAiResponses => SchemaRules.OpenAiStrict,
        FoundryStreamDialect.AnthropicMessages => SchemaRules.Anthropic,
        FoundryStreamDialect.GeminiGenerateContent => SchemaRules.Gemini,
        _ => throw new ArgumentException($"route '{route}' has no structured output", nameof(route)),
    };

    /// <summary>The schema name OpenAI asks for (<c>^[a-zA-Z0-9_-]{1,64}$</c>): the type's name.</summary>
    public static string NameOf(JsonTypeInfo typeInfo)
    {
        var name = new string(typeInfo.Type.Name.Where(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-').ToArray());
        return name.Length == 0 ? "response" : name.Length > 64 ? name.Substring(0, 64) : name;
    }

    public static JsonObject Build(JsonTypeInfo typeInfo, SchemaRules rules)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        var exporterOptions = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = static (context, node) =>
            {
                if (node is JsonObject schema)
                {
                    var member = context.PropertyInfo is { } property
                        ? (property.DeclaringType?.Name ?? context.TypeInfo.Type.Name) + "." + property.Name
                        : context.TypeInfo.Type.Name;
                    schema[MemberMark] = member;
                }
                else if (node is JsonValue value && value.GetValueKind() == JsonValueKind.True && context.PropertyInfo is { } property)
                {
                    // A member of any type (object, JsonElement): no provider's structured output takes it.
                    return new JsonObject { [MemberMark] = (property.DeclaringType?.Name ?? "?") + "." + property.Name, ["$foundryAny"] = true };
                }

                return node;
            },
        };
        var exported = typeInfo.GetJsonSchemaAsNode(exporterOptions);
        if (exported is not JsonObject root)
        {
            throw Refused(typeInfo.Type.Name, "a schema that accepts any JSON", rules);
        }

        return Apply(root, rules, typeInfo.Type.Name);
    }

    /// <summary>A JSON schema from elsewhere (e.g. Microsoft.Extensions.AI's <c>ChatResponseFormat.ForJsonSchema</c>)
    /// transformed to <paramref name="rules"/>; members are named by their JSON path from <paramref name="rootName"/>.</summary>
    public static JsonObject Apply(JsonObject root, SchemaRules rules, string rootName)
    {
        root.Remove("$schema");
        var rootMember = root[MemberMark]?.GetValue<string>() ?? rootName;
        if (rules == SchemaRules.OpenAiStrict && !IsObject(root))
        {
            throw new ArgumentException($"Structured output on OpenAI and xAI routes needs an object at the root of the schema; '{rootMember}' is not one (wrap it in a class with one property).", "typeInfo");
        }

        Transform(root, rules, rootMember);
        return root;
    }

    private static void Transform(JsonObject schema, SchemaRules rules, string member)
    {
        if (schema[MemberMark] is JsonValue mark)
        {
            member = mark.GetValue<string>();
            schema.Remove(MemberMark);
        }

        if (schema.ContainsKey("$foundryAny"))
        {
            throw Refused(member, "a value of any type (object or JsonElement)", rules);
        }

        foreach (var keyword in schema.Select(p => p.Key).ToList())
        {
            var refused = rules switch
            {
                SchemaRules.OpenAiStrict => OpenAiRefused.Contains(keyword),
                SchemaRules.Anthropic => AnthropicRefused.Contains(keyword),
                _ => !GeminiKeywords.Contains(keyword) && keyword is not "const" and not MemberMark,
            };
            if (refused)
            {
                throw Refused(member, $"the keyword '{keyword}'", rules);
            }
        }

        if (schema["$ref"] is not null && rules == SchemaRules.Anthropic)
        {
            // JsonSchemaExporter writes $ref only to close a cycle.
            throw Refused(member, "a recursive type ($ref)", rules);
        }

        if (rules == SchemaRules.Anthropic && schema["minItems"] is JsonValue minItems && minItems.GetValue<JsonElement>().TryGetInt32(out var min) && min > 1)
        {
            throw Refused(member, $"minItems {min} (only 0 or 1)", rules);
        }

        if (rules == SchemaRules.Gemini && schema["const"] is { } constant)
        {
            schema.Remove("const");
            schema["enum"] = new JsonArray(constant.DeepClone());
        }

        if (IsObject(schema))
        {
            TransformObject(schema, rules, member);
        }

        if (schema["items"] is JsonObject items)
        {
            Transform(items, rules, member + "[]");
        }
        else if (schema["items"] is JsonValue { } anyItems && anyItems.GetValueKind() == JsonValueKind.True)
        {
            throw Refused(member + "[]", "a value of any type (object or JsonElement)", rules);
        }

        foreach (var combinator in new[] { "anyOf", "oneOf", "prefixItems" })
        {
            if (schema[combinator] is JsonArray branches)
            {
                foreach (var branch in branches.OfType<JsonObject>())
                {
                    Transform(branch, rules, member);
                }
            }
        }

        if (schema["$defs"] is JsonObject defs)
        {
            foreach (var def in defs.Select(p => p.Value).OfType<JsonObject>().ToList())
            {
                Transform(def, rules, member);
            }
        }

    }

    private static void TransformObject(JsonObject schema, SchemaRules rules, string member)
    {
        var additional = schema["additionalProperties"];
        var isDictionary = additional is JsonObject || (additional is JsonValue v && v.GetValueKind() == JsonValueKind.True);
        if (isDictionary)
        {
            if (rules != SchemaRules.Gemini)
            {
                throw Refused(member, "a dictionary (additionalProperties other than false)", rules);
            }

            if (additional is JsonObject valueSchema)
            {
                Transform(valueSchema, rules, member + "[value]");
            }

            return;
        }

        var properties = schema["properties"] as JsonObject;
        if (rules != SchemaRules.Gemini)
        {
            schema["additionalProperties"] = false;
        }

        if (properties is null)
        {
            if (rules == SchemaRules.OpenAiStrict)
            {
                schema["properties"] = new JsonObject();
                schema["required"] = new JsonArray();
            }

            return;
        }

        var required = new HashSet<string>(StringComparer.Ordinal);
        if (schema["required"] is JsonArray list)
        {
            foreach (var name in list)
            {
                if (name?.GetValue<string>() is { } n)
                {
                    required.Add(n);
                }
            }
        }

        foreach (var (name, value) in properties.ToList())
        {
            if (value is JsonObject property)
            {
                var propertyMember = property[MemberMark]?.GetValue<string>() ?? member + "." + name;
                Transform(property, rules, propertyMember);
                if (rules == SchemaRules.OpenAiStrict && !required.Contains(name) && OrNull(property) is { } union && !ReferenceEquals(union, property))
                {
                    properties[name] = union;
                }
            }
            else if (value is JsonValue any && any.GetValueKind() == JsonValueKind.True)
            {
                throw Refused(member + "." + name, "a value of any type (object or JsonElement)", rules);
            }
        }

        if (rules == SchemaRules.OpenAiStrict)
        {
            schema["required"] = new JsonArray(properties.Select(p => (JsonNode?)JsonValue.Create(p.Key)).ToArray());
        }
    }

    /// <summary>An optional property in strict mode: required, and a union with null.</summary>
    private static JsonObject OrNull(JsonObject property)
    {
        switch (property["type"])
        {
            case JsonValue type when type.GetValueKind() == JsonValueKind.String:
                var name = type.GetValue<string>();
                if (name != "null")
                {
                    property["type"] = new JsonArray(name, "null");
                    AddNullToEnum(property);
                }

                return property;
            case JsonArray types:
                if (!types.Any(t => t?.GetValue<string>() == "null"))
                {
                    types.Add((JsonNode)JsonValue.Create("null"));
                    AddNullToEnum(property);
                }

                return property;
        }

        if (property["anyOf"] is JsonArray branches)
        {
            if (!branches.Any(b => b is JsonObject o && o["type"]?.GetValueKind() == JsonValueKind.String && o["type"]!.GetValue<string>() == "null"))
            {
                branches.Add((JsonNode)new JsonObject { ["type"] = "null" });
            }

            return property;
        }

        if (property["enum"] is JsonArray)
        {
            AddNullToEnum(property);
            return property;
        }

        // $ref (or a schema without a type): a union of the schema and null.
        var description = property["description"]?.DeepClone();
        property.Remove("description");
        var union = new JsonObject { ["anyOf"] = new JsonArray(property.DeepClone(), new JsonObject { ["type"] = "null" }) };
        if (description is not null)
        {
            union["description"] = description;
        }

        return union;
    }

    private static void AddNullToEnum(JsonObject property)
    {
        if (property["enum"] is JsonArray values && !values.Any(v => v is null))
        {
            values.Add((JsonNode?)null);
        }
    }

    private static bool IsObject(JsonObject schema) => schema["type"] switch
    {
        JsonValue type when type.GetValueKind() == JsonValueKind.String => type.GetValue<string>() == "object",
        JsonArray types => types.Any(t => t?.GetValue<string>() == "object"),
        _ => schema["properties"] is not null,
    };

    private static ArgumentException Refused(string member, string what, SchemaRules rules)
        => new($"'{member}': {what} cannot be used in structured output on {Provider(rules)} ({Rules(rules)}); change the type or leave the member out of it.", "typeInfo");

    private static string Provider(SchemaRules rules) => rules switch
    {
        SchemaRules.OpenAiStrict => "OpenAI and xAI routes",
        SchemaRules.Anthropic => "Anthropic Messages",
        _ => "Gemini",
    };

    private static string Rules(SchemaRules rules) => rules switch
    {
        SchemaRules.OpenAiStrict => "strict mode: objects with fixed properties, no allOf/oneOf/not/conditionals, no dictionaries or untyped values",
        SchemaRules.Anthropic => "no numeric or length constraints, no recursion, no dictionaries, minItems only 0 or 1",
        _ => "the responseJsonSchema subset Gemini documents",
    };
}
