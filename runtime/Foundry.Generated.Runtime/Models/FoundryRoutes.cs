using System.Linq;
using Foundry.Generated.Runtime.Routes;

namespace Foundry.Generated.Runtime;

/// <summary>How a route frames its server-sent events.</summary>
public enum FoundryStreamDialect
{
    /// <summary>Data-only chunks, <c>data: [DONE]</c> sentinel, errors as <c>{"error":...}</c> chunks or <c>event: error</c>.</summary>
    OpenAiChatCompletions,
    /// <summary><c>event: &lt;type&gt;</c> + data with the same <c>type</c>; errors as the <c>error</c> event.</summary>
    OpenAiResponses,
    /// <summary><c>event: &lt;type&gt;</c> + data; <c>ping</c> keep-alives; errors as <c>event: error</c>.</summary>
    AnthropicMessages,
    /// <summary>Data-only whole <c>GenerateContentResponse</c> chunks (CRLF framing), no sentinel.</summary>
    GeminiGenerateContent,
}

/// <summary>Route ids shared by the spec (<c>x-foundry-route</c>), the model catalog and the generated code; the
/// routes themselves are the one table in <c>generator/Foundry.Generated.Catalog/Routes/ProxyRoutes.cs</c>.</summary>
public static class FoundryRoutes
{
    public const string OpenAiChatCompletions = ProxyRoutes.OpenAiChatCompletions;
    public const string OpenAiResponses = ProxyRoutes.OpenAiResponses;
    public const string OpenAiEmbeddings = ProxyRoutes.OpenAiEmbeddings;
    public const string AnthropicMessages = ProxyRoutes.AnthropicMessages;
    public const string GoogleGenerateContent = ProxyRoutes.GoogleGenerateContent;
    public const string XaiChatCompletions = ProxyRoutes.XaiChatCompletions;
    public const string XaiResponses = ProxyRoutes.XaiResponses;

    public static readonly string[] All = ProxyRoutes.All.Select(r => r.Id).ToArray();

    /// <summary>The SSE framing of a streaming route, or null for a route that does not stream.</summary>
    public static FoundryStreamDialect? GetStreamDialect(string route) => ProxyRoutes.Find(route)?.Dialect switch
    {
        RouteStreamDialect.OpenAiChatCompletions => FoundryStreamDialect.OpenAiChatCompletions,
        RouteStreamDialect.OpenAiResponses => FoundryStreamDialect.OpenAiResponses,
        RouteStreamDialect.AnthropicMessages => FoundryStreamDialect.AnthropicMessages,
        RouteStreamDialect.GeminiGenerateContent => FoundryStreamDialect.GeminiGenerateContent,
        _ => null,
    };
}
