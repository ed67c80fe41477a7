using System.Linq;
using System.Text.Json.Nodes;
using Foundry.Generated.Runtime;
using Json.Schema;
using Xunit;

namespace Foundry.Generated.Catalog.Tests;

/// <summary>The checked-in spec/model-catalog.json: valid against its schema and true to the known facts.</summary>
public sealed class CheckedInCatalogTests
{
    private static readonly ModelCatalog Catalog = LoadCatalog();

    // JsonSchema.Net registers schemas by $id globally: load it once.
    private static readonly JsonSchema Schema = JsonSchema.FromText(RepoFiles.Read("spec/model-catalog.schema.json"));

    private static ModelCatalog LoadCatalog()
    {
        var result = CatalogReader.Read(RepoFiles.Read("spec/model-catalog.json"));
        Assert.Empty(result.Problems);
        return result.Catalog!;
    }

    [Fact]
    public void Catalog_is_valid_against_its_json_schema()
    {
        var schema = Schema;
        using var instance = System.Text.Json.JsonDocument.Parse(RepoFiles.Read("spec/model-catalog.json"));

        var result = schema.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Select(d => d.InstanceLocation + ": " + string.Join("; ", d.Errors!.Values))));
    }

    [Fact]
    public void Schema_rejects_an_entry_with_an_unknown_route()
    {
        var schema = Schema;
        var instance = JsonNode.Parse(RepoFiles.Read("spec/model-catalog.json"))!;
        instance["models"]![0]!["routes"]![0]!["route"] = "openai-completions";

        using var document = System.Text.Json.JsonDocument.Parse(instance.ToJsonString());
        Assert.False(schema.Evaluate(document.RootElement).IsValid);
    }

    [Theory]
    [InlineData("gpt-5-mini")]
    [InlineData("gpt-5.2")]
    [InlineData("gpt-5-nano")]
    public void Gpt5_family_works_on_responses_only_and_chat_completions_is_a_reported_500(string id)
    {
        var model = Catalog.Find(id)!;

        Assert.Equal(new[] { FoundryRoutes.OpenAiResponses }, model.Routes.Select(r => r.Route));
        var rejection = model.RejectionFor(FoundryRoutes.OpenAiChatCompletions);
        Assert.NotNull(rejection);
        Assert.Equal(500, rejection!.Status);
        Assert.Equal(FoundryRoutes.OpenAiResponses, model.PreferredRoute);
    }

    [Theory]
    [InlineData("gpt-4.1")]
    [InlineData("gpt-4.1-mini")]
    [InlineData("gpt-4.1-nano")]
    public void Gpt4_1_family_works_on_both_openai_routes(string id)
    {
        var routes = Catalog.Find(id)!.Routes.Select(r => r.Route).ToArray();

        Assert.Contains(FoundryRoutes.OpenAiResponses, routes);
        Assert.Contains(FoundryRoutes.OpenAiChatCompletions, routes);
    }

    [Fact]
    public void Dated_snapshot_id_is_not_a_model_and_suggests_the_base_id()
    {
        Assert.Null(Catalog.Find("gpt-5-mini-2025-08-07"));
        Assert.Equal("gpt-5-mini", Catalog.Suggest("gpt-5-mini-2025-08-07").First());
    }

    [Fact]
    public void Rids_resolve_to_the_same_model_as_friendly_ids()
    {
        Assert.Equal("gpt-5.2", Catalog.Find("ri.language-model-service..language-model.gpt-5-2")!.Id);
        Assert.Equal("gpt-5.2", Catalog.Find("GPT-5.2")!.Id);
        Assert.Equal("claude-sonnet-4.5", Catalog.Find("ri.language-model-service..language-model.anthropic-claude-4-5-sonnet")!.Id);
    }

    [Fact]
    public void Every_model_prefers_one_of_its_routes_and_uses_known_route_ids()
    {
        foreach (var model in Catalog.Models)
        {
            Assert.Contains(model.PreferredRoute, model.Routes.Select(r => r.Route));
            Assert.All(model.Routes, r => Assert.Contains(r.Route, FoundryRoutes.All));
        }
    }

    [Fact]
    public void Catalog_route_ids_match_the_runtime_route_constants()
    {
        Assert.Equal(FoundryRoutes.All.OrderBy(r => r), Catalog.Routes.Select(r => r.Id).OrderBy(r => r));
        Assert.Equal(FoundryRoutes.All.OrderBy(r => r), Foundry.Generated.Catalog.ModelIds.ModelIdRules.KnownRoutes.OrderBy(r => r));
    }

    [Fact]
    public void Reasoning_models_reject_temperature_and_need_max_completion_tokens()
    {
        var gpt5 = Catalog.Find("gpt-5")!;
        Assert.True(gpt5.Capabilities.Reasoning);
        Assert.False(gpt5.Capabilities.Temperature);
        Assert.Equal("max_completion_tokens", gpt5.Capabilities.MaxTokensParameter);
        Assert.Equal("max_tokens", Catalog.Find("gpt-4.1")!.Capabilities.MaxTokensParameter);
    }

    [Fact]
    public void Embedding_models_carry_dimensions_and_azure_rids()
    {
        var large = Catalog.Find("text-embedding-3-large")!;
        Assert.Equal(3072, large.Capabilities.EmbeddingDimensions);
        Assert.EndsWith("text-embedding-3-large_azure", large.Rid);
    }

    [Fact]
    public void Retired_models_carry_their_lifecycle_and_date()
    {
        var codexMax = Catalog.Find("gpt-5.1-codex-max")!;
        Assert.Equal("deprecated", codexMax.Lifecycle);
        Assert.Equal("2026-07-09", codexMax.LifecycleDate);
        Assert.Equal("sunset", Catalog.Find("gpt-4o-mini")!.Lifecycle);
    }
}
