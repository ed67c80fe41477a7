using System.Collections.Generic;

namespace Foundry.Generated.Generator.Emit.Integrations;

/// <summary>
/// One adapter: its body is a compiled source file of Foundry.Generated.Clients.Hosting (<see cref="Body"/>, under
/// <c>Adapters/</c>, embedded in the generator) and everything that depends on the spec is in the header
/// (<see cref="AdapterHeader"/>): the aliases (alias → type below the root namespace), the route's name and the
/// declaration. What the body needs from the spec is listed in <c>AdapterRequirements.txt</c>, derived from the
/// compiled body by a test; a spec that lacks one of those skips the adapter with FDRY303.
/// </summary>
internal sealed record IntegrationTemplate(IntegrationLibrary Library, string Name, string Body, string? RouteName, IReadOnlyList<KeyValuePair<string, string>> Aliases, string Declaration, string Summary)
{
    public string HintName => (Library == IntegrationLibrary.ExtensionsAi ? "AI." : "Hosting.") + Name + ".g.cs";

    /// <summary>False for an adapter that reuses another's body (xAI's on the OpenAI bodies).</summary>
    public bool HasOwnBody => Body == Name + ".cs";

    /// <summary>The type (below the root namespace) an alias of the header stands for, or null.</summary>
    public string? AliasTarget(string alias)
    {
        foreach (var pair in Aliases)
        {
            if (pair.Key == alias)
            {
                return pair.Value;
            }
        }

        return null;
    }
}

/// <summary>The optional library an adapter is built on; it is generated only when the consumer references it.</summary>
internal enum IntegrationLibrary
{
    /// <summary>Microsoft.Extensions.AI.Abstractions: IChatClient and IEmbeddingGenerator adapters.</summary>
    ExtensionsAi,

    /// <summary>Foundry.Generated.Hosting: <c>services.AddFoundryLlm()</c>.</summary>
    Hosting,
}

/// <summary>Every adapter, with the library it needs; xAI's serve the OpenAI shapes, so they share the OpenAI bodies.</summary>
internal static class IntegrationTemplates
{
    private const string ChatBase = "FoundryChatClientBase<Model>(client, defaultModel, defaultModel.Id)";

    public static readonly IReadOnlyList<IntegrationTemplate> All = new[]
    {
        Chat("FoundryResponsesChatClient", "FoundryResponsesChatClient.cs", "OpenAI Responses", "OpenAiResponsesClient", "ResponsesModel", "OpenAi.CreateResponse", "OpenAi",
            "text, reasoning summaries, function calls (arguments streamed and assembled per output item), usage and finish reasons"),
        Chat("FoundryXaiResponsesChatClient", "FoundryResponsesChatClient.cs", "xAI Responses", "XaiResponsesClient", "XaiResponsesModel", "Xai.CreateResponse", "OpenAi",
            "text, reasoning summaries, function calls (arguments streamed and assembled per output item), usage and finish reasons"),
        Chat("FoundryChatCompletionsChatClient", "FoundryChatCompletionsChatClient.cs", "OpenAI chat completions", "OpenAiChatCompletionsClient", "ChatCompletionsModel", "OpenAi.CreateChatCompletionRequest", "OpenAi",
            "text, reasoning (<c>reasoning_content</c> where a provider sends it), tool calls accumulated by index, usage and finish reasons"),
        Chat("FoundryAnthropicChatClient", "FoundryAnthropicChatClient.cs", "Anthropic Messages", "AnthropicMessagesClient", "AnthropicMessagesModel", "Anthropic.CreateMessageParams", "Anthropic",
            "text, thinking, tool use (input JSON streamed per content block), usage and stop reasons"),
        Chat("FoundryGeminiChatClient", "FoundryGeminiChatClient.cs", "Gemini generateContent", "GoogleGenerateContentClient", "GeminiModel", "Gemini.GenerateContentRequest", "Gemini",
            "text, thoughts, function calls (whole in one chunk, or with arguments streamed as Vertex AI <c>partialArgs</c>), usage and finish reasons"),
        new IntegrationTemplate(
            IntegrationLibrary.ExtensionsAi,
            "FoundryEmbeddingGenerator",
            "FoundryEmbeddingGenerator.cs",
            "OpenAI embeddings",
            Aliases(("Client", "OpenAiEmbeddingsClient"), ("Model", "EmbeddingsModel"), ("Request", "OpenAi.CreateEmbeddingRequest"), ("OpenAi", "OpenAi")),
            "sealed class FoundryEmbeddingGenerator(Client client, Model defaultModel) : FoundryEmbeddingGeneratorBase<Model>(client, defaultModel, defaultModel.Id, defaultModel.Info?.Capabilities.EmbeddingDimensions)",
            "<see cref=\"IEmbeddingGenerator{TInput, TEmbedding}\"/> over the OpenAI embeddings route: one request per batch, vectors in input order, dimensions and usage passed through."),
        Chat("FoundryXaiChatCompletionsChatClient", "FoundryChatCompletionsChatClient.cs", "xAI chat completions", "XaiChatCompletionsClient", "XaiChatCompletionsModel", "Xai.CreateChatCompletionRequest", "OpenAi",
            "text, reasoning (<c>reasoning_content</c> where a provider sends it), tool calls accumulated by index, usage and finish reasons"),
        new IntegrationTemplate(
            IntegrationLibrary.Hosting,
            "FoundryLlmServiceCollectionExtensions",
            "FoundryLlmServiceCollectionExtensions.cs",
            null,
            Aliases(("LlmClient", "FoundryLlmClient")),
            "static partial class FoundryLlmServiceCollectionExtensions",
            "Registers the generated Foundry clients with dependency injection."),
    };

    /// <summary>The adapters whose body is their own file (the others reuse one of these bodies).</summary>
    public static IEnumerable<IntegrationTemplate> OwnBodies()
    {
        foreach (var template in All)
        {
            if (template.HasOwnBody)
            {
                yield return template;
            }
        }
    }

    private static IntegrationTemplate Chat(string adapter, string body, string routeName, string client, string model, string request, string schemas, string maps)
        => new(
            IntegrationLibrary.ExtensionsAi,
            adapter,
            body,
            routeName,
            Aliases(("Client", client), ("Model", model), ("Request", request), (schemas, schemas)),
            "sealed class " + adapter + "(Client client, Model defaultModel) : " + ChatBase,
            "<see cref=\"IChatClient\"/> over the " + routeName + " route: " + maps + ".");

    private static IReadOnlyList<KeyValuePair<string, string>> Aliases(params (string Alias, string Type)[] pairs)
    {
        var list = new List<KeyValuePair<string, string>>();
        foreach (var (alias, type) in pairs)
        {
            list.Add(new KeyValuePair<string, string>(alias, type));
        }

        return list;
    }
}
