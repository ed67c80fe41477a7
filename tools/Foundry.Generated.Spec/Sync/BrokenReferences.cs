using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Foundry.Generated.Spec.Normalizing;

namespace Foundry.Generated.Spec.Sync;

/// <summary>
/// Opt-in leniency for an upstream document whose <c>$ref</c> names a schema it does not define (Gemini's mirrors of
/// 2026-04 to 2026-07 point <c>Part.mediaResolution</c> at a missing <c>MediaResolution</c>): each such reference is
/// dropped from its schema, which then describes raw JSON, and reported as a warning with its file and line. Without
/// it the sync stops at the first broken reference (a typo upstream must not silently lose a type).
/// </summary>
public static class BrokenReferences
{
    /// <summary>Untypes every broken local schema reference of <paramref name="spec"/> in place; one warning each.</summary>
    public static void Untype(UpstreamSpec spec, ICollection<string> warnings)
    {
        var schemas = spec.Schemas;
        foreach (var holder in Holders(spec.Document).ToList())
        {
            var reference = holder["$ref"]!;
            var name = UpstreamSchemas.TryNameOf(reference);
            if (name is null || schemas.ContainsKey(name))
            {
                continue;
            }

            warnings.Add($"{spec.Where(reference)}: broken $ref '{SchemaNames.ComponentPrefix}{name}': no such schema; typed as raw JSON (--allow-broken-refs)");
            holder.Remove("$ref");
            if (holder["description"] is null)
            {
                holder["description"] = $"Raw JSON: the upstream spec refers to a schema '{name}' it does not define.";
            }
        }
    }

    // Every object in the tree with a string $ref, depth first.
    private static IEnumerable<JsonObject> Holders(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["$ref"] is JsonValue)
                {
                    yield return obj;
                }

                foreach (var pair in obj)
                {
                    foreach (var inner in Holders(pair.Value))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var inner in Holders(item))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }
}
