using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Foundry.Generated.Spec.Sync;
using Foundry.Generated.Spec.Tests.Support;
using Xunit;

namespace Foundry.Generated.Spec.Tests;

/// <summary>Every sync error names the input file and the line and column in that file (YAML lines for YAML).</summary>
public sealed class ErrorLocationTests
{
    private static readonly JsonSerializerOptions Indented = new JsonSerializerOptions { WriteIndented = true };

    /// <summary>Syncs <paramref name="openAi"/> written as YAML and as JSON; returns both errors and both texts.</summary>
    private static (SpecSyncException Yaml, string YamlText, SpecSyncException Json, string JsonText) SyncBoth(JsonObject openAi)
    {
        var yamlText = TestYaml.Emit(openAi);
        var jsonText = openAi.ToJsonString(Indented);
        var yaml = Assert.Throws<SpecSyncException>(() => TinySpecs.Sync(Loaded.Read("OpenAi", "openai.yaml", yamlText)));
        var json = Assert.Throws<SpecSyncException>(() => TinySpecs.Sync(Loaded.Read("OpenAi", "openai.json", jsonText)));
        return (yaml, yamlText, json, jsonText);
    }

    /// <summary>"file:line:column" of the first line containing <paramref name="needle"/>, at the needle's column.</summary>
    private static string At(string file, string text, string needle, int offset = 0)
    {
        var lines = text.Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains(needle, StringComparison.Ordinal));
        Assert.True(index >= 0, $"'{needle}' not in {file}");
        return $"{file}:{index + 1}:{lines[index].IndexOf(needle, StringComparison.Ordinal) + 1 + offset}";
    }

    [Fact]
    public void Broken_ref_names_the_file_line_and_column_of_the_ref_in_yaml_and_in_json()
    {
        var openAi = TinySpecs.OpenAi();
        openAi["components"]!["schemas"]!["ResponseProperties"]!["properties"]!["input"] = TinySpecs.Ref("Nowhere");

        var (yaml, yamlText, json, jsonText) = SyncBoth(openAi);

        // The value's position: after "$ref: " in YAML, at the opening quote in JSON.
        Assert.Equal(At("openai.yaml", yamlText, "\"#/components/schemas/Nowhere\"") + ": broken $ref '#/components/schemas/Nowhere' at ResponseProperties.Input: no such schema", yaml.Message);
        Assert.Equal(At("openai.json", jsonText, "\"#/components/schemas/Nowhere\"") + ": broken $ref '#/components/schemas/Nowhere' at ResponseProperties.Input: no such schema", json.Message);
    }

    [Fact]
    public void External_ref_in_a_request_body_is_located_at_the_ref()
    {
        var openAi = TinySpecs.OpenAi();
        openAi["paths"]!["/embeddings"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"] = new JsonObject { ["$ref"] = "other.yaml#/Embedding" };

        var (yaml, yamlText, json, jsonText) = SyncBoth(openAi);

        Assert.StartsWith(At("openai.yaml", yamlText, "\"other.yaml#/Embedding\"") + ": unsupported $ref 'other.yaml#/Embedding' at POST /embeddings request body", yaml.Message);
        Assert.StartsWith(At("openai.json", jsonText, "\"other.yaml#/Embedding\"") + ": unsupported $ref", json.Message);
    }

    [Fact]
    public void Missing_request_schema_reference_is_located_at_the_media_type()
    {
        var openAi = TinySpecs.OpenAi();
        openAi["paths"]!["/embeddings"]!["post"]!["requestBody"]!["content"]!["application/json"] = new JsonObject { ["example"] = "inline, no schema" };

        var (yaml, yamlText, _, _) = SyncBoth(openAi);

        // A block mapping starts at its first key.
        Assert.Equal(At("openai.yaml", yamlText, "example: ") + ": POST /embeddings has no request body schema reference", yaml.Message);
    }

    [Fact]
    public void A_type_that_is_not_a_type_name_is_located_at_the_value()
    {
        var openAi = TinySpecs.OpenAi();
        openAi["components"]!["schemas"]!["Response"]!["properties"]!["count"] = new JsonObject { ["type"] = 7 };

        var (yaml, yamlText, json, jsonText) = SyncBoth(openAi);

        Assert.Equal(At("openai.yaml", yamlText, "type: 7", 6) + ": 'type' at Response.Count is not a type name or a list of them", yaml.Message);
        Assert.StartsWith(At("openai.json", jsonText, "\"type\": 7", 8) + ": 'type' at Response.Count", json.Message);
    }

    [Fact]
    public void A_value_of_the_wrong_kind_in_a_component_is_reported_at_that_component()
    {
        var openAi = TinySpecs.OpenAi(new JsonObject
        {
            ["Event"] = new JsonObject
            {
                ["oneOf"] = new JsonArray(TinySpecs.Ref("A"), TinySpecs.Ref("B")),
                ["discriminator"] = new JsonObject { ["propertyName"] = "type" },
            },
            ["A"] = TinySpecs.Obj(("type", new JsonObject { ["const"] = "a" })),
            ["B"] = new JsonObject { ["type"] = "object", ["properties"] = new JsonArray("type") },
        });
        openAi["components"]!["schemas"]!["ResponseStreamEvent"] = TinySpecs.Ref("Event");

        var (yaml, yamlText, _, _) = SyncBoth(openAi);

        Assert.StartsWith(At("openai.yaml", yamlText, "oneOf:") + ": unexpected input shape while syncing POST /responses: ", yaml.Message);
    }

    [Fact]
    public void A_value_of_the_wrong_kind_in_an_operation_is_reported_at_that_operation()
    {
        var openAi = TinySpecs.OpenAi();
        openAi["paths"]!["/embeddings"]!["post"]!["responses"] = new JsonArray("200");

        var (yaml, yamlText, _, _) = SyncBoth(openAi);

        var embeddings = yamlText.IndexOf("  /embeddings:", StringComparison.Ordinal);
        var requestBody = yamlText.Substring(0, yamlText.IndexOf("requestBody:", embeddings, StringComparison.Ordinal)).Split('\n').Length;
        Assert.StartsWith($"openai.yaml:{requestBody}:7: unexpected input shape while syncing POST /embeddings: ", yaml.Message);
    }

    [Fact]
    public void Missing_stream_schema_is_located_at_the_components()
    {
        var anthropic = TinySpecs.Anthropic();
        anthropic["components"]!["schemas"]!.AsObject().Remove("MessageStreamEvent");
        var yamlText = TestYaml.Emit(anthropic);

        var error = Assert.Throws<SpecSyncException>(() => TinySpecs.Sync(new UpstreamSpec("OpenAi", "openai.json", TinySpecs.OpenAi()), Loaded.Read("Anthropic", "anthropic.yaml", yamlText)));

        Assert.Equal(At("anthropic.yaml", yamlText, "CreateMessageParams:") + ": the stream event schema 'MessageStreamEvent' is missing (needed for /api/v2/llm/proxy/anthropic/v1/messages)", error.Message);
    }
}
