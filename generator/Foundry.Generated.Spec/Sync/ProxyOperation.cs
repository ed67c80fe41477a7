using Foundry.Generated.Catalog.Routes;

namespace Foundry.Generated.Spec.Sync;

/// <summary>One proxy operation and the upstream operation it mirrors.</summary>
public sealed class ProxyOperation
{
    /// <param name="foundryPath">The route's path (<see cref="ProxyRoute.Path"/> or its <see cref="ProxyRoute.StreamPath"/>), as the spec writes it.</param>
    public ProxyOperation(string provider, string upstreamPath, ProxyRoute route, string foundryPath, string operationId, string? method, string? streamSchema, string? streamFallbackPath = null)
    {
        StreamFallbackPath = streamFallbackPath;
        Provider = provider;
        UpstreamPath = upstreamPath;
        FoundryPath = ProxyRoot + foundryPath;
        OperationId = operationId;
        Route = route.Id;
        Client = route.ClientName;
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
        new ProxyOperation("OpenAi", "/chat/completions", RouteOf(ProxyRoutes.OpenAiChatCompletions), RouteOf(ProxyRoutes.OpenAiChatCompletions).Path, "openAiCreateChatCompletion", null, null),
        new ProxyOperation("OpenAi", "/responses", RouteOf(ProxyRoutes.OpenAiResponses), RouteOf(ProxyRoutes.OpenAiResponses).Path, "openAiCreateResponse", null, null),
        new ProxyOperation("OpenAi", "/embeddings", RouteOf(ProxyRoutes.OpenAiEmbeddings), RouteOf(ProxyRoutes.OpenAiEmbeddings).Path, "openAiCreateEmbedding", null, null),
        new ProxyOperation("Anthropic", "/v1/messages", RouteOf(ProxyRoutes.AnthropicMessages), RouteOf(ProxyRoutes.AnthropicMessages).Path, "anthropicCreateMessage", null, "MessageStreamEvent"),
        new ProxyOperation("Gemini", "/models/{modelsId}:generateContent", RouteOf(ProxyRoutes.GoogleGenerateContent), RouteOf(ProxyRoutes.GoogleGenerateContent).Path, "googleGenerateContent", "Create", null),
        new ProxyOperation("Gemini", "/models/{modelsId}:streamGenerateContent", RouteOf(ProxyRoutes.GoogleGenerateContent), RouteOf(ProxyRoutes.GoogleGenerateContent).StreamPath!, "googleStreamGenerateContent", "Stream", "GenerateContentResponse", "/models/{modelsId}:generateContent"),
        new ProxyOperation("OpenAi", "/chat/completions", RouteOf(ProxyRoutes.XaiChatCompletions), RouteOf(ProxyRoutes.XaiChatCompletions).Path, "xaiCreateChatCompletion", null, null),
        new ProxyOperation("OpenAi", "/responses", RouteOf(ProxyRoutes.XaiResponses), RouteOf(ProxyRoutes.XaiResponses).Path, "xaiCreateResponse", null, null),
    };

    private static ProxyRoute RouteOf(string id) => ProxyRoutes.Find(id)!;
}
