using System;
using System.Linq;
using System.Text.Json.Nodes;
using Foundry.Generated.Spec.Sync;
using Foundry.Generated.Spec.Tests.Support;
using Xunit;

namespace Foundry.Generated.Spec.Tests;

/// <summary>An upstream that only reorders keys (properties, schemas, paths, anything) gives the same proxy spec bytes.</summary>
public sealed class CanonicalOrderTests
{
    /// <summary>A copy of <paramref name="node"/> with every object's keys in a seeded random order (arrays kept).</summary>
    private static JsonNode? Shuffled(JsonNode? node, Random random)
    {
        switch (node)
        {
            case JsonObject obj:
                var pairs = obj.ToList();
                for (var i = pairs.Count - 1; i > 0; i--)
                {
                    var j = random.Next(i + 1);
                    (pairs[i], pairs[j]) = (pairs[j], pairs[i]);
                }

                var result = new JsonObject();
                foreach (var pair in pairs)
                {
                    result[pair.Key] = Shuffled(pair.Value, random);
                }

                return result;
            case JsonArray array:
                return new JsonArray(array.Select(item => Shuffled(item, random)).ToArray());
            default:
                return node?.DeepClone();
        }
    }

    private static UpstreamSpec Shuffled(UpstreamSpec spec, int seed)
        => new UpstreamSpec(spec.Provider, spec.SourceName, (JsonObject)Shuffled(spec.Document, new Random(seed))!);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Shuffling_the_keys_of_the_checked_in_upstream_specs_changes_no_byte(int seed)
    {
        var expected = Loaded.Sync();

        var shuffled = Loaded.Sync(Shuffled(Loaded.OpenAi, seed), Shuffled(Loaded.Anthropic, seed + 10), Shuffled(Loaded.Gemini, seed + 20));

        Assert.Equal(expected, shuffled);
    }

    [Fact]
    public void Properties_and_schemas_are_written_in_ordinal_order()
    {
        var spec = JsonNode.Parse(Loaded.Sync())!;

        var schemaNames = spec["components"]!["schemas"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Equal(schemaNames.OrderBy(n => n, StringComparer.Ordinal), schemaNames);
        foreach (var schema in spec["components"]!["schemas"]!.AsObject())
        {
            if (schema.Value!["properties"] is JsonObject properties)
            {
                var names = properties.Select(p => p.Key).ToList();
                Assert.Equal(names.OrderBy(n => n, StringComparer.Ordinal), names);
            }

            if (schema.Value["required"] is JsonArray required)
            {
                var names = required.Select(r => r!.GetValue<string>()).ToList();
                Assert.Equal(names.OrderBy(n => n, StringComparer.Ordinal), names);
            }
        }
    }

    [Fact]
    public void An_explicit_mapping_naming_one_member_twice_gives_the_same_value_in_any_order()
    {
        string Sync(bool reversed)
        {
            var mapping = reversed
                ? new JsonObject { ["b.legacy"] = "#/components/schemas/B", ["a"] = "#/components/schemas/A", ["b"] = "#/components/schemas/B" }
                : new JsonObject { ["a"] = "#/components/schemas/A", ["b"] = "#/components/schemas/B", ["b.legacy"] = "#/components/schemas/B" };
            var openAi = TinySpecs.OpenAi(new JsonObject
            {
                ["Event"] = new JsonObject { ["oneOf"] = new JsonArray(TinySpecs.Ref("A"), TinySpecs.Ref("B")), ["discriminator"] = new JsonObject { ["propertyName"] = "type", ["mapping"] = mapping } },
                ["A"] = TinySpecs.Obj(("type", TinySpecs.Str())),
                ["B"] = TinySpecs.Obj(("type", TinySpecs.Str())),
            });
            openAi["components"]!["schemas"]!["ResponseStreamEvent"] = TinySpecs.Ref("Event");
            return TinySpecs.Sync(openAi);
        }

        var forward = Sync(false);

        Assert.Equal(forward, Sync(true));
        Assert.Equal("""{"a":"#/components/schemas/OpenAi.A","b":"#/components/schemas/OpenAi.B"}""", JsonNode.Parse(forward)!["components"]!["schemas"]!["OpenAi.Event"]!["discriminator"]!["mapping"]!.ToJsonString());
    }

    [Fact]
    public void Hoisted_names_that_clash_are_numbered_the_same_whatever_the_property_order()
    {
        // foo_bar and fooBar both become FooBar: which one is HolderFooBar and which HolderFooBar2 must not depend on order.
        JsonObject Holder(bool reversed)
        {
            var a = ("foo_bar", (JsonNode)TinySpecs.Obj(("x", new JsonObject { ["type"] = "integer" })));
            var b = ("fooBar", (JsonNode)TinySpecs.Obj(("y", new JsonObject { ["type"] = "boolean" })));
            var openAi = TinySpecs.OpenAi(new JsonObject { ["Holder"] = reversed ? TinySpecs.Obj(b, a) : TinySpecs.Obj(a, b) });
            openAi["components"]!["schemas"]!["Response"]!["properties"]!["holder"] = TinySpecs.Ref("Holder");
            return openAi;
        }

        var forward = TinySpecs.Sync(Holder(false));
        var backward = TinySpecs.Sync(Holder(true));

        Assert.Equal(forward, backward);
        Assert.Equal("#/components/schemas/OpenAi.HolderFooBar2", JsonNode.Parse(forward)!["components"]!["schemas"]!["OpenAi.Holder"]!["properties"]!["foo_bar"]!["$ref"]!.GetValue<string>());
    }
}
