using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Accumulation;

internal static class AssertJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Equal as JSON values (member order aside); on a difference, both are shown.</summary>
    public static void Equal(JsonNode? expected, JsonNode? actual)
    {
        if (!JsonNode.DeepEquals(expected, actual))
        {
            Assert.Equal(expected?.ToJsonString(Indented), actual?.ToJsonString(Indented));
            Assert.Fail("JSON differs only in a way its text does not show (e.g. 1 and 1.0)");
        }
    }

    /// <summary>A copy with every string member <paramref name="name"/> replaced by a marker (values that may differ).</summary>
    public static JsonNode? Opaque(JsonNode? node, string name)
    {
        var copy = node?.DeepClone();
        Mask(copy, name);
        return copy;
    }

    private static void Mask(JsonNode? node, string name)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in System.Linq.Enumerable.ToList(System.Linq.Enumerable.Select(o, p => p.Key)))
                {
                    if (key == name && o[key] is JsonValue v && v.TryGetValue<string>(out _))
                    {
                        o[key] = "(opaque)";
                    }
                    else
                    {
                        Mask(o[key], name);
                    }
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Mask(item, name);
                }

                break;
        }
    }
}
