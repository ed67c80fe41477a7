using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Foundry.Generated.Spec.Sync;
using Foundry.Generated.Spec.Tests.Support;
using Xunit;

namespace Foundry.Generated.Spec.Tests;

/// <summary>
/// spec/upstream/added-schemas.json and omitted-properties.json (what real recordings show beyond the upstream files):
/// every entry applies to the checked-in upstream files, cites recordings that exist, and shows in the synced spec;
/// the upstream documents themselves are not modified.
/// </summary>
public sealed class AmendmentTests
{
    private static JsonNode Spec(ICollection<string> unapplied)
        => JsonNode.Parse(SpecSynchronizer.Synchronize(Loaded.OpenAi, Loaded.Anthropic, Loaded.Gemini, null, ProxyAmendments.CheckedIn, unapplied))!;

    [Fact]
    public void Every_amendment_applies_to_the_checked_in_upstream_files()
    {
        var unapplied = new List<string>();

        Spec(unapplied);

        Assert.Empty(unapplied);
    }

    [Fact]
    public void Every_amendment_cites_recordings_that_exist()
    {
        foreach (var file in new[] { "added-schemas.json", "omitted-properties.json" })
        {
            var document = JsonNode.Parse(File.ReadAllText(Repo.Path("spec", "upstream", file)))!;
            var evidence = document.AsObject().Where(p => p.Value is JsonArray).SelectMany(p => p.Value!.AsArray()).Select(e => e!["evidence"]!.AsArray()).ToList();
            Assert.NotEmpty(evidence);
            foreach (var list in evidence)
            {
                Assert.NotEmpty(list);
                foreach (var recording in list)
                {
                    Assert.True(File.Exists(Repo.Path("tests", "fixtures", recording!.GetValue<string>())), $"{file}: no recording {recording}");
                }
            }
        }
    }

    [Fact]
    public void The_synced_spec_carries_the_amendments_and_the_upstream_document_is_untouched()
    {
        var before = Loaded.Anthropic.Document["components"]!["schemas"]!["ContentBlock"]!.ToJsonString();
        var spec = Spec(new List<string>());
        var schemas = spec["components"]!["schemas"]!;

        Assert.Equal(before, Loaded.Anthropic.Document["components"]!["schemas"]!["ContentBlock"]!.ToJsonString());
        Assert.Equal("#/components/schemas/Anthropic.BetaResponseMCPToolUseBlock", schemas["Anthropic.ContentBlock"]!["discriminator"]!["mapping"]!["mcp_tool_use"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/Anthropic.BetaCompactionContentBlockDelta", schemas["Anthropic.ContentBlockDeltaEventDelta"]!["discriminator"]!["mapping"]!["compaction_delta"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/OpenAi.ResponseApplyPatchCallOperationDiffDeltaEvent", schemas["OpenAi.ResponseStreamEvent"]!["discriminator"]!["mapping"]!["response.apply_patch_call_operation_diff.delta"]!.GetValue<string>());
        Assert.DoesNotContain("choices", schemas["OpenAi.CreateChatCompletionStreamResponse"]!["required"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(2, schemas["OpenAi.EmbeddingEmbedding"]!["oneOf"]!.AsArray().Count);
        Assert.Null(Loaded.Gemini.Document["components"]!["schemas"]!["FunctionCall"]!["properties"]!["partialArgs"]);
        Assert.Equal("#/components/schemas/Gemini.PartialArg", schemas["Gemini.FunctionCall"]!["properties"]!["partialArgs"]!["items"]!["$ref"]!.GetValue<string>());
        Assert.Equal("boolean", schemas["Gemini.FunctionCall"]!["properties"]!["willContinue"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void An_added_property_the_upstream_schema_already_has_is_reported_and_the_upstream_one_kept()
    {
        var amendments = new ProxyAmendments(
            JsonNode.Parse("""{"properties": [{"provider": "Gemini", "schema": "GenerateContentResponse", "evidence": [], "add": {"text": {"type": "integer"}, "extra": {"type": "boolean"}}}]}""")!.AsObject(),
            new JsonObject());
        var unapplied = new List<string>();

        var amended = amendments.Upstream(new UpstreamSpec("Gemini", "gemini.json", TinySpecs.Gemini()), unapplied);

        var properties = amended.Document["components"]!["schemas"]!["GenerateContentResponse"]!["properties"]!;
        Assert.Equal("string", properties["text"]!["type"]!.GetValue<string>());
        Assert.Equal("boolean", properties["extra"]!["type"]!.GetValue<string>());
        Assert.Equal(["Gemini: GenerateContentResponse.text already exists upstream (drop it from added-schemas.json)"], unapplied);
    }

    [Fact]
    public void Without_amendments_the_sync_gives_the_upstream_shapes()
    {
        var spec = JsonNode.Parse(SpecSynchronizer.Synchronize(Loaded.OpenAi, Loaded.Anthropic, Loaded.Gemini, null, ProxyAmendments.None, null))!;
        var schemas = spec["components"]!["schemas"]!;

        Assert.Null(schemas["Anthropic.BetaResponseMCPToolUseBlock"]);
        Assert.Contains("choices", schemas["OpenAi.CreateChatCompletionStreamResponse"]!["required"]!.AsArray().Select(r => r!.GetValue<string>()));
    }
}
