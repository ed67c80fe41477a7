using System.Linq;
using System.Text.Json.Nodes;
using Foundry.Generated.Spec.Sync;
using Xunit;

namespace Foundry.Generated.Spec.Tests;

public sealed class SpecSynchronizerTests
{
    private static JsonObject Schemas(string spec) => JsonNode.Parse(spec)!["components"]!["schemas"]!.AsObject();

    [Fact]
    public void Only_schemas_reachable_from_the_operations_are_kept_with_provider_prefixes()
    {
        var schemas = Schemas(TinySpecs.Sync(TinySpecs.OpenAi()));

        Assert.Contains("OpenAi.ResponseProperties", schemas.Select(p => p.Key));
        Assert.Contains("Anthropic.MessageStartEvent", schemas.Select(p => p.Key));
        Assert.DoesNotContain("OpenAi.Unreachable", schemas.Select(p => p.Key));
        Assert.All(schemas, s => Assert.Contains(s.Key.Split('.')[0], new[] { "OpenAi", "Anthropic", "Gemini", "Xai", "Foundry" }));
    }

    [Fact]
    public void All_eight_proxy_paths_are_present_with_routes_and_streams_bound()
    {
        var spec = JsonNode.Parse(TinySpecs.Sync(TinySpecs.OpenAi()))!;
        var paths = spec["paths"]!.AsObject();

        Assert.Equal(8, paths.Count);
        var responses = paths["/api/v2/llm/proxy/openai/v1/responses"]!["post"]!;
        Assert.Equal("openai-responses", responses["x-foundry-route"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/OpenAi.ResponseStreamEvent", responses["responses"]!["200"]!["content"]!["text/event-stream"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/Foundry.Error", responses["responses"]!["default"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        var stream = paths["/api/v2/llm/proxy/google/v1/models/{model}:streamGenerateContent"]!["post"]!;
        Assert.Equal("Stream", stream["x-foundry-method"]!.GetValue<string>());
        Assert.Equal("sse", stream["parameters"]!.AsArray().Single(p => p!["name"]?.GetValue<string>() == "alt")!["schema"]!["const"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/Anthropic.MessageStreamEvent", paths["/api/v2/llm/proxy/anthropic/v1/messages"]!["post"]!["responses"]!["200"]!["content"]!["text/event-stream"]!["schema"]!["$ref"]!.GetValue<string>());
    }

    [Fact]
    public void Request_models_are_bound_to_their_route_and_required()
    {
        var schemas = Schemas(TinySpecs.Sync(TinySpecs.OpenAi()));

        var embeddings = schemas["OpenAi.CreateEmbeddingRequest"]!;
        Assert.Equal("openai-embeddings", embeddings["properties"]!["model"]!["x-foundry-model-route"]!.GetValue<string>());
        Assert.Contains("model", embeddings["required"]!.AsArray().Select(r => r!.GetValue<string>()));
        var lastPart = schemas["OpenAi.CreateResponse"]!["allOf"]!.AsArray().Last()!;
        Assert.Equal("openai-responses", lastPart["properties"]!["model"]!["x-foundry-model-route"]!.GetValue<string>());
        var xai = schemas["Xai.CreateResponse"]!["allOf"]!.AsArray();
        Assert.Equal("#/components/schemas/OpenAi.CreateResponse", xai[0]!["$ref"]!.GetValue<string>());
        Assert.Equal("xai-responses", xai[1]!["properties"]!["model"]!["x-foundry-model-route"]!.GetValue<string>());
        Assert.Null(schemas["Gemini.GenerateContentRequest"]!["properties"]!["model"]);
    }

    [Fact]
    public void Descriptions_survive_other_prose_does_not_and_stainless_constants_become_const()
    {
        var openAi = TinySpecs.OpenAi();
        var id = openAi["components"]!["schemas"]!["Response"]!["properties"]!["id"]!;
        id["title"] = "title that must not survive";
        id["example"] = "example that must not survive";
        id["x-oaiMeta"] = new JsonObject { ["name"] = "meta that must not survive" };

        var spec = TinySpecs.Sync(openAi);

        Assert.Equal("a string property", Schemas(spec)["OpenAi.Response"]!["properties"]!["id"]!["description"]!.GetValue<string>());
        Assert.DoesNotContain("must not survive", spec);
        Assert.DoesNotContain("x-stainless", spec);
        var obj = Schemas(spec)["OpenAi.CreateChatCompletionStreamResponse"]!["properties"]!["object"]!;
        Assert.Equal("chat.completion.chunk", obj["const"]!.GetValue<string>());
        Assert.Null(obj["enum"]);
    }

    [Fact]
    public void Nullable_forms_become_type_arrays_or_anyOf_with_null()
    {
        var extra = new JsonObject
        {
            ["Holder"] = TinySpecs.Obj(
                ("a", new JsonObject { ["type"] = "string", ["nullable"] = true }),
                ("b", new JsonObject { ["anyOf"] = new JsonArray(TinySpecs.Ref("Target"), new JsonObject { ["type"] = "null" }) }),
                ("c", new JsonObject { ["$ref"] = "#/components/schemas/Target", ["nullable"] = true, ["description"] = "sibling" })),
            ["Target"] = TinySpecs.Obj(("x", TinySpecs.Str())),
        };
        var openAi = TinySpecs.OpenAi(extra);
        openAi["components"]!["schemas"]!["Response"]!["properties"]!["holder"] = TinySpecs.Ref("Holder");

        var holder = Schemas(TinySpecs.Sync(openAi))["OpenAi.Holder"]!["properties"]!;

        Assert.Equal("[\"string\",\"null\"]", holder["a"]!["type"]!.ToJsonString());
        Assert.Equal("{\"anyOf\":[{\"$ref\":\"#/components/schemas/OpenAi.Target\"},{\"type\":\"null\"}]}", holder["b"]!.ToJsonString());
        Assert.Equal(holder["b"]!["anyOf"]!.ToJsonString(), holder["c"]!["anyOf"]!.ToJsonString());
        Assert.Equal("sibling", holder["c"]!["description"]!.GetValue<string>());
    }

    [Fact]
    public void Discriminator_without_mapping_gets_one_from_member_constants()
    {
        var extra = new JsonObject
        {
            ["Event"] = new JsonObject
            {
                ["anyOf"] = new JsonArray(TinySpecs.Ref("A"), TinySpecs.Ref("B")),
                ["discriminator"] = new JsonObject { ["propertyName"] = "type" },
            },
            ["A"] = TinySpecs.Obj(("type", new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("a.done"), ["x-stainless-const"] = true })),
            ["B"] = TinySpecs.Obj(("type", new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("b.done"), ["x-stainless-const"] = true })),
        };
        var openAi = TinySpecs.OpenAi(extra);
        openAi["components"]!["schemas"]!["ResponseStreamEvent"] = TinySpecs.Ref("Event");

        var union = Schemas(TinySpecs.Sync(openAi))["OpenAi.Event"]!;

        Assert.NotNull(union["oneOf"]);
        Assert.Null(union["anyOf"]);
        Assert.Equal("#/components/schemas/OpenAi.B", union["discriminator"]!["mapping"]!["b.done"]!.GetValue<string>());
    }

    [Fact]
    public void Inline_objects_are_hoisted_into_named_components_and_open_enums_collapse()
    {
        var extra = new JsonObject
        {
            ["Holder"] = TinySpecs.Obj(
                ("choices", new JsonObject { ["type"] = "array", ["items"] = TinySpecs.Obj(("index", new JsonObject { ["type"] = "integer" })) }),
                ("model", new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "string" }, new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("x", "y") }) })),
        };
        var openAi = TinySpecs.OpenAi(extra);
        openAi["components"]!["schemas"]!["Response"]!["properties"]!["holder"] = TinySpecs.Ref("Holder");

        var schemas = Schemas(TinySpecs.Sync(openAi));

        Assert.Equal("#/components/schemas/OpenAi.HolderChoice", schemas["OpenAi.Holder"]!["properties"]!["choices"]!["items"]!["$ref"]!.GetValue<string>());
        Assert.Equal("[\"x\",\"y\"]", schemas["OpenAi.HolderModel"]!["enum"]!.ToJsonString());
    }

    [Fact]
    public void Anthropic_gets_an_error_event_and_numeric_bounds_stay_numeric()
    {
        var schemas = Schemas(TinySpecs.Sync(TinySpecs.OpenAi()));

        Assert.Equal("#/components/schemas/Anthropic.ErrorEvent", schemas["Anthropic.MessageStreamEvent"]!["discriminator"]!["mapping"]!["error"]!.GetValue<string>());
        Assert.Equal(0, schemas["Anthropic.CreateMessageParams"]!["properties"]!["max_tokens"]!["exclusiveMinimum"]!.GetValue<int>());
    }

    [Fact]
    public void Same_input_gives_byte_identical_output()
        => Assert.Equal(TinySpecs.Sync(TinySpecs.OpenAi()), TinySpecs.Sync(TinySpecs.OpenAi()));

    [Fact]
    public void Missing_operation_is_a_clear_error_naming_file_and_operation()
    {
        var openAi = TinySpecs.OpenAi();
        openAi["paths"]!.AsObject().Remove("/embeddings");

        var error = Assert.Throws<SpecSyncException>(() => TinySpecs.Sync(openAi));

        Assert.StartsWith("openai.json: missing operation POST /embeddings (needed for /api/v2/llm/proxy/openai/v1/embeddings; ", error.Message);
    }

    [Fact]
    public void Broken_ref_is_a_clear_error_naming_the_reference()
    {
        var openAi = TinySpecs.OpenAi();
        openAi["components"]!["schemas"]!["ResponseProperties"]!["properties"]!["input"] = TinySpecs.Ref("Nowhere");

        var error = Assert.Throws<SpecSyncException>(() => TinySpecs.Sync(openAi));

        Assert.Contains("broken $ref '#/components/schemas/Nowhere'", error.Message);
        Assert.StartsWith("openai.json:", error.Message);
    }

    [Fact]
    public void Boolean_exclusive_bounds_from_3_0_become_numeric_without_touching_the_input()
    {
        // A 3.0 bound: {"minimum": 0, "exclusiveMinimum": true} (this used to modify the object being enumerated).
        var openAi = TinySpecs.OpenAi();
        var properties = openAi["components"]!["schemas"]!["Response"]!["properties"]!.AsObject();
        properties["score"] = new JsonObject { ["type"] = "number", ["minimum"] = 0, ["exclusiveMinimum"] = true, ["maximum"] = 1, ["exclusiveMaximum"] = false };

        var score = Schemas(TinySpecs.Sync(openAi))["OpenAi.Response"]!["properties"]!["score"]!;

        Assert.Equal(0, score["exclusiveMinimum"]!.GetValue<int>());
        Assert.Null(score["minimum"]);
        Assert.Equal(1, score["maximum"]!.GetValue<int>());
        Assert.Null(score["exclusiveMaximum"]);
    }
}
