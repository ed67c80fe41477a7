using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace Foundry.Generated.Spec.Writing;

/// <summary>
/// Writes JSON byte-for-byte reproducibly: 2-space indent, "\n" line ends, a final newline, schema keywords in a
/// fixed order (others after them, ordinally), <c>properties</c> and <c>schemas</c> maps and <c>required</c> lists in
/// ordinal order, and the other name maps (paths, mapping, content...) in the order the caller built them.
/// </summary>
public static class CanonicalJsonWriter
{
    private static readonly string[] KeyOrder =
    {
        "openapi", "info", "jsonSchemaDialect", "servers", "security", "paths", "components",
        "operationId", "x-foundry-route", "x-foundry-client", "x-foundry-method", "parameters", "requestBody", "responses",
        "name", "in", "required", "description", "deprecated", "content", "schema",
        "$ref", "type", "format", "const", "enum", "items", "properties", "additionalProperties",
        "oneOf", "anyOf", "allOf", "discriminator", "propertyName", "mapping", "default",
        "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "pattern", "minItems", "maxItems",
    };

    // Maps whose keys are names, not keywords: keep the caller's order.
    private static readonly HashSet<string> NameMaps = new HashSet<string>(StringComparer.Ordinal)
    {
        "paths", "schemas", "properties", "mapping", "parameters", "securitySchemes", "content", "responses", "x-foundry-upstream",
    };

    // Name maps whose order upstream may change freely: written sorted so such a change is no change.
    private static readonly HashSet<string> SortedNameMaps = new HashSet<string>(StringComparer.Ordinal) { "schemas", "properties" };

    public static string Write(JsonNode node)
    {
        var sb = new StringBuilder(1 << 20);
        WriteNode(sb, node, 0, parentKey: null);
        sb.Append('\n');
        return sb.ToString();
    }

    /// <summary>
    /// The document as compact JSON with every object's keys sorted ordinally (array order kept): the same content
    /// gives the same text whatever order or form (JSON, YAML) it was written in. Used for content hashes.
    /// </summary>
    public static string Compact(JsonNode node)
    {
        var sb = new StringBuilder(1 << 20);
        WriteCompact(sb, node);
        return sb.ToString();
    }

    private static void WriteCompact(StringBuilder sb, JsonNode? node)
    {
        switch (node)
        {
            case null:
                sb.Append("null");
                break;
            case JsonObject obj:
                sb.Append('{');
                var first = true;
                foreach (var pair in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    sb.Append(first ? string.Empty : ",");
                    first = false;
                    WriteString(sb, pair.Key);
                    sb.Append(':');
                    WriteCompact(sb, pair.Value);
                }

                sb.Append('}');
                break;
            case JsonArray array:
                sb.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    sb.Append(i == 0 ? string.Empty : ",");
                    WriteCompact(sb, array[i]);
                }

                sb.Append(']');
                break;
            default:
                WriteValue(sb, (JsonValue)node);
                break;
        }
    }

    private static void WriteValue(StringBuilder sb, JsonValue value)
    {
        if (value.TryGetValue<string>(out var text))
        {
            WriteString(sb, text);
        }
        else
        {
            sb.Append(value.ToJsonString());
        }
    }

    /// <summary>
    /// A JSON string with only what JSON requires escaped (quote, backslash, control characters) plus U+2028/U+2029
    /// and lone surrogates: prose stays readable (backticks, quotes, non-ASCII as they are) and the escaping never
    /// depends on an encoder's defaults.
    /// </summary>
    private static void WriteString(StringBuilder sb, string text)
    {
        sb.Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    var loneSurrogate = (char.IsHighSurrogate(c) && (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])))
                        || (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(text[i - 1])));
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || loneSurrogate)
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }

    private static void WriteNode(StringBuilder sb, JsonNode? node, int indent, string? parentKey)
    {
        switch (node)
        {
            case null:
                sb.Append("null");
                break;
            case JsonObject obj:
                WriteObject(sb, obj, indent, parentKey);
                break;
            case JsonArray array when parentKey == "required" && array.All(a => a is JsonValue v && v.TryGetValue<string>(out _)):
                // A set of property names: sorted, so reordering it upstream (or appending one here) changes nothing.
                WriteArray(sb, new JsonArray(array.Select(a => a!.GetValue<string>()).OrderBy(a => a, StringComparer.Ordinal).Select(a => (JsonNode?)JsonValue.Create(a)).ToArray()), indent);
                break;
            case JsonArray array:
                WriteArray(sb, array, indent);
                break;
            default:
                WriteValue(sb, (JsonValue)node);
                break;
        }
    }

    private static void WriteObject(StringBuilder sb, JsonObject obj, int indent, string? parentKey)
    {
        if (obj.Count == 0)
        {
            sb.Append("{}");
            return;
        }

        IEnumerable<KeyValuePair<string, JsonNode?>> pairs = obj;
        if (parentKey == null || !NameMaps.Contains(parentKey))
        {
            pairs = obj.OrderBy(p => Rank(p.Key)).ThenBy(p => p.Key, StringComparer.Ordinal);
        }
        else if (SortedNameMaps.Contains(parentKey))
        {
            pairs = obj.OrderBy(p => p.Key, StringComparer.Ordinal);
        }

        sb.Append("{\n");
        var first = true;
        foreach (var pair in pairs)
        {
            if (!first)
            {
                sb.Append(",\n");
            }

            first = false;
            sb.Append(' ', (indent + 1) * 2);
            WriteString(sb, pair.Key);
            sb.Append(": ");
            // Inside a name map the keys are names (a property may be called "properties"): its values are keyword objects.
            var isNameMap = parentKey != null && NameMaps.Contains(parentKey);
            WriteNode(sb, pair.Value, indent + 1, isNameMap ? null : pair.Key);
        }

        sb.Append('\n').Append(' ', indent * 2).Append('}');
    }

    private static void WriteArray(StringBuilder sb, JsonArray array, int indent)
    {
        if (array.Count == 0)
        {
            sb.Append("[]");
            return;
        }

        // Short arrays of scalars stay on one line (required lists, type arrays, enums).
        if (array.All(a => a is JsonValue) && array.Count <= 8)
        {
            sb.Append('[');
            for (var i = 0; i < array.Count; i++)
            {
                sb.Append(i == 0 ? string.Empty : ", ");
                WriteNode(sb, array[i], indent, null);
            }

            sb.Append(']');
            return;
        }

        sb.Append("[\n");
        for (var i = 0; i < array.Count; i++)
        {
            sb.Append(' ', (indent + 1) * 2);
            WriteNode(sb, array[i], indent + 1, null);
            sb.Append(i == array.Count - 1 ? "\n" : ",\n");
        }

        sb.Append(' ', indent * 2).Append(']');
    }

    private static int Rank(string key)
    {
        var i = Array.IndexOf(KeyOrder, key);
        return i < 0 ? KeyOrder.Length : i;
    }
}
