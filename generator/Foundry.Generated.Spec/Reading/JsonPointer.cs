using System;
using System.Text;
using System.Text.Json.Nodes;

namespace Foundry.Generated.Spec.Reading;

/// <summary>RFC 6901 pointers: building one segment by segment and resolving local <c>#/...</c> references.</summary>
internal static class JsonPointer
{
    public static string Append(string pointer, string segment)
        => pointer + "/" + segment.Replace("~", "~0").Replace("/", "~1");

    /// <summary>The node a local reference (<c>#/a/b</c>) points at, or null when nothing is there.</summary>
    public static bool TryResolve(JsonNode root, string reference, out JsonNode? target)
    {
        target = null;
        if (!reference.StartsWith("#", StringComparison.Ordinal))
        {
            return false;
        }

        var pointer = Uri.UnescapeDataString(reference.Substring(1));
        if (pointer.Length == 0)
        {
            target = root;
            return true;
        }

        if (pointer[0] != '/')
        {
            return false;
        }

        JsonNode? current = root;
        foreach (var raw in pointer.Substring(1).Split('/'))
        {
            var segment = raw.Replace("~1", "/").Replace("~0", "~");
            switch (current)
            {
                case JsonObject obj when obj.TryGetPropertyValue(segment, out var child):
                    current = child;
                    break;
                case JsonArray array when int.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < array.Count:
                    current = array[index];
                    break;
                default:
                    return false;
            }
        }

        target = current;
        return true;
    }

    /// <summary>The pointer of a node inside its document, from its parents (System.Text.Json 8 knows names and indexes).</summary>
    public static string Of(JsonNode node)
    {
        var segments = new System.Collections.Generic.List<string>();
        for (var current = node; current.Parent != null; current = current.Parent)
        {
            segments.Add(current.Parent is JsonArray
                ? current.GetElementIndex().ToString(System.Globalization.CultureInfo.InvariantCulture)
                : current.GetPropertyName());
        }

        var sb = new StringBuilder("#");
        for (var i = segments.Count - 1; i >= 0; i--)
        {
            sb.Append('/').Append(segments[i].Replace("~", "~0").Replace("/", "~1"));
        }

        return sb.ToString();
    }
}
