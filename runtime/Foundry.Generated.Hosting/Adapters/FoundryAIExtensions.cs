// Written by the generator for the emitted adapters (compiled copy: a test keeps it equal to the generator's output).
#nullable enable

namespace Foundry.Generated;

/// <summary>Microsoft.Extensions.AI adapters of the generated clients.</summary>
public static class FoundryAIExtensions
{
    /// <summary>This route as a Microsoft.Extensions.AI <see cref="global::Microsoft.Extensions.AI.IChatClient"/>; <c>ChatOptions.ModelId</c> overrides <paramref name="defaultModel"/>.</summary>
    public static global::Microsoft.Extensions.AI.IChatClient AsIChatClient(this global::Foundry.Generated.OpenAiResponsesClient client, global::Foundry.Generated.ResponsesModel defaultModel)
        => new global::Foundry.Generated.AI.FoundryResponsesChatClient(client ?? throw new global::System.ArgumentNullException(nameof(client)), defaultModel);

    /// <summary>This route as a Microsoft.Extensions.AI <see cref="global::Microsoft.Extensions.AI.IChatClient"/>; <c>ChatOptions.ModelId</c> overrides <paramref name="defaultModel"/>.</summary>
    public static global::Microsoft.Extensions.AI.IChatClient AsIChatClient(this global::Foundry.Generated.XaiResponsesClient client, global::Foundry.Generated.XaiResponsesModel defaultModel)
        => new global::Foundry.Generated.AI.FoundryXaiResponsesChatClient(client ?? throw new global::System.ArgumentNullException(nameof(client)), defaultModel);

    /// <summary>This route as a Microsoft.Extensions.AI <see cref="global::Microsoft.Extensions.AI.IChatClient"/>; <c>ChatOptions.ModelId</c> overrides <paramref name="defaultModel"/>.</summary>
    public static global::Microsoft.Extensions.AI.IChatClient AsIChatClient(this global::Foundry.Generated.OpenAiChatCompletionsClient client, global::Foundry.Generated.ChatCompletionsModel defaultModel)
        => new global::Foundry.Generated.AI.FoundryChatCompletionsChatClient(client ?? throw new global::System.ArgumentNullException(nameof(client)), defaultModel);

    /// <summary>This route as a Microsoft.Extensions.AI <see cref="global::Microsoft.Extensions.AI.IChatClient"/>; <c>ChatOptions.ModelId</c> overrides <paramref name="defaultModel"/>.</summary>
    public static global::Microsoft.Extensions.AI.IChatClient AsIChatClient(this global::Foundry.Generated.AnthropicMessagesClient client, global::Foundry.Generated.AnthropicMessagesModel defaultModel)
        => new global::Foundry.Generated.AI.FoundryAnthropicChatClient(client ?? throw new global::System.ArgumentNullException(nameof(client)), defaultModel);

    /// <summary>This route as a Microsoft.Extensions.AI <see cref="global::Microsoft.Extensions.AI.IChatClient"/>; <c>ChatOptions.ModelId</c> overrides <paramref name="defaultModel"/>.</summary>
    public static global::Microsoft.Extensions.AI.IChatClient AsIChatClient(this global::Foundry.Generated.GoogleGenerateContentClient client, global::Foundry.Generated.GeminiModel defaultModel)
        => new global::Foundry.Generated.AI.FoundryGeminiChatClient(client ?? throw new global::System.ArgumentNullException(nameof(client)), defaultModel);

    /// <summary>This route as a Microsoft.Extensions.AI embedding generator; <c>EmbeddingGenerationOptions.ModelId</c> overrides <paramref name="defaultModel"/>.</summary>
    public static global::Microsoft.Extensions.AI.IEmbeddingGenerator<string, global::Microsoft.Extensions.AI.Embedding<float>> AsIEmbeddingGenerator(this global::Foundry.Generated.OpenAiEmbeddingsClient client, global::Foundry.Generated.EmbeddingsModel defaultModel)
        => new global::Foundry.Generated.AI.FoundryEmbeddingGenerator(client ?? throw new global::System.ArgumentNullException(nameof(client)), defaultModel);

    /// <summary>This route as a Microsoft.Extensions.AI <see cref="global::Microsoft.Extensions.AI.IChatClient"/>; <c>ChatOptions.ModelId</c> overrides <paramref name="defaultModel"/>.</summary>
    public static global::Microsoft.Extensions.AI.IChatClient AsIChatClient(this global::Foundry.Generated.XaiChatCompletionsClient client, global::Foundry.Generated.XaiChatCompletionsModel defaultModel)
        => new global::Foundry.Generated.AI.FoundryXaiChatCompletionsChatClient(client ?? throw new global::System.ArgumentNullException(nameof(client)), defaultModel);
}
