using System.Text.Json.Nodes;
using Foundry.Generated.Spec.Sync;

namespace Foundry.Generated.Spec.Tests;

/// <summary>Small upstream documents with just the operations the proxy needs, to test one rule at a time.</summary>
internal static class TinySpecs
{
    public static JsonObject OpenAi(JsonObject? extraSchemas = null)
    {
        var schemas = new JsonObject
        {
            ["CreateChatCompletionRequest"] = Obj(("model", Str()), ("messages", new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } })),
            ["CreateChatCompletionResponse"] = Obj(("id", Str())),
            ["CreateChatCompletionStreamResponse"] = Obj(("id", Str()), ("object", new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("chat.completion.chunk"), ["x-stainless-const"] = true })),
            ["CreateResponse"] = new JsonObject { ["allOf"] = new JsonArray(Ref("ResponseProperties")) },
            ["ResponseProperties"] = Obj(("model", Str()), ("input", Str())),
            ["Response"] = Obj(("id", Str())),
            ["ResponseStreamEvent"] = Obj(("type", Str())),
            ["CreateEmbeddingRequest"] = Obj(("model", Str()), ("input", Str())),
            ["CreateEmbeddingResponse"] = Obj(("object", Str())),
            ["Unreachable"] = Obj(("x", Str())),
        };
        foreach (var pair in extraSchemas ?? new JsonObject())
        {
            schemas[pair.Key] = pair.Value!.DeepClone();
        }

        return Document(schemas,
            ("/chat/completions", "CreateChatCompletionRequest", "CreateChatCompletionResponse", "CreateChatCompletionStreamResponse"),
            ("/responses", "CreateResponse", "Response", "ResponseStreamEvent"),
            ("/embeddings", "CreateEmbeddingRequest", "CreateEmbeddingResponse", null));
    }

    public static JsonObject Anthropic() => Document(
        new JsonObject
        {
            ["CreateMessageParams"] = Obj(("model", Str()), ("max_tokens", new JsonObject { ["type"] = "integer", ["exclusiveMinimum"] = 0 })),
            ["Message"] = Obj(("id", Str())),
            ["MessageStreamEvent"] = new JsonObject
            {
                ["oneOf"] = new JsonArray(Ref("MessageStartEvent"), Ref("Ping")),
                ["discriminator"] = new JsonObject { ["propertyName"] = "type", ["mapping"] = new JsonObject { ["message_start"] = "#/components/schemas/MessageStartEvent", ["ping"] = "#/components/schemas/Ping" } },
            },
            ["MessageStartEvent"] = Obj(("type", new JsonObject { ["const"] = "message_start" })),
            ["Ping"] = Obj(("type", new JsonObject { ["const"] = "ping" })),
        },
        ("/v1/messages", "CreateMessageParams", "Message", null));

    public static JsonObject Gemini() => Document(
        new JsonObject
        {
            ["GenerateContentRequest"] = Obj(("contents", new JsonObject { ["type"] = "array", ["items"] = Str() })),
            ["GenerateContentResponse"] = Obj(("text", Str())),
        },
        ("/models/{modelsId}:generateContent", "GenerateContentRequest", "GenerateContentResponse", null),
        ("/models/{modelsId}:streamGenerateContent", "GenerateContentRequest", "GenerateContentResponse", "GenerateContentResponse"));

    public static string Sync(JsonObject openAi, JsonObject? anthropic = null, JsonObject? gemini = null)
        => SpecSynchronizer.Synchronize(
            new UpstreamSpec("OpenAi", "openai.json", openAi),
            new UpstreamSpec("Anthropic", "anthropic.json", anthropic ?? Anthropic()),
            new UpstreamSpec("Gemini", "gemini.json", gemini ?? Gemini()));

    /// <summary>Syncs parsed upstream specs (with their line positions); the tiny Anthropic and Gemini documents fill in.</summary>
    public static string Sync(UpstreamSpec openAi, UpstreamSpec? anthropic = null, UpstreamSpec? gemini = null)
        => SpecSynchronizer.Synchronize(
            openAi,
            anthropic ?? new UpstreamSpec("Anthropic", "anthropic.json", Anthropic()),
            gemini ?? new UpstreamSpec("Gemini", "gemini.json", Gemini()));

    public static JsonObject Obj(params (string Name, JsonNode Schema)[] properties)
    {
        var props = new JsonObject();
        foreach (var (name, schema) in properties)
        {
            props[name] = schema;
        }

        return new JsonObject { ["type"] = "object", ["properties"] = props };
    }

    public static JsonObject Str() => new() { ["type"] = "string", ["description"] = "a string property" };

    public static JsonObject Ref(string name) => new() { ["$ref"] = "#/components/schemas/" + name };

    private static JsonObject Document(JsonObject schemas, params (string Path, string Request, string Response, string? Stream)[] operations)
    {
        var paths = new JsonObject();
        foreach (var (path, request, response, stream) in operations)
        {
            var content = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = Ref(response) } };
            if (stream != null)
            {
                content["text/event-stream"] = new JsonObject { ["schema"] = Ref(stream) };
            }

            paths[path] = new JsonObject
            {
                ["post"] = new JsonObject
                {
                    ["requestBody"] = new JsonObject { ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = Ref(request) } } },
                    ["responses"] = new JsonObject { ["200"] = new JsonObject { ["content"] = content } },
                },
            };
        }

        return new JsonObject { ["openapi"] = "3.1.0", ["paths"] = paths, ["components"] = new JsonObject { ["schemas"] = schemas } };
    }
}
