using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Foundry.Generated.Spec.Sync;
using Foundry.Generated.Spec.Tests.Support;
using Foundry.Generated.Spec.Writing;
using Xunit;

namespace Foundry.Generated.Spec.Tests;

/// <summary>description and deprecated go through the sync (for XML docs and [Obsolete] in generated code).</summary>
public sealed class AnnotationTests
{
    /// <summary>Same JSON, whatever the key order.</summary>
    private static void AssertJson(string expected, JsonNode? actual)
        => Assert.Equal(CanonicalJsonWriter.Compact(JsonNode.Parse(expected)!), CanonicalJsonWriter.Compact(actual!));

    private static JsonObject Schemas(string spec) => JsonNode.Parse(spec)!["components"]!["schemas"]!.AsObject();

    private static JsonObject SyncWithHolder(JsonObject holder, JsonObject? extra = null)
    {
        var schemas = new JsonObject { ["Holder"] = holder, ["Target"] = TinySpecs.Obj(("x", new JsonObject { ["type"] = "integer" })) };
        foreach (var pair in extra ?? new JsonObject())
        {
            schemas[pair.Key] = pair.Value!.DeepClone();
        }

        var openAi = TinySpecs.OpenAi(schemas);
        openAi["components"]!["schemas"]!["Response"]!["properties"]!["holder"] = TinySpecs.Ref("Holder");
        return Schemas(TinySpecs.Sync(openAi));
    }

    [Fact]
    public void Components_and_properties_keep_description_and_deprecated_in_every_position()
    {
        var holder = TinySpecs.Obj(
            ("plain", new JsonObject { ["type"] = "string", ["description"] = "Plain.\n\n", ["deprecated"] = true }),
            ("linked", new JsonObject { ["$ref"] = "#/components/schemas/Target", ["description"] = "Beside a $ref." }),
            ("nullable_link", new JsonObject { ["anyOf"] = new JsonArray(TinySpecs.Ref("Target"), new JsonObject { ["type"] = "null" }), ["description"] = "On the anyOf.", ["deprecated"] = true }),
            ("current", new JsonObject { ["type"] = "integer", ["description"] = "Not deprecated.", ["deprecated"] = false }));
        holder["description"] = "The holder.";
        holder["deprecated"] = true;

        var schemas = SyncWithHolder(holder);

        var result = schemas["OpenAi.Holder"]!;
        Assert.Equal("The holder.", result["description"]!.GetValue<string>());
        Assert.True(result["deprecated"]!.GetValue<bool>());
        var properties = result["properties"]!;
        AssertJson("""{"type":"string","description":"Plain.","deprecated":true}""", properties["plain"]!);
        AssertJson("""{"$ref":"#/components/schemas/OpenAi.Target","description":"Beside a $ref."}""", properties["linked"]!);
        AssertJson("""{"anyOf":[{"$ref":"#/components/schemas/OpenAi.Target"},{"type":"null"}],"description":"On the anyOf.","deprecated":true}""", properties["nullable_link"]!);
        AssertJson("""{"type":"integer","description":"Not deprecated."}""", properties["current"]!);
    }

    [Fact]
    public void Hoisted_enums_and_objects_carry_their_description_into_the_new_component()
    {
        var holder = TinySpecs.Obj(
            ("status", new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("queued", "done"), ["description"] = "Where the job is." }),
            ("size", new JsonObject { ["type"] = "object", ["deprecated"] = true, ["description"] = "Old size.", ["properties"] = new JsonObject { ["w"] = new JsonObject { ["type"] = "integer", ["description"] = "Width." } } }));

        var schemas = SyncWithHolder(holder);

        AssertJson("""{"type":"string","enum":["queued","done"],"description":"Where the job is."}""", schemas["OpenAi.HolderStatus"]!);
        AssertJson("""{"$ref":"#/components/schemas/OpenAi.HolderStatus","description":"Where the job is."}""", schemas["OpenAi.Holder"]!["properties"]!["status"]!);
        Assert.Equal("Old size.", schemas["OpenAi.HolderSize"]!["description"]!.GetValue<string>());
        Assert.True(schemas["OpenAi.HolderSize"]!["deprecated"]!.GetValue<bool>());
        Assert.Equal("Width.", schemas["OpenAi.HolderSize"]!["properties"]!["w"]!["description"]!.GetValue<string>());
    }

    [Fact]
    public void The_same_shape_described_differently_is_still_one_component()
    {
        // allOf parts that redefine a property (OpenAI does) hoist under the same name: prose must not split the type.
        var holder = new JsonObject
        {
            ["allOf"] = new JsonArray(
                TinySpecs.Obj(("mode", new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("a", "b"), ["description"] = "First words." })),
                TinySpecs.Obj(("mode", new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("a", "b"), ["description"] = "Other words." }))),
        };

        var schemas = SyncWithHolder(holder);

        Assert.Equal("First words.", schemas["OpenAi.HolderMode"]!["description"]!.GetValue<string>());
        Assert.DoesNotContain("OpenAi.HolderMode2", schemas.Select(p => p.Key));
    }

    [Fact]
    public void Items_map_values_and_union_members_get_no_description()
    {
        // Free-form values stay {} (the generator reads a non-empty additionalProperties as a typed map).
        var holder = TinySpecs.Obj(
            ("tags", new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string", ["description"] = "A tag." } }),
            ("extra", new JsonObject { ["type"] = "object", ["additionalProperties"] = new JsonObject { ["description"] = "Anything." } }),
            ("either", new JsonObject { ["oneOf"] = new JsonArray(new JsonObject { ["type"] = "integer", ["description"] = "A number." }, new JsonObject { ["type"] = "boolean" }) }));

        var schemas = SyncWithHolder(holder);
        var properties = schemas["OpenAi.Holder"]!["properties"]!;

        AssertJson("""{"type":"array","items":{"type":"string"}}""", properties["tags"]!);
        AssertJson("""{"type":"object","additionalProperties":{}}""", properties["extra"]!);
        Assert.DoesNotContain("A number.", schemas.ToJsonString());
    }

    [Fact]
    public void Operations_and_the_model_path_parameter_keep_their_prose()
    {
        var openAi = TinySpecs.OpenAi();
        openAi["paths"]!["/embeddings"]!["post"]!["description"] = "Creates an embedding vector.";
        openAi["paths"]!["/embeddings"]!["post"]!["deprecated"] = true;
        openAi["components"]!["schemas"]!["CreateEmbeddingRequest"]!["properties"]!["model"]!["description"] = "ID of the model to use.";
        var gemini = TinySpecs.Gemini();
        gemini["components"]!["parameters"] = new JsonObject { ["model"] = new JsonObject { ["name"] = "modelsId", ["in"] = "path", ["required"] = true, ["description"] = "The model id.", ["schema"] = TinySpecs.Str() } };
        gemini["paths"]!["/models/{modelsId}:generateContent"]!["parameters"] = new JsonArray(new JsonObject { ["$ref"] = "#/components/parameters/model" });

        var spec = JsonNode.Parse(TinySpecs.Sync(openAi, gemini: gemini))!;

        var embeddings = spec["paths"]!["/api/v2/llm/proxy/openai/v1/embeddings"]!["post"]!;
        Assert.Equal("Creates an embedding vector.", embeddings["description"]!.GetValue<string>());
        Assert.True(embeddings["deprecated"]!.GetValue<bool>());
        Assert.Equal("ID of the model to use.", spec["components"]!["schemas"]!["OpenAi.CreateEmbeddingRequest"]!["properties"]!["model"]!["description"]!.GetValue<string>());
        var model = spec["paths"]!["/api/v2/llm/proxy/google/v1/models/{model}:generateContent"]!["post"]!["parameters"]![0]!;
        AssertJson("""{"name":"model","in":"path","required":true,"schema":{"type":"string"},"x-foundry-model-route":"google-generate-content","description":"The model id."}""", model);
    }

    [Fact]
    public void A_fallback_operation_lends_its_request_but_not_its_description()
    {
        var gemini = TinySpecs.Gemini();
        gemini["paths"]!.AsObject().Remove("/models/{modelsId}:streamGenerateContent");
        gemini["paths"]!["/models/{modelsId}:generateContent"]!["post"]!["description"] = "Generates a response.";

        var spec = JsonNode.Parse(TinySpecs.Sync(TinySpecs.OpenAi(), gemini: gemini))!;

        Assert.Equal("Generates a response.", spec["paths"]!["/api/v2/llm/proxy/google/v1/models/{model}:generateContent"]!["post"]!["description"]!.GetValue<string>());
        Assert.Null(spec["paths"]!["/api/v2/llm/proxy/google/v1/models/{model}:streamGenerateContent"]!["post"]!["description"]);
    }

    [Fact]
    public void Prose_is_written_readably_and_reads_back_unchanged()
    {
        const string prose = "Use `model` — “quoted” <b>&amp;</b> + naïve 🙂\ttab\u0001 \\ \"q\"";
        var holder = TinySpecs.Obj(("text", new JsonObject { ["type"] = "string", ["description"] = prose }));
        var openAi = TinySpecs.OpenAi(new JsonObject { ["Holder"] = holder });
        openAi["components"]!["schemas"]!["Response"]!["properties"]!["holder"] = TinySpecs.Ref("Holder");

        var spec = TinySpecs.Sync(openAi);

        Assert.Contains("\"description\": \"Use `model` — “quoted” <b>&amp;</b> + naïve 🙂\\ttab\\u0001 \\\\ \\\"q\\\"\"", spec);
        Assert.Equal(prose, Schemas(spec)["OpenAi.Holder"]!["properties"]!["text"]!["description"]!.GetValue<string>());
    }

    [Fact]
    public void The_checked_in_spec_documents_the_request_models()
    {
        var schemas = Schemas(Loaded.Sync());

        var properties = new List<JsonNode?>
        {
            schemas["OpenAi.CreateEmbeddingRequest"]!["properties"]!["input"],
            schemas["Anthropic.CreateMessageParams"]!["properties"]!["max_tokens"],
            schemas["Gemini.GenerateContentRequest"]!["properties"]!["contents"],
        };
        Assert.All(properties, p => Assert.False(string.IsNullOrWhiteSpace(p!["description"]?.GetValue<string>())));
        Assert.Contains(schemas, s => s.Value!["deprecated"] is JsonValue || s.Value["properties"] is JsonObject props && props.Any(p => p.Value?["deprecated"] is JsonValue));
    }
}
