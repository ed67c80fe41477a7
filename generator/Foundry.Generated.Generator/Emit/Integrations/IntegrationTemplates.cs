using System.Collections.Generic;
using System.Linq;

namespace Foundry.Generated.Generator.Emit.Integrations;

/// <summary>
/// One hand-written adapter source (an embedded <c>Templates/*.cs</c> resource; <c>__Root__</c> becomes the root
/// namespace, <c>__Visibility__</c> the top-level types' keyword and each <c>__Token__</c> its value here) and the
/// generated names it compiles against. A regenerated
/// spec that lacks one of them skips the adapter with FDRY303 instead of breaking the consumer's build.
/// </summary>
internal sealed record IntegrationTemplate(IntegrationLibrary Library, string Name, string Resource, IReadOnlyDictionary<string, string> Tokens, IReadOnlyList<string> Requires)
{
    public string HintName => (Library == IntegrationLibrary.ExtensionsAi ? "AI." : "Hosting.") + Name + ".g.cs";
}

/// <summary>The optional library an adapter is built on; it is generated only when the consumer references it.</summary>
internal enum IntegrationLibrary
{
    /// <summary>Microsoft.Extensions.AI.Abstractions: IChatClient and IEmbeddingGenerator adapters.</summary>
    ExtensionsAi,

    /// <summary>Foundry.Generated.Hosting: <c>services.AddFoundryLlm()</c>.</summary>
    Hosting,
}

/// <summary>Every adapter template, with the library it needs.</summary>
internal static class IntegrationTemplates
{
    /// <summary>Replaced by one registration per generated route client.</summary>
    public const string RegistrationsToken = "__Registrations__";

    private static readonly string[] ResponsesTypes =
    {
        "OpenAi.InputItem", "OpenAi.Item", "OpenAi.EasyInputMessage", "OpenAi.EasyInputMessageRole", "OpenAi.FunctionToolCall",
        "OpenAi.FunctionCallOutputItemParam", "OpenAi.Tool", "OpenAi.FunctionTool", "OpenAi.ToolChoiceParam", "OpenAi.ToolChoiceOptions",
        "OpenAi.ToolChoiceFunction", "OpenAi.ResponseTextParam", "OpenAi.TextResponseFormatJsonSchema", "OpenAi.ResponseFormatJsonObject",
        "OpenAi.Reasoning", "OpenAi.ReasoningEffort", "OpenAi.ReasoningSummary", "OpenAi.Response", "OpenAi.ResponseCreatedEvent",
        "OpenAi.ResponseTextDeltaEvent", "OpenAi.ResponseReasoningSummaryTextDeltaEvent", "OpenAi.ResponseReasoningTextDeltaEvent",
        "OpenAi.ResponseOutputItemAddedEvent", "OpenAi.ResponseFunctionCallArgumentsDeltaEvent", "OpenAi.ResponseOutputItemDoneEvent",
        "OpenAi.ResponseCompletedEvent", "OpenAi.ResponseIncompleteEvent", "OpenAi.ResponseFailedEvent", "OpenAi.FunctionAndCustomToolCallOutput",
        "OpenAi.InputTextContent", "OpenAi.InputImageContent", "OpenAi.ImageDetail",
    };

    private static readonly string[] ChatTypes =
    {
        "OpenAi.CreateChatCompletionStreamResponse", "OpenAi.ChatCompletionMessageToolCallChunk", "OpenAi.ChatCompletionRequestMessage",
        "OpenAi.ChatCompletionRequestSystemMessage", "OpenAi.ChatCompletionRequestUserMessage", "OpenAi.ChatCompletionRequestAssistantMessage",
        "OpenAi.ChatCompletionRequestToolMessage", "OpenAi.ChatCompletionMessageToolCallsItemItem", "OpenAi.ChatCompletionMessageToolCall",
        "OpenAi.ChatCompletionMessageToolCallFunction", "OpenAi.CreateChatCompletionRequestTool", "OpenAi.ChatCompletionTool",
        "OpenAi.FunctionObject", "OpenAi.ChatCompletionToolChoiceOption", "OpenAi.ChatCompletionToolChoiceOptionVariant1",
        "OpenAi.ChatCompletionNamedToolChoice", "OpenAi.ChatCompletionNamedToolChoiceFunction", "OpenAi.CreateChatCompletionRequestResponseFormat",
        "OpenAi.ResponseFormatJsonSchema", "OpenAi.ResponseFormatJsonSchemaJsonSchema", "OpenAi.ResponseFormatJsonObject", "OpenAi.ReasoningEffort", "OpenAi.StopConfiguration", "OpenAi.ChatCompletionRequestAssistantMessageContent",
        "OpenAi.ChatCompletionRequestUserMessageContentPart", "OpenAi.ChatCompletionRequestMessageContentPartText", "OpenAi.ChatCompletionRequestMessageContentPartImage",
        "OpenAi.ChatCompletionRequestMessageContentPartImageImageUrl",
    };

    private static readonly string[] AnthropicTypes =
    {
        "AnthropicMessagesClient", "AnthropicMessagesModel", "Anthropic.CreateMessageParams", "Anthropic.CreateMessageParamsSystem",
        "Anthropic.CreateMessageParamsTool", "Anthropic.Tool", "Anthropic.InputSchema", "Anthropic.InputMessage", "Anthropic.InputMessageRole",
        "Anthropic.InputContentBlock", "Anthropic.RequestTextBlock", "Anthropic.RequestToolUseBlock", "Anthropic.RequestToolResultBlock",
        "Anthropic.ToolChoice", "Anthropic.ToolChoiceNone", "Anthropic.ToolChoiceTool", "Anthropic.ToolChoiceAny", "Anthropic.ToolChoiceAuto",
        "Anthropic.ThinkingConfigParam", "Anthropic.ThinkingConfigEnabled", "Anthropic.ThinkingConfigDisabled", "Anthropic.MessageStartEvent",
        "Anthropic.ContentBlockStartEvent", "Anthropic.ResponseToolUseBlock", "Anthropic.ContentBlockDeltaEvent", "Anthropic.TextContentBlockDelta",
        "Anthropic.ThinkingContentBlockDelta", "Anthropic.InputJsonContentBlockDelta", "Anthropic.ContentBlockStopEvent", "Anthropic.MessageDeltaEvent",
        "Anthropic.RequestImageBlock", "Anthropic.Base64ImageSource", "Anthropic.URLImageSource", "Anthropic.ResponseServerToolUseBlock",
        "Anthropic.ResponseTextBlock", "Anthropic.ResponseThinkingBlock", "Anthropic.ResponseRedactedThinkingBlock",
    };

    private static readonly string[] GeminiTypes =
    {
        "GoogleGenerateContentClient", "GeminiModel", "Gemini.GenerateContentRequest", "Gemini.GenerateContentResponse", "Gemini.Candidate",
        "Gemini.Content", "Gemini.Part", "Gemini.FunctionCall", "Gemini.FunctionResponse", "Gemini.FunctionDeclaration", "Gemini.Tool",
        "Gemini.ToolConfig", "Gemini.FunctionCallingConfig", "Gemini.FunctionCallingConfigMode", "Gemini.GenerationConfig", "Gemini.ThinkingConfig",
        "Gemini.UsageMetadata", "Gemini.Blob", "Gemini.FileData", "Gemini.PartialArg",
    };

    public static readonly IReadOnlyList<IntegrationTemplate> All = new[]
    {
        Routed("FoundryResponsesChatClient", "ResponsesChatClient.cs", "OpenAI Responses", "OpenAiResponsesClient", "ResponsesModel", "OpenAi.CreateResponse", ResponsesTypes),
        Routed("FoundryXaiResponsesChatClient", "ResponsesChatClient.cs", "xAI Responses", "XaiResponsesClient", "XaiResponsesModel", "Xai.CreateResponse", ResponsesTypes),
        Routed("FoundryChatCompletionsChatClient", "ChatCompletionsChatClient.cs", "OpenAI chat completions", "OpenAiChatCompletionsClient", "ChatCompletionsModel", "OpenAi.CreateChatCompletionRequest", ChatTypes),
        new IntegrationTemplate(IntegrationLibrary.ExtensionsAi, "FoundryAnthropicChatClient", "AnthropicChatClient.cs", new Dictionary<string, string>(), AnthropicTypes),
        new IntegrationTemplate(IntegrationLibrary.ExtensionsAi, "FoundryGeminiChatClient", "GeminiChatClient.cs", new Dictionary<string, string>(), GeminiTypes),
        new IntegrationTemplate(IntegrationLibrary.ExtensionsAi, "FoundryEmbeddingGenerator", "EmbeddingGenerator.cs", new Dictionary<string, string>(), new[]
        {
            "OpenAiEmbeddingsClient", "EmbeddingsModel", "OpenAi.CreateEmbeddingRequest", "OpenAi.CreateEmbeddingRequestInput",
            "OpenAi.CreateEmbeddingRequestEncodingFormat", "OpenAi.CreateEmbeddingResponse", "OpenAi.Embedding",
        }),
        Routed("FoundryXaiChatCompletionsChatClient", "ChatCompletionsChatClient.cs", "xAI chat completions", "XaiChatCompletionsClient", "XaiChatCompletionsModel", "Xai.CreateChatCompletionRequest", ChatTypes),
        new IntegrationTemplate(IntegrationLibrary.Hosting, "FoundryLlmServiceCollectionExtensions", "DependencyInjection.cs", new Dictionary<string, string>(), new[] { "FoundryLlmClient" }),
    };

    private static IntegrationTemplate Routed(string adapter, string resource, string routeName, string client, string model, string request, string[] types)
        => new(
            IntegrationLibrary.ExtensionsAi,
            adapter,
            resource,
            new Dictionary<string, string> { ["__Adapter__"] = adapter, ["__RouteName__"] = routeName, ["__Client__"] = client, ["__Model__"] = model, ["__Request__"] = request },
            new[] { client, model, request }.Concat(types).ToArray());
}
