using System;
using System.Collections.Generic;

namespace Foundry.Generated.Spec.Foundry;

/// <summary>The proxy's model route ids (docs/DESIGN.md "Route ids"); the spec, catalog and code share them.</summary>
public static class RouteIds
{
    public const string OpenAiChatCompletions = "openai-chat-completions";
    public const string OpenAiResponses = "openai-responses";
    public const string OpenAiEmbeddings = "openai-embeddings";
    public const string AnthropicMessages = "anthropic-messages";
    public const string GoogleGenerateContent = "google-generate-content";
    public const string XaiChatCompletions = "xai-chat-completions";
    public const string XaiResponses = "xai-responses";

    /// <summary>All seven ids, in the table's order.</summary>
    public static IReadOnlyList<string> All { get; } = new[]
    {
        OpenAiChatCompletions, OpenAiResponses, OpenAiEmbeddings, AnthropicMessages, GoogleGenerateContent, XaiChatCompletions, XaiResponses,
    };

    public static bool IsKnown(string? id) => id != null && Array.IndexOf((string[])All, id) >= 0;
}
