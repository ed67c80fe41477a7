namespace Foundry.Generated.Spec.Sync;

/// <summary>One proxy operation and the upstream operation it mirrors.</summary>
public sealed class ProxyOperation
{
    public ProxyOperation(string provider, string upstreamPath, string foundryPath, string operationId, string route, string client, string? method, string? streamSchema, string? streamFallbackPath = null)
    {
        StreamFallbackPath = streamFallbackPath;
        Provider = provider;
        UpstreamPath = upstreamPath;
        FoundryPath = foundryPath;
        OperationId = operationId;
        Route = route;
        Client = client;
        Method = method;
        StreamSchema = streamSchema;
    }

    /// <summary>Upstream document the shapes come from (OpenAi, Anthropic, Gemini).</summary>
    public string Provider { get; }

    /// <summary>The upstream path, matched by shape (<see cref="OperationMatcher"/>): parameter names do not matter.</summary>
    public string UpstreamPath { get; }

    /// <summary>The upstream HTTP method (every proxy operation mirrors a POST).</summary>
    public string UpstreamMethod => "post";

    /// <summary>
    /// Where the upstream documents no stream operation (Gemini's hand-kept specs have no <c>:streamGenerateContent</c>),
    /// the stream route takes its request from this operation and its events from <see cref="StreamSchema"/>, with a warning.
    /// </summary>
    public string? StreamFallbackPath { get; }

    public string FoundryPath { get; }

    public string OperationId { get; }

    public string Route { get; }

    public string Client { get; }

    /// <summary>x-foundry-method: Create or Stream where a route has two operations (Gemini).</summary>
    public string? Method { get; }

    /// <summary>Upstream component of the stream events when the upstream operation does not declare text/event-stream.</summary>
    public string? StreamSchema { get; }

    public bool IsXai => Client.StartsWith("Xai", System.StringComparison.Ordinal);

    public const string ProxyRoot = "/api/v2/llm/proxy/";

    /// <summary>The 8 proxy operations.</summary>
    public static readonly ProxyOperation[] All =
    {
        new ProxyOperation("OpenAi", "/chat/completions", ProxyRoot + "openai/v1/chat/completions", "openAiCreateChatCompletion", "openai-chat-completions", "OpenAiChatCompletions", null, null),
        new ProxyOperation("OpenAi", "/responses", ProxyRoot + "openai/v1/responses", "openAiCreateResponse", "openai-responses", "OpenAiResponses", null, null),
        new ProxyOperation("OpenAi", "/embeddings", ProxyRoot + "openai/v1/embeddings", "openAiCreateEmbedding", "openai-embeddings", "OpenAiEmbeddings", null, null),
        new ProxyOperation("Anthropic", "/v1/messages", ProxyRoot + "anthropic/v1/messages", "anthropicCreateMessage", "anthropic-messages", "AnthropicMessages", null, "MessageStreamEvent"),
        new ProxyOperation("Gemini", "/models/{modelsId}:generateContent", ProxyRoot + "google/v1/models/{model}:generateContent", "googleGenerateContent", "google-generate-content", "GoogleGenerateContent", "Create", null),
        new ProxyOperation("Gemini", "/models/{modelsId}:streamGenerateContent", ProxyRoot + "google/v1/models/{model}:streamGenerateContent", "googleStreamGenerateContent", "google-generate-content", "GoogleGenerateContent", "Stream", "GenerateContentResponse", "/models/{modelsId}:generateContent"),
        new ProxyOperation("OpenAi", "/chat/completions", ProxyRoot + "xai/v1/chat/completions", "xaiCreateChatCompletion", "xai-chat-completions", "XaiChatCompletions", null, null),
        new ProxyOperation("OpenAi", "/responses", ProxyRoot + "xai/v1/responses", "xaiCreateResponse", "xai-responses", "XaiResponses", null, null),
    };
}
