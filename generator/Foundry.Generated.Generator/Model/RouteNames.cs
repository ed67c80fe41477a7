namespace Foundry.Generated.Generator.Model;

/// <summary>C# names that belong to each route id (the table in docs/DESIGN.md).</summary>
internal static class RouteNames
{
    /// <summary>The per-route model struct, e.g. <c>ResponsesModel</c>; null for an unknown route.</summary>
    public static string? ModelTypeName(string route) => route switch
    {
        "openai-chat-completions" => "ChatCompletionsModel",
        "openai-responses" => "ResponsesModel",
        "openai-embeddings" => "EmbeddingsModel",
        "anthropic-messages" => "AnthropicMessagesModel",
        "google-generate-content" => "GeminiModel",
        "xai-chat-completions" => "XaiChatCompletionsModel",
        "xai-responses" => "XaiResponsesModel",
        _ => null,
    };

    public static bool IsKnown(string route) => ModelTypeName(route) != null;
}
