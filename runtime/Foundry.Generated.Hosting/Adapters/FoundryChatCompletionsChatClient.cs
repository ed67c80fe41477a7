// <foundry-header> The spec-dependent part: the generator writes it for a custom spec, namespace or visibility; the rest is emitted as it is.
#nullable enable
#pragma warning disable CS0612, CS0618 // the adapters may use members the spec marks deprecated

namespace Foundry.Generated.AI;

using global::System;
using global::System.Collections.Generic;
using global::System.Runtime.CompilerServices;
using global::System.Text;
using global::System.Text.Json;
using global::System.Threading;
using global::System.Threading.Tasks;
using global::Foundry.Generated.Hosting.AI;
using global::Microsoft.Extensions.AI;
using Client = global::Foundry.Generated.OpenAiChatCompletionsClient;
using Model = global::Foundry.Generated.ChatCompletionsModel;
using Request = global::Foundry.Generated.OpenAi.CreateChatCompletionRequest;
using OpenAi = global::Foundry.Generated.OpenAi;

file static class Route
{
    public const string Name = "OpenAI chat completions";
}

/// <summary><see cref="IChatClient"/> over the OpenAI chat completions route: text, reasoning (<c>reasoning_content</c> where a provider sends it), tool calls accumulated by index, usage and finish reasons.</summary>
[global::System.CodeDom.Compiler.GeneratedCode("Foundry.Generated", "1.0.0")]
public sealed class FoundryChatCompletionsChatClient(Client client, Model defaultModel) : FoundryChatClientBase<Model>(client, defaultModel, defaultModel.Id)
// </foundry-header>
{
    private const string RouteName = Route.Name;
    private readonly Client _client = client;

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var request = BuildRequest(messages, options);
        var modelId = request.Model.Id;
        var calls = new FoundryToolCallBuffer();
        await foreach (var chunk in TaskAsyncEnumerableExtensions.ConfigureAwait(_client.StreamAsync(request, cancellationToken), false))
        {
            var created = DateTimeOffset.FromUnixTimeSeconds(chunk.Created);
            // Chunks without choices are real (usage-only chunks, audio output): nothing to map but their usage.
            foreach (var choice in chunk.Choices is { } choices ? choices : [])
            {
                var delta = choice.Delta;
                if (delta is null)
                {
                    continue;
                }

                if (delta.AdditionalProperties is { } extra && extra.TryGetValue("reasoning_content", out var reasoning) && reasoning.ValueKind == JsonValueKind.String && reasoning.GetString() is { Length: > 0 } reasoningText)
                {
                    yield return Update(chunk, modelId, created, new TextReasoningContent(reasoningText));
                }

                if (!string.IsNullOrEmpty(delta.Content))
                {
                    yield return Update(chunk, modelId, created, new TextContent(delta.Content));
                }

                if (!string.IsNullOrEmpty(delta.Refusal))
                {
                    yield return Update(chunk, modelId, created, new ErrorContent(delta.Refusal) { ErrorCode = "refusal" });
                }

                foreach (var piece in delta.ToolCalls ?? Array.Empty<OpenAi.ChatCompletionMessageToolCallChunk>())
                {
                    calls.Start(piece.Index, piece.Id, piece.Function?.Name);
                    calls.Append(piece.Index, piece.Function?.Arguments);
                }

                if (choice.FinishReason is { } finish)
                {
                    var done = FoundryChatMapping.Update(chunk.Id, modelId);
                    foreach (var call in calls.CompleteAll())
                    {
                        done.Contents.Add(call);
                    }

                    done.FinishReason = Finish(finish.ToString());
                    done.CreatedAt = created;
                    done.RawRepresentation = chunk;
                    yield return done;
                }
            }

            if (chunk.Usage is { } usage)
            {
                var usageDetails = FoundryChatMapping.Usage(usage.PromptTokens, usage.CompletionTokens, usage.TotalTokens, usage.PromptTokensDetails?.CachedTokens, usage.CompletionTokensDetails?.ReasoningTokens);
                yield return Update(chunk, modelId, created, new UsageContent(usageDetails));
            }
        }

        // A stream cut before its finish reason (no [DONE] either) still hands over complete calls.
        if (calls.Count > 0)
        {
            var rest = FoundryChatMapping.Update(null, modelId);
            foreach (var call in calls.CompleteAll())
            {
                rest.Contents.Add(call);
            }

            rest.FinishReason = ChatFinishReason.ToolCalls;
            yield return rest;
        }
    }

    private static ChatResponseUpdate Update(OpenAi.CreateChatCompletionStreamResponse chunk, string modelId, DateTimeOffset created, AIContent content)
    {
        var update = FoundryChatMapping.Update(chunk.Id, modelId, content);
        update.CreatedAt = created;
        update.RawRepresentation = chunk;
        return update;
    }

    private static ChatFinishReason Finish(string reason) => reason switch
    {
        "stop" => ChatFinishReason.Stop,
        "length" => ChatFinishReason.Length,
        "tool_calls" or "function_call" => ChatFinishReason.ToolCalls,
        "content_filter" => ChatFinishReason.ContentFilter,
        _ => new ChatFinishReason(reason),
    };

    private Request BuildRequest(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var raw = options?.RawRepresentationFactory?.Invoke(this) as Request;
        var model = ResolveModel(options, raw?.Model ?? DefaultModel);
        var wire = new List<OpenAi.ChatCompletionRequestMessage>(raw?.Messages ?? Array.Empty<OpenAi.ChatCompletionRequestMessage>());
        if (options?.Instructions is { Length: > 0 } instructions)
        {
            wire.Add(new OpenAi.ChatCompletionRequestSystemMessage { Content = instructions });
        }

        foreach (var message in messages)
        {
            AddMessage(wire, message);
        }

        var request = raw ?? new Request { Model = model, Messages = wire };
        var tools = Tools(options);
        // Models that take max_tokens (the catalog says which) get it; the rest get max_completion_tokens.
        var usesMaxTokens = model.Info?.Capabilities.MaxTokensParameter == "max_tokens";
        return request with
        {
            Model = model,
            Messages = wire,
            MaxCompletionTokens = request.MaxCompletionTokens ?? (usesMaxTokens ? null : options?.MaxOutputTokens),
            MaxTokens = request.MaxTokens ?? (usesMaxTokens ? options?.MaxOutputTokens : null),
            Temperature = request.Temperature ?? options?.Temperature,
            TopP = request.TopP ?? options?.TopP,
            FrequencyPenalty = request.FrequencyPenalty ?? options?.FrequencyPenalty,
            PresencePenalty = request.PresencePenalty ?? options?.PresencePenalty,
            Seed = request.Seed ?? options?.Seed,
            Stop = request.Stop ?? (options?.StopSequences is { Count: > 0 } stop ? (OpenAi.StopConfiguration?)new List<string>(stop) : null),
            ParallelToolCalls = request.ParallelToolCalls ?? (tools.Count > 0 ? options?.AllowMultipleToolCalls : null),
            Tools = tools.Count > 0 ? tools : request.Tools,
            ToolChoice = request.ToolChoice ?? (tools.Count > 0 ? ToolChoice(options?.ToolMode) : null),
            ResponseFormat = request.ResponseFormat ?? ResponseFormat(options?.ResponseFormat),
            ReasoningEffort = request.ReasoningEffort ?? (FoundryChatMapping.EffortName(options?.Reasoning) is { } effort ? (OpenAi.ReasoningEffort?)effort : null),
        };
    }

    private static void AddMessage(List<OpenAi.ChatCompletionRequestMessage> wire, ChatMessage message)
    {
        var text = new StringBuilder();
        List<OpenAi.ChatCompletionRequestUserMessageContentPart>? parts = null;
        var toolCalls = new List<OpenAi.ChatCompletionMessageToolCallsItemItem>();
        foreach (var content in message.Contents)
        {
            switch (content)
            {
                case TextContent t:
                    text.Append(t.Text);
                    break;
                case TextReasoningContent:
                    break;
                case FunctionCallContent call:
                    toolCalls.Add(new OpenAi.ChatCompletionMessageToolCall
                    {
                        Id = call.CallId,
                        Function = new OpenAi.ChatCompletionMessageToolCallFunction { Name = call.Name, Arguments = FoundryChatMapping.ArgumentsJson(call.Arguments) },
                    });
                    break;
                case FunctionResultContent result:
                    wire.Add(new OpenAi.ChatCompletionRequestToolMessage { ToolCallId = result.CallId, Content = FoundryChatMapping.ResultText(result.Result) });
                    break;
                case var image when message.Role == ChatRole.User && FoundryChatMapping.ImageUrl(image) is { } url:
                    // Images go in user messages only, as typed parts next to the text.
                    parts ??= new();
                    if (text.Length > 0)
                    {
                        parts.Add(new OpenAi.ChatCompletionRequestMessageContentPartText { Text = text.ToString() });
                        text.Clear();
                    }

                    parts.Add(new OpenAi.ChatCompletionRequestMessageContentPartImage { ImageUrl = new OpenAi.ChatCompletionRequestMessageContentPartImageImageUrl { Url = url } });
                    break;
                default:
                    throw FoundryChatMapping.Unsupported(content, RouteName);
            }
        }

        if (message.Role == ChatRole.Assistant)
        {
            if (text.Length > 0 || toolCalls.Count > 0)
            {
                wire.Add(new OpenAi.ChatCompletionRequestAssistantMessage { Content = text.Length > 0 ? (OpenAi.ChatCompletionRequestAssistantMessageContent?)text.ToString() : null, ToolCalls = toolCalls.Count > 0 ? toolCalls : null });
            }
        }
        else if (parts is not null)
        {
            if (text.Length > 0)
            {
                parts.Add(new OpenAi.ChatCompletionRequestMessageContentPartText { Text = text.ToString() });
            }

            wire.Add(new OpenAi.ChatCompletionRequestUserMessage { Content = parts, Name = message.AuthorName });
        }
        else if (text.Length > 0)
        {
            wire.Add(message.Role == ChatRole.System
                ? new OpenAi.ChatCompletionRequestSystemMessage { Content = text.ToString() }
                : new OpenAi.ChatCompletionRequestUserMessage { Content = text.ToString(), Name = message.AuthorName });
        }
    }

    private static List<OpenAi.CreateChatCompletionRequestTool> Tools(ChatOptions? options)
    {
        var tools = new List<OpenAi.CreateChatCompletionRequestTool>();
        foreach (var function in FoundryChatMapping.Functions(options, RouteName))
        {
            tools.Add(new OpenAi.ChatCompletionTool
            {
                Function = new OpenAi.FunctionObject { Name = function.Name, Description = function.Description, Parameters = function.JsonSchema },
            });
        }

        return tools;
    }

    private static OpenAi.ChatCompletionToolChoiceOption? ToolChoice(ChatToolMode? mode) => mode switch
    {
        NoneChatToolMode => OpenAi.ChatCompletionToolChoiceOptionVariant1.None,
        RequiredChatToolMode { RequiredFunctionName: { } name } => new OpenAi.ChatCompletionNamedToolChoice { Function = new OpenAi.ChatCompletionNamedToolChoiceFunction { Name = name } },
        RequiredChatToolMode => OpenAi.ChatCompletionToolChoiceOptionVariant1.Required,
        AutoChatToolMode => OpenAi.ChatCompletionToolChoiceOptionVariant1.Auto,
        _ => (OpenAi.ChatCompletionToolChoiceOption?)null,
    };

    private static OpenAi.CreateChatCompletionRequestResponseFormat? ResponseFormat(ChatResponseFormat? format) => format switch
    {
        ChatResponseFormatJson { Schema: { } schema } json => new OpenAi.ResponseFormatJsonSchema
        {
            JsonSchema = new OpenAi.ResponseFormatJsonSchemaJsonSchema { Name = json.SchemaName ?? "response", Description = json.SchemaDescription, Schema = schema },
        },
        ChatResponseFormatJson => new OpenAi.ResponseFormatJsonObject(),
        _ => null,
    };
}
