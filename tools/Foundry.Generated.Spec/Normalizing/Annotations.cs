using System.Text.Json.Nodes;
using Foundry.Generated.Spec.Writing;

namespace Foundry.Generated.Spec.Normalizing;

/// <summary>
/// The prose the sync keeps so the generator can document and obsolete members: <c>description</c> (trailing
/// whitespace trimmed) and <c>deprecated: true</c>. Kept on components (hoisted ones included), properties,
/// operations and parameters; not on array items, map values, union members or allOf parts.
/// </summary>
internal static class Annotations
{
    public const string Description = "description";
    public const string Deprecated = "deprecated";

    /// <summary><c>{description?, deprecated?}</c> of <paramref name="source"/>, or null when it has neither.</summary>
    public static JsonObject? Of(JsonNode? source)
    {
        if (source is not JsonObject obj)
        {
            return null;
        }

        JsonObject? result = null;
        if (obj[Description] is JsonValue d && d.TryGetValue<string>(out var text) && text.Trim().Length > 0)
        {
            result = new JsonObject { [Description] = text.TrimEnd() };
        }

        if (obj[Deprecated] is JsonValue v && v.TryGetValue<bool>(out var deprecated) && deprecated)
        {
            result ??= new JsonObject();
            result[Deprecated] = true;
        }

        return result;
    }

    /// <summary>Sets the annotations on <paramref name="target"/> (an object; anything else is left alone).</summary>
    public static void Apply(JsonNode? target, JsonObject? annotations)
    {
        if (annotations == null || target is not JsonObject obj)
        {
            return;
        }

        foreach (var pair in annotations)
        {
            obj[pair.Key] = pair.Value?.DeepClone();
        }
    }

    /// <summary>Copies <paramref name="source"/>'s annotations onto <paramref name="target"/>.</summary>
    public static void Copy(JsonNode? source, JsonNode? target) => Apply(target, Of(source));

    /// <summary>A schema's canonical text without annotations at any depth (property names are left alone).</summary>
    public static string Structure(JsonNode node) => CanonicalJsonWriter.Compact(Strip(node)!);

    private static JsonNode? Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var result = new JsonObject();
                foreach (var pair in obj)
                {
                    if (pair.Key == Description || pair.Key == Deprecated)
                    {
                        continue;
                    }

                    if (pair.Key == "properties" && pair.Value is JsonObject properties)
                    {
                        var stripped = new JsonObject();
                        foreach (var property in properties)
                        {
                            stripped[property.Key] = Strip(property.Value);
                        }

                        result[pair.Key] = stripped;
                    }
                    else
                    {
                        result[pair.Key] = Strip(pair.Value);
                    }
                }

                return result;
            case JsonArray array:
                var items = new JsonArray();
                foreach (var item in array)
                {
                    items.Add(Strip(item));
                }

                return items;
            default:
                return node?.DeepClone();
        }
    }
}
