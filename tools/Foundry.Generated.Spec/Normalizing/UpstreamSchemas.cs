using System.Text.Json.Nodes;
using Foundry.Generated.Spec.Sync;

namespace Foundry.Generated.Spec.Normalizing;

/// <summary>Look-ups into one upstream document's components.</summary>
internal sealed class UpstreamSchemas
{
    private readonly UpstreamSpec _spec;

    public UpstreamSchemas(UpstreamSpec spec)
    {
        _spec = spec;
    }

    public string Provider => _spec.Provider;

    public string SourceName => _spec.SourceName;

    /// <summary>
    /// The component name a <c>$ref</c> value points at; a broken, external or non-string ref is an error located at
    /// the <c>$ref</c> itself (file, line and column).
    /// </summary>
    public string NameOf(JsonNode reference, string where)
    {
        if (!(reference is JsonValue value && value.TryGetValue<string>(out var text)))
        {
            throw _spec.Error(reference, $"$ref at {where} is not a string");
        }

        if (!text.StartsWith(SchemaNames.ComponentPrefix, System.StringComparison.Ordinal))
        {
            throw _spec.Error(reference, $"unsupported $ref '{text}' at {where} (only #/components/schemas/... is supported)");
        }

        var name = text.Substring(SchemaNames.ComponentPrefix.Length);
        if (!_spec.Schemas.ContainsKey(name))
        {
            throw _spec.Error(reference, $"broken $ref '{text}' at {where}: no such schema");
        }

        return name;
    }

    /// <summary>An error located at <paramref name="node"/> of this document.</summary>
    public SpecSyncException Error(JsonNode? node, string message) => _spec.Error(node, message);

    /// <summary>The component name of a <c>$ref</c> when it is a local component reference, else null (no error).</summary>
    public static string? TryNameOf(JsonNode? reference)
        => reference is JsonValue v && v.TryGetValue<string>(out var text) && text.StartsWith(SchemaNames.ComponentPrefix, System.StringComparison.Ordinal)
            ? text.Substring(SchemaNames.ComponentPrefix.Length)
            : null;

    public JsonObject? Get(string name) => _spec.Schemas[name] as JsonObject;

    /// <summary>
    /// The constant value of <paramref name="property"/> in a component (through allOf and refs), or null:
    /// single-value enums and <c>const</c> both count.
    /// </summary>
    public string? ConstOf(string name, string property, int depth = 0)
    {
        if (depth > 8 || Get(name) is not { } schema)
        {
            return null;
        }

        if (schema["properties"]?[property] is JsonObject prop && ConstValue(prop, depth) is { } value)
        {
            return value;
        }

        if (schema["allOf"] is JsonArray parts)
        {
            foreach (var part in parts)
            {
                if (part is JsonObject p)
                {
                    if (TryNameOf(p["$ref"]) is { } parent && ConstOf(parent, property, depth + 1) is { } inherited)
                    {
                        return inherited;
                    }

                    if (p["properties"]?[property] is JsonObject inline && ConstValue(inline, depth) is { } v)
                    {
                        return v;
                    }
                }
            }
        }

        return null;
    }

    private string? ConstValue(JsonObject prop, int depth)
    {
        if (prop["const"] is JsonValue c && c.TryGetValue<string>(out var s))
        {
            return s;
        }

        if (prop["enum"] is JsonArray e && e.Count == 1 && e[0] is JsonValue v && v.TryGetValue<string>(out var only))
        {
            return only;
        }

        if (TryNameOf(prop["$ref"]) is { } referenced && Get(referenced) is { } target && depth < 8)
        {
            return ConstValue(target, depth + 1);
        }

        return null;
    }
}
