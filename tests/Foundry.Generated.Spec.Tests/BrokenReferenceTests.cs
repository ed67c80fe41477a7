using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using Foundry.Generated.Spec.Sync;
using Foundry.Generated.Spec.Tests.Support;
using Xunit;

namespace Foundry.Generated.Spec.Tests;

/// <summary>
/// <c>--allow-broken-refs</c>: an upstream <c>$ref</c> to a schema the document does not define (real in Gemini's
/// mirrors of 2026-04 to 2026-07) is typed as raw JSON with a located warning, instead of stopping the sync.
/// </summary>
public sealed class BrokenReferenceTests
{
    private static JsonObject OpenAiWithBrokenInput()
    {
        var openAi = TinySpecs.OpenAi();
        var input = TinySpecs.Ref("Nowhere");
        input["description"] = "Text, image, or file inputs to the model.";
        openAi["components"]!["schemas"]!["ResponseProperties"]!["properties"]!["input"] = input;
        return openAi;
    }

    [Fact]
    public void A_broken_ref_becomes_raw_json_with_a_warning_at_its_line_and_the_rest_stays_typed()
    {
        var text = OpenAiWithBrokenInput().ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        var upstream = Loaded.Read("OpenAi", "openai.json", text);
        var warnings = new List<string>();

        BrokenReferences.Untype(upstream, warnings);
        var spec = JsonNode.Parse(TinySpecs.Sync(upstream))!;

        var line = System.Array.FindIndex(text.Split('\n'), l => l.Contains("#/components/schemas/Nowhere", System.StringComparison.Ordinal)) + 1;
        var warning = Assert.Single(warnings);
        Assert.StartsWith($"openai.json:{line}:", warning);
        Assert.Contains("broken $ref '#/components/schemas/Nowhere'", warning);
        var properties = spec["components"]!["schemas"]!["OpenAi.ResponseProperties"]!["properties"]!.AsObject();
        var untyped = properties["input"]!.AsObject();
        Assert.False(untyped.ContainsKey("$ref"));
        Assert.False(untyped.ContainsKey("type"));
        Assert.Equal("Text, image, or file inputs to the model.", (string?)untyped["description"]);
        Assert.True(properties.Count > 1);
    }

    [Fact]
    public void Without_the_option_the_same_document_stops_the_sync()
    {
        Assert.Throws<SpecSyncException>(() => TinySpecs.Sync(OpenAiWithBrokenInput()));
    }

    [Fact]
    public void A_document_without_broken_refs_is_left_as_it_was()
    {
        var openAi = TinySpecs.OpenAi();
        var before = openAi.ToJsonString();
        var warnings = new List<string>();

        BrokenReferences.Untype(new UpstreamSpec("OpenAi", "openai.json", openAi), warnings);

        Assert.Empty(warnings);
        Assert.Equal(before, openAi.ToJsonString());
    }
}
