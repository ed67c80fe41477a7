using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Foundry.Generated.Spec.Normalizing;

/// <summary>
/// Completes a union's discriminator: every member a <c>$ref</c> whose discriminator property is a constant, the
/// mapping written out (OpenAI gives none), nested unions on the same property flattened. When that is impossible
/// (inline members, missing or duplicate values) the union stays non-discriminated.
/// </summary>
internal static class DiscriminatorMapper
{
    public static (JsonArray Members, JsonObject Discriminator)? Map(
        JsonObject schema,
        List<JsonObject> upstreamMembers,
        UpstreamSchemas upstream,
        SchemaNormalizer normalizer)
    {
        if (schema["discriminator"] is not JsonObject discriminator || !(discriminator["propertyName"] is JsonValue p && p.TryGetValue<string>(out var property)))
        {
            return null;
        }

        var refs = new List<string>();
        foreach (var member in upstreamMembers)
        {
            if (member["$ref"] is not JsonNode r)
            {
                return null;
            }

            Flatten(upstream.NameOf(r, "discriminated union"), property, upstream, refs, 0);
        }

        var mapping = new JsonObject();
        var members = new JsonArray();
        var explicitMapping = ExplicitMapping(discriminator, upstream);
        foreach (var name in refs.Distinct())
        {
            var value = explicitMapping.TryGetValue(name, out var v) ? v : upstream.ConstOf(name, property);
            if (value == null || mapping.ContainsKey(value))
            {
                return null;
            }

            var target = normalizer.QualifiedRef(name);
            mapping[value] = target;
            members.Add(new JsonObject { ["$ref"] = target });
        }

        return (members, new JsonObject { ["propertyName"] = property, ["mapping"] = mapping });
    }

    // A member that is itself a union on the same property contributes its members.
    private static void Flatten(string name, string property, UpstreamSchemas upstream, List<string> into, int depth)
    {
        var schema = upstream.Get(name);
        var nested = schema?["oneOf"] as JsonArray ?? schema?["anyOf"] as JsonArray;
        if (depth < 4 && nested != null && upstream.ConstOf(name, property) == null
            && nested.All(n => n is JsonObject o && (o["$ref"] != null || SchemaNormalizer.TypeIs(o, "null"))))
        {
            foreach (var n in nested)
            {
                if (n is JsonObject o && o["$ref"] is JsonNode r)
                {
                    Flatten(upstream.NameOf(r, name), property, upstream, into, depth + 1);
                }
            }

            return;
        }

        into.Add(name);
    }

    private static Dictionary<string, string> ExplicitMapping(JsonObject discriminator, UpstreamSchemas upstream)
    {
        var result = new Dictionary<string, string>();
        if (discriminator["mapping"] is JsonObject mapping)
        {
            foreach (var pair in mapping.OrderBy(p => p.Key, System.StringComparer.Ordinal))
            {
                if (pair.Value is JsonValue target && target.TryGetValue<string>(out var reference) && reference.StartsWith(SchemaNames.ComponentPrefix, System.StringComparison.Ordinal))
                {
                    var name = reference.Substring(SchemaNames.ComponentPrefix.Length);
                    if (upstream.Get(name) != null && !result.ContainsKey(name))
                    {
                        result[name] = pair.Key;
                    }
                }
            }
        }

        return result;
    }
}
