using System;
using Foundry.Generated.Catalog.Routes;

namespace Foundry.Generated.Testing;

/// <summary>The proxy's route ids, to script replies per route, and the generated request type of each.</summary>
public static class FoundryRoutes
{
    public const string OpenAiChatCompletions = ProxyRoutes.OpenAiChatCompletions;
    public const string OpenAiResponses = ProxyRoutes.OpenAiResponses;
    public const string OpenAiEmbeddings = ProxyRoutes.OpenAiEmbeddings;
    public const string AnthropicMessages = ProxyRoutes.AnthropicMessages;
    public const string GoogleGenerateContent = ProxyRoutes.GoogleGenerateContent;
    public const string XaiChatCompletions = ProxyRoutes.XaiChatCompletions;
    public const string XaiResponses = ProxyRoutes.XaiResponses;

    /// <summary>The precompiled clients' request type of <paramref name="route"/> (what <see cref="CapturedRequest.DecodeRequest"/> returns).</summary>
    public static Type RequestTypeOf(string route) => route switch
    {
        OpenAiChatCompletions => typeof(OpenAi.CreateChatCompletionRequest),
        OpenAiResponses => typeof(OpenAi.CreateResponse),
        OpenAiEmbeddings => typeof(OpenAi.CreateEmbeddingRequest),
        AnthropicMessages => typeof(Anthropic.CreateMessageParams),
        GoogleGenerateContent => typeof(Gemini.GenerateContentRequest),
        XaiChatCompletions => typeof(Xai.CreateChatCompletionRequest),
        XaiResponses => typeof(Xai.CreateResponse),
        _ => throw new ArgumentException($"'{route}' is not a proxy route; the routes are {string.Join(", ", Ids)}.", nameof(route)),
    };

    internal static readonly string[] Ids = System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(ProxyRoutes.All, r => r.Id));

    internal static void Check(string? route)
    {
        if (route is not null && Array.IndexOf(Ids, route) < 0)
        {
            throw new ArgumentException($"'{route}' is not a proxy route; the routes are {string.Join(", ", Ids)} (FoundryRoutes has them).", nameof(route));
        }
    }
}
