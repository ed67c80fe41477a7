using System;
using System.Collections.Generic;

// The runtime compiles this file in as internal types (FOUNDRY_INTERNAL_CATALOG), in a namespace of its own so that an
// assembly that sees both (the CLI: the runtime's internals and the catalog library) finds one ProxyRoutes per namespace.
#if FOUNDRY_INTERNAL_CATALOG
namespace Foundry.Generated.Runtime.Routes;
#else
namespace Foundry.Generated.Catalog.Routes;
#endif

/// <summary>How a route frames its server-sent events (the runtime's public <c>FoundryStreamDialect</c> mirrors it).</summary>
#if FOUNDRY_INTERNAL_CATALOG
internal
#else
public
#endif
enum RouteStreamDialect
{
    /// <summary>The route does not stream.</summary>
    None,
    OpenAiChatCompletions,
    OpenAiResponses,
    AnthropicMessages,
    GeminiGenerateContent,
}

/// <summary>One proxy route: everything the sync, generator, runtime, emulator and CLI need to know of it.</summary>
/// <param name="Id">The route id of the spec (<c>x-foundry-route</c>), the catalog and the generated code.</param>
/// <param name="ShortName">What <c>foundry-llm chat --route</c> takes.</param>
/// <param name="Path">The path under <c>/api/v2/llm/proxy/</c>; <c>{model}</c> where the model goes in the path.</param>
/// <param name="StreamPath">A separate streaming path (Gemini), or null when the route streams on <see cref="Path"/>.</param>
/// <param name="Provider">The upstream provider whose API the route passes through.</param>
/// <param name="Dialect">How its streams are framed.</param>
/// <param name="ClientName">The generated client's name without <c>Client</c> (<c>OpenAiResponses</c> → <c>OpenAiResponsesClient</c>).</param>
/// <param name="ModelTypeName">The generated per-route model struct.</param>
#if FOUNDRY_INTERNAL_CATALOG
internal
#else
public
#endif
sealed record ProxyRoute(string Id, string ShortName, string Path, string? StreamPath, string Provider, RouteStreamDialect Dialect, string ClientName, string ModelTypeName);

/// <summary>The one table of proxy routes (docs/DESIGN.md shows it); every other list of routes is read from it.</summary>
#if FOUNDRY_INTERNAL_CATALOG
internal
#else
public
#endif
static class ProxyRoutes
{
    public const string OpenAiChatCompletions = "openai-chat-completions";
    public const string OpenAiResponses = "openai-responses";
    public const string OpenAiEmbeddings = "openai-embeddings";
    public const string AnthropicMessages = "anthropic-messages";
    public const string GoogleGenerateContent = "google-generate-content";
    public const string XaiChatCompletions = "xai-chat-completions";
    public const string XaiResponses = "xai-responses";

    /// <summary>The path prefix every route's path is relative to.</summary>
    public const string ProxyRoot = "/api/v2/llm/proxy/";

    public static readonly IReadOnlyList<ProxyRoute> All = new[]
    {
        new ProxyRoute(OpenAiChatCompletions, "chat", "openai/v1/chat/completions", null, "openai", RouteStreamDialect.OpenAiChatCompletions, "OpenAiChatCompletions", "ChatCompletionsModel"),
        new ProxyRoute(OpenAiResponses, "responses", "openai/v1/responses", null, "openai", RouteStreamDialect.OpenAiResponses, "OpenAiResponses", "ResponsesModel"),
        new ProxyRoute(OpenAiEmbeddings, "embeddings", "openai/v1/embeddings", null, "openai", RouteStreamDialect.None, "OpenAiEmbeddings", "EmbeddingsModel"),
        new ProxyRoute(AnthropicMessages, "anthropic", "anthropic/v1/messages", null, "anthropic", RouteStreamDialect.AnthropicMessages, "AnthropicMessages", "AnthropicMessagesModel"),
        new ProxyRoute(GoogleGenerateContent, "gemini", "google/v1/models/{model}:generateContent", "google/v1/models/{model}:streamGenerateContent", "google", RouteStreamDialect.GeminiGenerateContent, "GoogleGenerateContent", "GeminiModel"),
        new ProxyRoute(XaiChatCompletions, "xai-chat", "xai/v1/chat/completions", null, "xai", RouteStreamDialect.OpenAiChatCompletions, "XaiChatCompletions", "XaiChatCompletionsModel"),
        new ProxyRoute(XaiResponses, "xai", "xai/v1/responses", null, "xai", RouteStreamDialect.OpenAiResponses, "XaiResponses", "XaiResponsesModel"),
    };

    /// <summary>The route with this id, or null.</summary>
    public static ProxyRoute? Find(string? id)
    {
        foreach (var route in All)
        {
            if (string.Equals(route.Id, id, StringComparison.Ordinal))
            {
                return route;
            }
        }

        return null;
    }

    /// <summary>The route <c>--route</c> names (any case), or null.</summary>
    public static ProxyRoute? FindByShortName(string? shortName)
    {
        foreach (var route in All)
        {
            if (string.Equals(route.ShortName, shortName, StringComparison.OrdinalIgnoreCase))
            {
                return route;
            }
        }

        return null;
    }
}
