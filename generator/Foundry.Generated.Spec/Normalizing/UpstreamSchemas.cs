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

    /// <summary>The component name a <c>$ref</c> points at; throws a clear error for a broken or external ref.</summary>
    public string NameOf(string reference, string where)
    {
        if (!reference.StartsWith(SchemaNames.ComponentPrefix, System.StringComparison.Ordinal))
        {
            throw new SpecSyncException($"{_spec.SourceName}: unsupported $ref '{reference}' at {where} (only #/components/schemas/... is supported)");
        }

        var name = reference.Substring(SchemaNames.ComponentPrefix.Length);
        if (!_spec.Schemas.ContainsKey(name))
        {
            throw new SpecSyncException($"{_spec.SourceName}: broken $ref '{reference}' at {where}: no such schema");
        }

        return name;
    }

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
                    if (p["$ref"] is JsonValue r && ConstOf(r.GetValue<string>().Substring(SchemaNames.ComponentPrefix.Length), property, depth + 1) is { } inherited)
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

        if (prop["$ref"] is JsonValue r && Get(r.GetValue<string>().Substring(SchemaNames.ComponentPrefix.Length)) is { } target && depth < 8)
        {
            return ConstValue(target, depth + 1);
        }

        return null;
    }
}
