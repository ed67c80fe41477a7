using System;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Structured;

/// <summary>The schema sent for a caller's type: JsonSchemaExporter's, transformed to each provider's rules, and a
/// keyword a provider refuses rejected with the member's name.</summary>
public sealed class StructuredSchemaTests
{
    [Theory]
    [InlineData("openai-responses")]
    [InlineData("openai-chat-completions")]
    [InlineData("xai-responses")]
    [InlineData("xai-chat-completions")]
    public void OpenAi_strict_mode_requires_every_property_closes_every_object_and_makes_optional_ones_nullable(string route)
    {
        var schema = FoundryStructuredOutput.GetSchema(StructuredJson.Default.Forecast, route);

        Assert.False(schema.GetProperty("additionalProperties").GetBoolean());
        var properties = schema.GetProperty("properties");
        Assert.Equal(
            properties.EnumerateObject().Select(p => p.Name).OrderBy(n => n),
            schema.GetProperty("required").EnumerateArray().Select(n => n.GetString()!).OrderBy(n => n));
        // Required in C#: not nullable. Optional: a union with null.
        Assert.Equal("string", properties.GetProperty("city").GetProperty("type").GetString());
        Assert.Contains("null", Types(properties.GetProperty("note")));
        Assert.Contains("null", Types(properties.GetProperty("days")));
        var day = properties.GetProperty("days").GetProperty("items");
        Assert.False(day.GetProperty("additionalProperties").GetBoolean());
        Assert.Equal(new[] { "name", "rainMillimetres" }, day.GetProperty("required").EnumerateArray().Select(n => n.GetString()!).OrderBy(n => n));
        Assert.Contains("null", Types(day.GetProperty("properties").GetProperty("rainMillimetres")));
        // The enum keeps its values (and gains null, being optional).
        var sky = properties.GetProperty("sky");
        Assert.Contains("Cloudy", sky.GetProperty("enum").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? "null" : v.GetString()));
    }

    [Fact]
    public void Anthropic_closes_objects_but_keeps_optional_properties_optional()
    {
        var schema = FoundryStructuredOutput.GetSchema(StructuredJson.Default.Forecast, "anthropic-messages");

        Assert.False(schema.GetProperty("additionalProperties").GetBoolean());
        var required = schema.GetProperty("required").EnumerateArray().Select(n => n.GetString()!).ToArray();
        Assert.Contains("city", required);
        Assert.DoesNotContain("note", required);
        Assert.False(schema.GetProperty("properties").GetProperty("days").GetProperty("items").GetProperty("additionalProperties").GetBoolean());
    }

    [Fact]
    public void Gemini_gets_the_schema_without_strict_additions_and_accepts_a_dictionary()
    {
        var schema = FoundryStructuredOutput.GetSchema(StructuredJson.Default.Forecast, "google-generate-content");
        Assert.False(schema.TryGetProperty("additionalProperties", out _));

        var dictionary = FoundryStructuredOutput.GetSchema(StructuredJson.Default.WithDictionary, "google-generate-content");
        Assert.Equal("integer", dictionary.GetProperty("properties").GetProperty("counts").GetProperty("additionalProperties").GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("openai-responses")]
    [InlineData("openai-chat-completions")]
    [InlineData("anthropic-messages")]
    public void A_dictionary_is_refused_naming_the_member(string route)
    {
        var e = Assert.Throws<ArgumentException>(() => FoundryStructuredOutput.GetSchema(StructuredJson.Default.WithDictionary, route));
        Assert.Contains("WithDictionary.counts", e.Message);
        Assert.Contains("additionalProperties", e.Message);
    }

    [Theory]
    [InlineData("openai-responses")]
    [InlineData("anthropic-messages")]
    [InlineData("google-generate-content")]
    public void A_member_of_any_type_is_refused_naming_it(string route)
    {
        var e = Assert.Throws<ArgumentException>(() => FoundryStructuredOutput.GetSchema(StructuredJson.Default.WithAny, route));
        Assert.Contains("WithAny.payload", e.Message);
    }

    [Fact]
    public void A_recursive_type_is_refused_on_anthropic_naming_the_member_and_kept_on_openai()
    {
        var e = Assert.Throws<ArgumentException>(() => FoundryStructuredOutput.GetSchema(StructuredJson.Default.Node, "anthropic-messages"));
        Assert.Contains("Node.next", e.Message);
        Assert.Contains("recursive", e.Message);

        var schema = FoundryStructuredOutput.GetSchema(StructuredJson.Default.Node, "openai-responses");
        Assert.Contains("$ref", schema.GetRawText());
    }

    [Fact]
    public void OpenAi_needs_an_object_at_the_root()
    {
        var e = Assert.Throws<ArgumentException>(() => FoundryStructuredOutput.GetSchema(StructuredJson.Default.Int32Array, "openai-responses"));
        Assert.Contains("root", e.Message);
    }

    private static string[] Types(JsonElement schema)
    {
        if (schema.TryGetProperty("type", out var type))
        {
            return type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToArray() : new[] { type.GetString()! };
        }

        return schema.TryGetProperty("anyOf", out var anyOf) ? anyOf.EnumerateArray().SelectMany(Types).ToArray() : Array.Empty<string>();
    }
}
