using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Foundry.Generated.Spec.Tests.Support;

/// <summary>
/// Writes a JSON tree as block-style YAML 1.2, independently of the reader under test: keys and strings are plain
/// wherever YAML 1.2 reads them back as the same string (so "200", "yes" and dates go out plain), otherwise
/// double-quoted; numbers keep their JSON text.
/// </summary>
internal static class TestYaml
{
    private static readonly Regex PlainSafe = new Regex(@"^[A-Za-z0-9_$/][A-Za-z0-9_ ./$(){}-]*\z");
    private static readonly Regex CoreNonString = new Regex(@"^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))\z");

    public static string Emit(JsonNode? root)
    {
        var sb = new StringBuilder();
        Block(sb, root, 0);
        return sb.ToString();
    }

    private static void Block(StringBuilder sb, JsonNode? node, int indent)
    {
        var pad = new string(' ', indent);
        switch (node)
        {
            case JsonObject obj when obj.Count > 0:
                foreach (var pair in obj)
                {
                    sb.Append(pad).Append(Key(pair.Key)).Append(':');
                    Value(sb, pair.Value, indent);
                }

                break;
            case JsonArray array when array.Count > 0:
                foreach (var item in array)
                {
                    sb.Append(pad).Append('-');
                    Value(sb, item, indent);
                }

                break;
            default:
                sb.Append(pad).Append(Scalar(node)).Append('\n');
                break;
        }
    }

    private static void Value(StringBuilder sb, JsonNode? value, int indent)
    {
        if ((value is JsonObject o && o.Count > 0) || (value is JsonArray a && a.Count > 0))
        {
            sb.Append('\n');
            Block(sb, value, indent + 2);
        }
        else
        {
            sb.Append(' ').Append(Scalar(value)).Append('\n');
        }
    }

    private static string Key(string key) => PlainSafe.IsMatch(key) && !key.EndsWith(" ", System.StringComparison.Ordinal) ? key : Quoted(key);

    private static string Scalar(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return "null";
            case JsonObject:
                return "{}";
            case JsonArray:
                return "[]";
        }

        var value = (JsonValue)node;
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                var text = value.GetValue<string>();
                return PlainSafe.IsMatch(text) && !CoreNonString.IsMatch(text) && !text.EndsWith(" ", System.StringComparison.Ordinal) && !text.Contains(" #") && !text.Contains(": ") ? text : Quoted(text);
            default:
                return value.ToJsonString();
        }
    }

    private static string Quoted(string text)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                case '\r': sb.Append("\\r"); break;
                default:
                    if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029' || c == '\uFEFF')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }
}
