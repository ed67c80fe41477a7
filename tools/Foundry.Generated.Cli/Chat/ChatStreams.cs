using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Foundry.Generated;
using Foundry.Generated.Anthropic;
using Foundry.Generated.Gemini;
using Foundry.Generated.OpenAi;
using Foundry.Generated.Runtime;
using AnthropicMessage = Foundry.Generated.Anthropic.InputMessage;
using AnthropicRole = Foundry.Generated.Anthropic.InputMessageRole;

namespace Foundry.Generated.Cli.Chat;

/// <summary>One streamed piece: the text it adds (maybe empty) and the raw event as JSON.</summary>
internal readonly record struct ChatPiece(string Text, string Json);

/// <summary>The same chat on each route, through the generated clients.</summary>
internal static class ChatStreams
{
    /// <summary>Streams <paramref name="model"/> on <paramref name="route"/>; the model must list the route (the probe
    /// passes a copy that lists exactly the route it tries, whatever the catalog says).</summary>
    public static IAsyncEnumerable<ChatPiece> StreamAsync(FoundryLlmClient client, FoundryModelInfo model, string route, ChatOptions options, CancellationToken cancellationToken)
        => route switch
        {
            FoundryRoutes.OpenAiResponses => ResponsesAsync(client.OpenAiResponses.StreamAsync(ResponsesRequest(ResponsesModel.FromCatalogEntry(model), options), cancellationToken)),
            FoundryRoutes.XaiResponses => ResponsesAsync(client.XaiResponses.StreamAsync(XaiRequest(XaiResponsesModel.FromCatalogEntry(model), options), cancellationToken)),
            FoundryRoutes.OpenAiChatCompletions => ChatAsync(client.OpenAiChatCompletions.StreamAsync(ChatRequest(ChatCompletionsModel.FromCatalogEntry(model), options), cancellationToken)),
            FoundryRoutes.XaiChatCompletions => XaiChatAsync(client.XaiChatCompletions.StreamAsync(XaiChatRequest(XaiChatCompletionsModel.FromCatalogEntry(model), options), cancellationToken)),
            FoundryRoutes.AnthropicMessages => AnthropicAsync(client.AnthropicMessages.StreamAsync(AnthropicRequest(AnthropicMessagesModel.FromCatalogEntry(model), options), cancellationToken)),
            FoundryRoutes.GoogleGenerateContent => GeminiAsync(client.GoogleGenerateContent.StreamAsync(GeminiModel.FromCatalogEntry(model), GeminiRequest(options), cancellationToken)),
            _ => throw new System.ArgumentException($"There is no chat stream on {route}."),
        };

    private static CreateResponse ResponsesRequest(ResponsesModel model, ChatOptions o)
        => new() { Model = model, Input = o.Prompt, Instructions = o.System, MaxOutputTokens = o.MaxOutputTokens };

    private static Foundry.Generated.Xai.CreateResponse XaiRequest(XaiResponsesModel model, ChatOptions o)
        => new() { Model = model, Input = o.Prompt, Instructions = o.System, MaxOutputTokens = o.MaxOutputTokens };

    private static CreateChatCompletionRequest ChatRequest(ChatCompletionsModel model, ChatOptions o)
    {
        var messages = new List<ChatCompletionRequestMessage>();
        if (o.System != null)
        {
            messages.Add(new ChatCompletionRequestSystemMessage { Content = o.System });
        }

        messages.Add(new ChatCompletionRequestUserMessage { Content = o.Prompt });

        // The catalog says which token-limit parameter the model takes.
        var usesMaxCompletionTokens = model.Info?.Capabilities.MaxTokensParameter == "max_completion_tokens";
#pragma warning disable CS0612 // OpenAI deprecates max_tokens, but the models the catalog marks max_tokens take only it.
        return new CreateChatCompletionRequest
        {
            Model = model,
            Messages = messages,
            MaxTokens = usesMaxCompletionTokens ? null : o.MaxOutputTokens,
            MaxCompletionTokens = usesMaxCompletionTokens ? o.MaxOutputTokens : null,
        };
#pragma warning restore CS0612
    }

    private static Foundry.Generated.Xai.CreateChatCompletionRequest XaiChatRequest(XaiChatCompletionsModel model, ChatOptions o)
    {
        var messages = new List<ChatCompletionRequestMessage>();
        if (o.System != null)
        {
            messages.Add(new ChatCompletionRequestSystemMessage { Content = o.System });
        }

        messages.Add(new ChatCompletionRequestUserMessage { Content = o.Prompt });
#pragma warning disable CS0612 // xAI's chat completions take max_tokens (the OpenAI-shaped spec marks it deprecated).
        return new Foundry.Generated.Xai.CreateChatCompletionRequest { Model = model, Messages = messages, MaxTokens = o.MaxOutputTokens };
#pragma warning restore CS0612
    }

    private static CreateMessageParams AnthropicRequest(AnthropicMessagesModel model, ChatOptions o)
    {
        CreateMessageParamsSystem? system = null;
        if (o.System != null)
        {
            system = o.System;
        }

        return new()
        {
            Model = model,
            MaxTokens = o.MaxOutputTokens ?? 1024,
            System = system,
            Messages = [new AnthropicMessage { Role = AnthropicRole.User, Content = o.Prompt }],
        };
    }

    private static GenerateContentRequest GeminiRequest(ChatOptions o)
        => new()
        {
            Contents = [new Content { Role = "user", Parts = [new Part { Text = o.Prompt }] }],
            SystemInstruction = o.System is null ? null : new Content { Parts = [new Part { Text = o.System }] },
            GenerationConfig = o.MaxOutputTokens is null ? null : new GenerationConfig { MaxOutputTokens = o.MaxOutputTokens },
        };

    private static async IAsyncEnumerable<ChatPiece> ResponsesAsync(IAsyncEnumerable<ResponseStreamEvent> events)
    {
        await foreach (var e in events.ConfigureAwait(false))
        {
            yield return new ChatPiece(e is ResponseTextDeltaEvent d ? d.Delta : string.Empty, FoundryJson.Serialize(e));
        }
    }

    private static async IAsyncEnumerable<ChatPiece> ChatAsync(IAsyncEnumerable<CreateChatCompletionStreamResponse> chunks)
    {
        await foreach (var chunk in chunks.ConfigureAwait(false))
        {
            // Chunks without choices exist (usage-only chunks, audio output): they add no text.
            var text = chunk.Choices is { Count: > 0 } choices ? choices[0].Delta?.Content ?? string.Empty : string.Empty;
            yield return new ChatPiece(text, FoundryJson.Serialize(chunk));
        }
    }

    private static async IAsyncEnumerable<ChatPiece> XaiChatAsync(IAsyncEnumerable<CreateChatCompletionStreamResponse> chunks)
    {
        await foreach (var chunk in chunks.ConfigureAwait(false))
        {
            var text = chunk.Choices is { Count: > 0 } choices ? choices[0].Delta?.Content ?? string.Empty : string.Empty;
            yield return new ChatPiece(text, FoundryJson.Serialize(chunk));
        }
    }

    private static async IAsyncEnumerable<ChatPiece> AnthropicAsync(IAsyncEnumerable<MessageStreamEvent> events)
    {
        await foreach (var e in events.ConfigureAwait(false))
        {
            var text = e is ContentBlockDeltaEvent { Delta: TextContentBlockDelta t } ? t.Text : string.Empty;
            yield return new ChatPiece(text, FoundryJson.Serialize(e));
        }
    }

    private static async IAsyncEnumerable<ChatPiece> GeminiAsync(IAsyncEnumerable<GenerateContentResponse> chunks)
    {
        await foreach (var chunk in chunks.ConfigureAwait(false))
        {
            var text = string.Empty;
            foreach (var part in chunk.Candidates is { Count: > 0 } c ? c[0].Content?.Parts ?? [] : [])
            {
                text += part.Thought == true ? string.Empty : part.Text;
            }

            yield return new ChatPiece(text, FoundryJson.Serialize(chunk));
        }
    }
}
