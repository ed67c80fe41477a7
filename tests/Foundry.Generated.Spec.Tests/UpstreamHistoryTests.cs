using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Foundry.Generated.Spec.Sync;
using Foundry.Generated.Spec.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Foundry.Generated.Spec.Tests;

/// <summary>
/// The sync over real upstream revisions (spec/upstream/history, SOURCES.md there): OpenAI 3.0 and 3.1 YAML, a
/// Stainless-hosted OpenAI copy, Anthropic 3.0, 3.1 and 3.2, Google's own Gemini OpenAPI and Gemini's hand-kept
/// specs. Each one replaces its provider's checked-in file; the others stay.
/// </summary>
public sealed class UpstreamHistoryTests
{
    private readonly ITestOutputHelper _output;

    public UpstreamHistoryTests(ITestOutputHelper output)
    {
        _output = output;
    }

    public static TheoryData<string, string> Revisions => new TheoryData<string, string>
    {
        { "OpenAi", "history/openai-2025-03-11-3.0.0.yaml.gz" },
        { "OpenAi", "openai/openapi-2025-04-manual-3.0.yaml" },
        { "OpenAi", "history/openai-stainless-2025-12-19-3.1.0.yml.gz" },
        { "OpenAi", "history/openai-2026-05-13-3.1.0.yaml.gz" },
        { "OpenAi", "history/openai-2026-08-21-3.1.0.yaml.gz" },
        { "OpenAi", "openai/openapi.json" },
        { "Anthropic", "history/anthropic-2024-12-09-3.0.1.yaml.gz" },
        { "Anthropic", "history/anthropic-2025-10-29-3.0.4.yaml.gz" },
        { "Anthropic", "history/anthropic-2026-03-10-3.2.0.yaml.gz" },
        { "Anthropic", "anthropic/openapi.json" },
        { "Gemini", "history/gemini-google-2024-10-16-3.0.0.json.gz" },
        { "Gemini", "history/gemini-handkept-2024-12-23-3.0.4.yaml.gz" },
        { "Gemini", "history/gemini-handkept-2026-03-11-3.2.0.yaml.gz" },
        { "Gemini", "google/openapi.json" },
    };

    private static readonly Dictionary<string, (string Request, string Response)> Shapes = new Dictionary<string, (string, string)>
    {
        ["OpenAi"] = ("OpenAi.CreateResponse", "OpenAi.ResponseStreamEvent"),
        ["Anthropic"] = ("Anthropic.CreateMessageParams", "Anthropic.MessageStreamEvent"),
        ["Gemini"] = ("Gemini.GenerateContentRequest", "Gemini.GenerateContentResponse"),
    };

    [Theory]
    [MemberData(nameof(Revisions))]
    public void Sync_succeeds_on_the_revision_and_writes_a_complete_proxy_spec(string provider, string file)
    {
        _ = (Loaded.OpenAi, Loaded.Anthropic, Loaded.Gemini);
        var path = Repo.Path("spec", "upstream", file);
        var clock = Stopwatch.StartNew();
        var upstream = Loaded.Load(provider, path);
        var loadMs = clock.ElapsedMilliseconds;
        clock.Restart();
        var warnings = new List<string>();
        var text = SpecSynchronizer.Synchronize(
            provider == "OpenAi" ? upstream : Loaded.OpenAi,
            provider == "Anthropic" ? upstream : Loaded.Anthropic,
            provider == "Gemini" ? upstream : Loaded.Gemini,
            warnings);
        var syncMs = clock.ElapsedMilliseconds;

        var spec = JsonNode.Parse(text)!;
        var schemas = spec["components"]!["schemas"]!.AsObject();
        var paths = spec["paths"]!.AsObject();
        Assert.Equal(ProxyOperation.All.Length, paths.Count);
        Assert.Contains(Shapes[provider].Request, schemas.Select(s => s.Key));
        Assert.Contains(Shapes[provider].Response, schemas.Select(s => s.Key));
        Assert.Empty(DanglingRefs(spec, schemas));
        Assert.DoesNotContain("\"nullable\": true", text);
        foreach (var op in ProxyOperation.All.Where(o => o.Provider == provider))
        {
            var post = paths[op.FoundryPath]!["post"]!;
            Assert.NotNull(post["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]);
            Assert.NotEmpty(post["responses"]!["200"]!["content"]!.AsObject());
        }

        var own = schemas.Count(s => s.Key.StartsWith(provider + ".", System.StringComparison.Ordinal));
        _output.WriteLine($"| {file} | {upstream.Document["openapi"]} | {upstream.Schemas.Count} | {own} | {schemas.Count} | {loadMs} | {syncMs} | {warnings.Count} |");
    }

    [Fact]
    public void OpenAi_publishes_one_document_as_json_and_yaml_and_both_sync_to_the_same_bytes()
    {
        // openai/openai-openapi f85dbe2: openapi.json (checked in) and openapi.yaml (history/).
        var yaml = Loaded.Load("OpenAi", Repo.Path("spec", "upstream", "history", "openai-2026-08-21-3.1.0.yaml.gz"));

        Assert.Equal(Loaded.Sync(), Loaded.Sync(openAi: yaml));
    }

    [Theory]
    [InlineData("history/gemini-handkept-2024-12-23-3.0.4.yaml.gz")]
    [InlineData("history/gemini-handkept-2026-03-11-3.2.0.yaml.gz")]
    public void Gemini_hand_kept_specs_match_model_id_paths_and_stream_generate_content_responses(string file)
    {
        var warnings = new List<string>();
        var spec = JsonNode.Parse(SpecSynchronizer.Synchronize(Loaded.OpenAi, Loaded.Anthropic, Loaded.Load("Gemini", Repo.Path("spec", "upstream", file)), warnings))!;

        var stream = spec["paths"]!["/api/v2/llm/proxy/google/v1/models/{model}:streamGenerateContent"]!["post"]!;
        Assert.Equal("#/components/schemas/Gemini.GenerateContentResponse", stream["responses"]!["200"]!["content"]!["text/event-stream"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.Contains("for the request of POST /models/{modelId}:generateContent", Assert.Single(warnings));
        Assert.Equal("The id of the model to use.", spec["paths"]!["/api/v2/llm/proxy/google/v1/models/{model}:generateContent"]!["post"]!["parameters"]![0]!["description"]!.GetValue<string>());
    }

    [Fact]
    public void Googles_own_gemini_openapi_matches_its_versioned_paths()
    {
        // Google's discovery service writes /v1beta/models/{model}:generateContent (version prefix, {model}).
        var gemini = Loaded.Load("Gemini", Repo.Path("spec", "upstream", "history", "gemini-google-2024-10-16-3.0.0.json.gz"));
        var warnings = new List<string>();

        var spec = JsonNode.Parse(SpecSynchronizer.Synchronize(Loaded.OpenAi, Loaded.Anthropic, gemini, warnings))!;

        Assert.Empty(warnings);
        Assert.StartsWith("Generates a [streamed response]", spec["paths"]!["/api/v2/llm/proxy/google/v1/models/{model}:streamGenerateContent"]!["post"]!["description"]!.GetValue<string>());
    }

    private static IEnumerable<string> DanglingRefs(JsonNode node, JsonObject schemas)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var pair in obj)
                {
                    if (pair.Key == "$ref" && pair.Value is JsonValue v && v.GetValue<string>() is var r && r.StartsWith("#/components/schemas/", System.StringComparison.Ordinal) && !schemas.ContainsKey(r.Substring("#/components/schemas/".Length)))
                    {
                        yield return r;
                    }
                    else if (pair.Value != null)
                    {
                        foreach (var d in DanglingRefs(pair.Value, schemas))
                        {
                            yield return d;
                        }
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array.Where(i => i != null))
                {
                    foreach (var d in DanglingRefs(item!, schemas))
                    {
                        yield return d;
                    }
                }

                break;
        }
    }
}
