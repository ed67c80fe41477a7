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

/// <summary>Route ids shared by the spec (<c>x-foundry-route</c>), the model catalog and the generated code.</summary>
public static class FoundryRoutes
{
    public const string OpenAiChatCompletions = "openai-chat-completions";
    public const string OpenAiResponses = "openai-responses";
    public const string OpenAiEmbeddings = "openai-embeddings";
    public const string AnthropicMessages = "anthropic-messages";
    public const string GoogleGenerateContent = "google-generate-content";
    public const string XaiChatCompletions = "xai-chat-completions";
    public const string XaiResponses = "xai-responses";

    public static readonly string[] All =
    [
        OpenAiChatCompletions, OpenAiResponses, OpenAiEmbeddings, AnthropicMessages,
        GoogleGenerateContent, XaiChatCompletions, XaiResponses,
    ];

    /// <summary>The SSE framing of a streaming route, or null for a route that does not stream.</summary>
    public static FoundryStreamDialect? GetStreamDialect(string route) => route switch
    {
        OpenAiChatCompletions or XaiChatCompletions => FoundryStreamDialect.OpenAiChatCompletions,
        OpenAiResponses or XaiResponses => FoundryStreamDialect.OpenAiResponses,
        AnthropicMessages => FoundryStreamDialect.AnthropicMessages,
        GoogleGenerateContent => FoundryStreamDialect.GeminiGenerateContent,
        _ => null,
    };
}
