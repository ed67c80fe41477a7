using Foundry.Generated.Catalog.Routes;

namespace Foundry.Generated.Spec.Sync;

/// <summary>One proxy operation and the upstream operation it mirrors.</summary>
public sealed class ProxyOperation
{
    /// <param name="route">The route table's entry; the streaming method of a route with its own stream path (Gemini) takes that path.</param>
    public ProxyOperation(string provider, string upstreamPath, string route, string operationId, string? method, string? streamSchema, string? streamFallbackPath = null)
    {
        StreamFallbackPath = streamFallbackPath;
        Provider = provider;
        UpstreamPath = upstreamPath;
        var entry = ProxyRoutes.Find(route) ?? throw new System.ArgumentException($"'{route}' is not in the route table", nameof(route));
        FoundryPath = ProxyRoot + (method == "Stream" && entry.StreamPath is { } streamPath ? streamPath : entry.Path);
        OperationId = operationId;
        Route = entry.Id;
        Client = entry.ClientName;
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

    public const string ProxyRoot = ProxyRoutes.ProxyRoot;

    /// <summary>The 8 proxy operations (Gemini has two on its one route), over the route table.</summary>
    public static readonly ProxyOperation[] All =
    {
        new ProxyOperation("OpenAi", "/chat/completions", ProxyRoutes.OpenAiChatCompletions, "openAiCreateChatCompletion", null, null),
        new ProxyOperation("OpenAi", "/responses", ProxyRoutes.OpenAiResponses, "openAiCreateResponse", null, null),
        new ProxyOperation("OpenAi", "/embeddings", ProxyRoutes.OpenAiEmbeddings, "openAiCreateEmbedding", null, null),
        new ProxyOperation("Anthropic", "/v1/messages", ProxyRoutes.AnthropicMessages, "anthropicCreateMessage", null, "MessageStreamEvent"),
        new ProxyOperation("Gemini", "/models/{modelsId}:generateContent", ProxyRoutes.GoogleGenerateContent, "googleGenerateContent", "Create", null),
        new ProxyOperation("Gemini", "/models/{modelsId}:streamGenerateContent", ProxyRoutes.GoogleGenerateContent, "googleStreamGenerateContent", "Stream", "GenerateContentResponse", "/models/{modelsId}:generateContent"),
        new ProxyOperation("OpenAi", "/chat/completions", ProxyRoutes.XaiChatCompletions, "xaiCreateChatCompletion", null, null),
        new ProxyOperation("OpenAi", "/responses", ProxyRoutes.XaiResponses, "xaiCreateResponse", null, null),
    };
}
