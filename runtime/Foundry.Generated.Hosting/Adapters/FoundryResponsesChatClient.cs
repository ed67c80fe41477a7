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
using Client = global::Foundry.Generated.OpenAiResponsesClient;
using Model = global::Foundry.Generated.ResponsesModel;
using Request = global::Foundry.Generated.OpenAi.CreateResponse;
using OpenAi = global::Foundry.Generated.OpenAi;

file static class Route
{
    public const string Name = "OpenAI Responses";
}

/// <summary><see cref="IChatClient"/> over the OpenAI Responses route: text, reasoning summaries, function calls (arguments streamed and assembled per output item), usage and finish reasons.</summary>
[global::System.CodeDom.Compiler.GeneratedCode("Foundry.Generated", "1.0.0")]
public sealed class FoundryResponsesChatClient(Client client, Model defaultModel) : FoundryChatClientBase<Model>(client, defaultModel, defaultModel.Id)
// </foundry-header>
{
    private const string RouteName = Route.Name;
    private readonly Client _client = client;

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var request = BuildRequest(messages, options);
        var modelId = request.Model.Id;
        string? responseId = null;
        var calls = new FoundryToolCallBuffer();
        var callCount = 0;
        await foreach (var e in TaskAsyncEnumerableExtensions.ConfigureAwait(_client.StreamAsync(request, cancellationToken), false))
        {
            switch (e)
            {
                case OpenAi.ResponseCreatedEvent created:
                    responseId = created.Response.Id;
                    break;
                case OpenAi.ResponseTextDeltaEvent text:
                    yield return FoundryChatMapping.WithRaw(FoundryChatMapping.Update(responseId, modelId, new TextContent(text.Delta)), e);
                    break;
                case OpenAi.ResponseReasoningSummaryTextDeltaEvent summary:
                    yield return FoundryChatMapping.WithRaw(FoundryChatMapping.Update(responseId, modelId, new TextReasoningContent(summary.Delta)), e);
                    break;
                case OpenAi.ResponseReasoningTextDeltaEvent reasoning:
                    yield return FoundryChatMapping.WithRaw(FoundryChatMapping.Update(responseId, modelId, new TextReasoningContent(reasoning.Delta)), e);
                    break;
                case OpenAi.ResponseOutputItemAddedEvent { Item: OpenAi.FunctionToolCall added } itemAdded:
                    calls.Start(itemAdded.OutputIndex, added.CallId, added.Name);
                    break;
                case OpenAi.ResponseFunctionCallArgumentsDeltaEvent arguments:
                    calls.Append(arguments.OutputIndex, arguments.Delta);
                    break;
                case OpenAi.ResponseOutputItemDoneEvent { Item: OpenAi.FunctionToolCall done } itemDone:
                    calls.Start(itemDone.OutputIndex, done.CallId, done.Name);
                    var call = calls.Complete(itemDone.OutputIndex, string.IsNullOrEmpty(done.Arguments) ? null : done.Arguments)!;
                    callCount++;
                    yield return FoundryChatMapping.WithRaw(FoundryChatMapping.Update(responseId, modelId, call), e);
                    break;
                case OpenAi.ResponseCompletedEvent completed:
                    yield return Finish(completed.Response, callCount > 0 ? ChatFinishReason.ToolCalls : ChatFinishReason.Stop, modelId, e);
                    break;
                case OpenAi.ResponseIncompleteEvent incomplete:
                    var reason = incomplete.Response.IncompleteDetails?.Reason?.ToString() == "content_filter"
                        ? ChatFinishReason.ContentFilter
                        : ChatFinishReason.Length;
                    yield return Finish(incomplete.Response, reason, modelId, e);
                    break;
                case OpenAi.ResponseFailedEvent failed:
                    var error = new ErrorContent(failed.Response.Error?.Message ?? "the response failed") { ErrorCode = failed.Response.Error?.Code.ToString() };
                    yield return FoundryChatMapping.WithRaw(FoundryChatMapping.Update(failed.Response.Id, modelId, error), e);
                    break;
            }
        }
    }

    private Request BuildRequest(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var raw = options?.RawRepresentationFactory?.Invoke(this) as Request;
        var model = ResolveModel(options, raw?.Model ?? DefaultModel);
        var input = new List<OpenAi.InputItem>();
        if (raw?.Input is { } rawInput)
        {
            if (rawInput.AsString is { } rawText)
            {
                input.Add(new OpenAi.EasyInputMessage { Role = OpenAi.EasyInputMessageRole.User, Content = rawText });
            }
            else if (rawInput.AsInputItemList is { } rawItems)
            {
                input.AddRange(rawItems);
            }
        }

        foreach (var message in messages)
        {
            AddMessage(input, message);
        }

        var request = raw ?? new Request { Model = model };
        var tools = Tools(options);
        return request with
        {
            Model = model,
            Input = input,
            Instructions = request.Instructions ?? options?.Instructions,
            MaxOutputTokens = request.MaxOutputTokens ?? options?.MaxOutputTokens,
            Temperature = request.Temperature ?? options?.Temperature,
            TopP = request.TopP ?? options?.TopP,
            PreviousResponseId = request.PreviousResponseId ?? options?.ConversationId,
            ParallelToolCalls = request.ParallelToolCalls ?? options?.AllowMultipleToolCalls,
            Tools = tools.Count > 0 ? tools : request.Tools,
            ToolChoice = request.ToolChoice ?? (tools.Count > 0 ? ToolChoice(options?.ToolMode) : null),
            Text = request.Text ?? TextFormat(options?.ResponseFormat),
            Reasoning = request.Reasoning ?? Reasoning(options?.Reasoning),
        };
    }

    private static void AddMessage(List<OpenAi.InputItem> input, ChatMessage message)
    {
        var role = message.Role == ChatRole.System ? OpenAi.EasyInputMessageRole.System
            : message.Role == ChatRole.Assistant ? OpenAi.EasyInputMessageRole.Assistant
            : OpenAi.EasyInputMessageRole.User;
        var pending = new Pending(role);
        foreach (var content in message.Contents)
        {
            switch (content)
            {
                case TextContent t:
                    pending.Text.Append(t.Text);
                    break;
                case TextReasoningContent:
                    // Reasoning is not replayed: the proxy is stateless and models reason afresh.
                    break;
                case FunctionCallContent call:
                    pending.Flush(input);
                    input.Add((OpenAi.Item)new OpenAi.FunctionToolCall { CallId = call.CallId, Name = call.Name, Arguments = FoundryChatMapping.ArgumentsJson(call.Arguments) });
                    break;
                case FunctionResultContent result:
                    pending.Flush(input);
                    input.Add((OpenAi.Item)new OpenAi.FunctionCallOutputItemParam { CallId = result.CallId, Output = FoundryChatMapping.ResultText(result.Result) });
                    break;
                case var image when FoundryChatMapping.ImageUrl(image) is { } url:
                    pending.AddPart(new OpenAi.InputImageContent { ImageUrl = url, Detail = OpenAi.ImageDetail.Auto });
                    break;
                default:
                    throw FoundryChatMapping.Unsupported(content, RouteName);
            }
        }

        pending.Flush(input);
    }

    /// <summary>One message being assembled: plain text, or typed parts once an image joins it.</summary>
    private sealed class Pending(OpenAi.EasyInputMessageRole role)
    {
        public StringBuilder Text { get; } = new();

        private List<OpenAi.FunctionAndCustomToolCallOutput>? _parts;

        public void AddPart(OpenAi.FunctionAndCustomToolCallOutput part)
        {
            _parts ??= new();
            MoveTextToParts();
            _parts.Add(part);
        }

        public void Flush(List<OpenAi.InputItem> input)
        {
            if (_parts is not null)
            {
                MoveTextToParts();
                input.Add(new OpenAi.EasyInputMessage { Role = role, Content = _parts });
                _parts = null;
            }
            else if (Text.Length > 0)
            {
                input.Add(new OpenAi.EasyInputMessage { Role = role, Content = Text.ToString() });
                Text.Clear();
            }
        }

        private void MoveTextToParts()
        {
            if (Text.Length > 0)
            {
                _parts!.Add(new OpenAi.InputTextContent { Text = Text.ToString() });
                Text.Clear();
            }
        }
    }

    private static List<OpenAi.Tool> Tools(ChatOptions? options)
    {
        var tools = new List<OpenAi.Tool>();
        foreach (var function in FoundryChatMapping.Functions(options, RouteName))
        {
            // Not strict: strict mode needs every property required and additionalProperties false.
            tools.Add(new OpenAi.FunctionTool { Name = function.Name, Description = function.Description, Parameters = function.JsonSchema, Strict = false });
        }

        return tools;
    }

    private static OpenAi.ToolChoiceParam? ToolChoice(ChatToolMode? mode) => mode switch
    {
        NoneChatToolMode => OpenAi.ToolChoiceOptions.None,
        RequiredChatToolMode { RequiredFunctionName: { } name } => new OpenAi.ToolChoiceFunction { Name = name },
        RequiredChatToolMode => OpenAi.ToolChoiceOptions.Required,
        AutoChatToolMode => OpenAi.ToolChoiceOptions.Auto,
        _ => null,
    };

    private static OpenAi.ResponseTextParam? TextFormat(ChatResponseFormat? format) => format switch
    {
        ChatResponseFormatJson { Schema: { } schema } json => new OpenAi.ResponseTextParam
        {
            Format = new OpenAi.TextResponseFormatJsonSchema { Name = json.SchemaName ?? "response", Description = json.SchemaDescription, Schema = schema },
        },
        ChatResponseFormatJson => new OpenAi.ResponseTextParam { Format = new OpenAi.ResponseFormatJsonObject() },
        _ => null,
    };

    private static OpenAi.Reasoning? Reasoning(ReasoningOptions? reasoning)
    {
        if (reasoning is null)
        {
            return null;
        }

        OpenAi.ReasoningEffort? effort = FoundryChatMapping.EffortName(reasoning) is { } name ? (OpenAi.ReasoningEffort?)name : null;
        OpenAi.ReasoningSummary? summary = reasoning.Output switch
        {
            ReasoningOutput.Summary => OpenAi.ReasoningSummary.Auto,
            ReasoningOutput.Full => OpenAi.ReasoningSummary.Detailed,
            _ => (OpenAi.ReasoningSummary?)null,
        };
        return new OpenAi.Reasoning { Effort = effort, Summary = summary };
    }

    private static ChatResponseUpdate Finish(OpenAi.Response response, ChatFinishReason reason, string modelId, object raw)
    {
        var contents = new List<AIContent>();
        if (response.Usage is { } usage)
        {
            contents.Add(new UsageContent(FoundryChatMapping.Usage(usage.InputTokens, usage.OutputTokens, usage.TotalTokens, usage.InputTokensDetails?.CachedTokens, usage.OutputTokensDetails?.ReasoningTokens)));
        }

        return new ChatResponseUpdate(ChatRole.Assistant, contents)
        {
            ResponseId = response.Id,
            MessageId = response.Id,
            ModelId = modelId,
            FinishReason = reason,
            CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds((long)(response.CreatedAt * 1000)),
            RawRepresentation = raw,
        };
    }
}
