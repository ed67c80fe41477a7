using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Foundry.Generated.Spec.Sync;
using Foundry.Generated.Spec.Tests.Support;
using Xunit;

namespace Foundry.Generated.Spec.Tests;

/// <summary>Upstream operations are found by method and path shape, not by literal path or operationId.</summary>
public sealed class OperationMatchingTests
{
    /// <summary>The proxy spec without the upstream content hashes (which differ whenever the input text does).</summary>
    private static string WithoutSources(string spec)
    {
        var document = JsonNode.Parse(spec)!;
        document["info"]!.AsObject().Remove("x-foundry-upstream");
        return document.ToJsonString();
    }

    private static void RenamePath(JsonObject document, string from, string to)
    {
        var paths = document["paths"]!.AsObject();
        var item = paths[from]!;
        paths.Remove(from);
        paths[to] = item;
    }

    [Fact]
    public void Path_parameters_are_compared_by_position_not_name()
    {
        // Gemini's hand-kept specs say {modelId} where the Discovery conversion says {modelsId}.
        var gemini = TinySpecs.Gemini();
        RenamePath(gemini, "/models/{modelsId}:generateContent", "/models/{modelId}:generateContent");
        RenamePath(gemini, "/models/{modelsId}:streamGenerateContent", "/models/{model}:streamGenerateContent");

        Assert.Equal(WithoutSources(TinySpecs.Sync(TinySpecs.OpenAi())), WithoutSources(TinySpecs.Sync(TinySpecs.OpenAi(), gemini: gemini)));
    }

    [Fact]
    public void Trailing_slashes_version_prefixes_and_operation_id_renames_do_not_matter()
    {
        var openAi = TinySpecs.OpenAi();
        RenamePath(openAi, "/chat/completions", "/chat/completions/");
        RenamePath(openAi, "/embeddings", "/v1/embeddings");
        openAi["paths"]!["/responses"]!["post"]!["operationId"] = "createResponseRenamed";
        var gemini = TinySpecs.Gemini();
        RenamePath(gemini, "/models/{modelsId}:generateContent", "/v1beta/models/{model}:generateContent");

        Assert.Equal(WithoutSources(TinySpecs.Sync(TinySpecs.OpenAi())), WithoutSources(TinySpecs.Sync(openAi, gemini: gemini)));
    }

    [Fact]
    public void The_exact_path_wins_and_query_string_variants_are_other_operations()
    {
        // Stainless-style documents also list /responses?beta=true; it must not be taken for /responses.
        var openAi = TinySpecs.OpenAi(new JsonObject { ["BetaRequest"] = TinySpecs.Obj(("beta", TinySpecs.Str())) });
        var beta = openAi["paths"]!["/responses"]!.DeepClone();
        beta["post"]!["requestBody"]!["content"]!["application/json"]!["schema"] = TinySpecs.Ref("BetaRequest");
        openAi["paths"]!["/responses?beta=true"] = beta;
        openAi["paths"]!["/responses/"] = beta.DeepClone();

        var spec = TinySpecs.Sync(openAi);

        Assert.DoesNotContain("OpenAi.BetaRequest", spec);
    }

    [Fact]
    public void Two_operations_of_the_same_shape_are_an_error_naming_both()
    {
        var gemini = TinySpecs.Gemini();
        RenamePath(gemini, "/models/{modelsId}:generateContent", "/models/{a}:generateContent");
        gemini["paths"]!["/models/{b}:generateContent/"] = gemini["paths"]!["/models/{a}:generateContent"]!.DeepClone();

        var error = Assert.Throws<SpecSyncException>(() => TinySpecs.Sync(TinySpecs.OpenAi(), gemini: gemini));

        Assert.Equal("gemini.json: POST /models/{modelsId}:generateContent matches several upstream operations: POST /models/{a}:generateContent, POST /models/{b}:generateContent/", error.Message);
    }

    [Fact]
    public void No_match_lists_the_closest_candidates_with_their_lines()
    {
        var openAi = TinySpecs.OpenAi();
        RenamePath(openAi, "/embeddings", "/embedding");
        openAi["paths"]!["/embeddings?beta=true"] = openAi["paths"]!["/embedding"]!.DeepClone();
        openAi["paths"]!["/embeddings/{id}"] = new JsonObject { ["get"] = new JsonObject { ["operationId"] = "getEmbedding" } };
        var yamlText = TestYaml.Emit(openAi);
        // An operation is located at its first key, two lines below its path.
        string Line(string path) => (yamlText.Split('\n').ToList().FindIndex(l => l == "  " + path + ":") + 3).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var error = Assert.Throws<SpecSyncException>(() => TinySpecs.Sync(Loaded.Read("OpenAi", "openai.yaml", yamlText)));

        Assert.Equal(
            $"openai.yaml:3:3: missing operation POST /embeddings (needed for /api/v2/llm/proxy/openai/v1/embeddings; matched by method and path shape: parameters by position, trailing slash and version prefix ignored); closest upstream operations: POST /embedding (line {Line("/embedding")}), POST /embeddings?beta=true (line {Line("\"/embeddings?beta=true\"")}), GET /embeddings/{{id}} (line {Line("/embeddings/{id}")})",
            error.Message);
    }

    [Fact]
    public void Gemini_without_a_stream_operation_streams_generate_content_responses_with_a_warning()
    {
        var gemini = TinySpecs.Gemini();
        gemini["paths"]!.AsObject().Remove("/models/{modelsId}:streamGenerateContent");
        RenamePath(gemini, "/models/{modelsId}:generateContent", "/models/{modelId}:generateContent");
        var warnings = new List<string>();

        var spec = JsonNode.Parse(SpecSynchronizer.Synchronize(
            new UpstreamSpec("OpenAi", "openai.json", TinySpecs.OpenAi()),
            new UpstreamSpec("Anthropic", "anthropic.json", TinySpecs.Anthropic()),
            new UpstreamSpec("Gemini", "gemini.json", gemini),
            warnings))!;

        var stream = spec["paths"]!["/api/v2/llm/proxy/google/v1/models/{model}:streamGenerateContent"]!["post"]!;
        Assert.Equal("#/components/schemas/Gemini.GenerateContentResponse", stream["responses"]!["200"]!["content"]!["text/event-stream"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/Gemini.GenerateContentRequest", stream["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.Equal("gemini.json: no operation matches POST /models/{modelsId}:streamGenerateContent; /api/v2/llm/proxy/google/v1/models/{model}:streamGenerateContent streams GenerateContentResponse events for the request of POST /models/{modelId}:generateContent", Assert.Single(warnings));
    }
}
