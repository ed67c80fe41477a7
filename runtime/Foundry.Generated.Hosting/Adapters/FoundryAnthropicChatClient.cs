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
using Client = global::Foundry.Generated.AnthropicMessagesClient;
using Model = global::Foundry.Generated.AnthropicMessagesModel;
using Request = global::Foundry.Generated.Anthropic.CreateMessageParams;
using Anthropic = global::Foundry.Generated.Anthropic;

file static class Route
{
    public const string Name = "Anthropic Messages";
}

/// <summary><see cref="IChatClient"/> over the Anthropic Messages route: text, thinking, tool use (input JSON streamed per content block), usage and stop reasons.</summary>
[global::System.CodeDom.Compiler.GeneratedCode("Foundry.Generated", "1.0.0")]
public sealed class FoundryAnthropicChatClient(Client client, Model defaultModel) : FoundryChatClientBase<Model>(client, defaultModel, defaultModel.Id)
// </foundry-header>
{
    private const string RouteName = Route.Name;

    /// <summary>Anthropic requires <c>max_tokens</c>; this is used when neither the options nor a raw request set it.</summary>
    public const int DefaultMaxTokens = 4096;

    private readonly Client _client = client;

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var request = BuildRequest(messages, options);
        var modelId = request.Model.Id;
        string? messageId = null;
        long inputTokens = 0;
        long? cachedTokens = null;
        var calls = new FoundryToolCallBuffer();
        // Provider-side tools (web search, web fetch, code execution, MCP): their input is collected and handed over
        // as content to inspect, never as a FunctionCallContent that function invocation would try to run.
        var serverCalls = new Dictionary<int, (Anthropic.ResponseServerToolUseBlock Block, StringBuilder Input)>();
        await foreach (var e in TaskAsyncEnumerableExtensions.ConfigureAwait(_client.StreamAsync(request, cancellationToken), false))
        {
            switch (e)
            {
                case Anthropic.MessageStartEvent start:
                    messageId = start.Message.Id;
                    // A message_start may come without usage (thinking streams): message_delta's usage then counts.
                    if (start.Message.Usage is { } startUsage)
                    {
                        inputTokens = startUsage.InputTokens + (startUsage.CacheCreationInputTokens ?? 0) + (startUsage.CacheReadInputTokens ?? 0);
                        cachedTokens = startUsage.CacheReadInputTokens;
                    }

                    break;
                case Anthropic.ContentBlockStartEvent { ContentBlock: Anthropic.ResponseToolUseBlock toolUse } block:
                    calls.Start(block.Index, toolUse.Id, toolUse.Name);
                    break;
                case Anthropic.ContentBlockStartEvent { ContentBlock: Anthropic.ResponseServerToolUseBlock serverToolUse } block:
                    serverCalls[block.Index] = (serverToolUse, new StringBuilder());
                    break;
                case Anthropic.ContentBlockStartEvent { ContentBlock: var other } when other is not (Anthropic.ResponseTextBlock or Anthropic.ResponseThinkingBlock or Anthropic.ResponseRedactedThinkingBlock):
                    // Results of provider-side tools and blocks this spec does not know yet: visible, not dropped.
                    yield return FoundryChatMapping.WithRaw(FoundryChatMapping.Update(messageId, modelId, new AIContent { RawRepresentation = other }), e);
                    break;
                case Anthropic.ContentBlockDeltaEvent { Delta: Anthropic.TextContentBlockDelta text }:
                    yield return FoundryChatMapping.WithRaw(FoundryChatMapping.Update(messageId, modelId, new TextContent(text.Text)), e);
                    break;
                case Anthropic.ContentBlockDeltaEvent { Delta: Anthropic.ThinkingContentBlockDelta thinking }:
                    yield return FoundryChatMapping.WithRaw(FoundryChatMapping.Update(messageId, modelId, new TextReasoningContent(thinking.Thinking)), e);
                    break;
                case Anthropic.ContentBlockDeltaEvent { Delta: Anthropic.InputJsonContentBlockDelta json } delta:
                    calls.Append(delta.Index, json.PartialJson);
                    if (serverCalls.TryGetValue(delta.Index, out var serverCall))
                    {
                        serverCall.Input.Append(json.PartialJson);
                    }

                    break;
                case Anthropic.ContentBlockStopEvent stop:
                    if (calls.Complete(stop.Index) is { } call)
                    {
                        yield return FoundryChatMapping.WithRaw(FoundryChatMapping.Update(messageId, modelId, call), e);
                    }
                    else if (serverCalls.Remove(stop.Index, out var done))
                    {
                        var content = new AIContent { RawRepresentation = done.Block, AdditionalProperties = new() { ["name"] = done.Block.Name.ToString(), ["input"] = done.Input.ToString() } };
                        yield return FoundryChatMapping.WithRaw(FoundryChatMapping.Update(messageId, modelId, content), e);
                    }

                    break;
                case Anthropic.MessageDeltaEvent messageDelta:
                    var usage = messageDelta.Usage;
                    var input = usage.InputTokens is { } deltaInput ? deltaInput + (usage.CacheCreationInputTokens ?? 0) + (usage.CacheReadInputTokens ?? 0) : inputTokens;
                    var finish = FoundryChatMapping.Update(messageId, modelId, new UsageContent(FoundryChatMapping.Usage(input, usage.OutputTokens, cached: usage.CacheReadInputTokens ?? cachedTokens)));
                    // Boxed first: some Anthropic revisions make stop_reason required and not nullable.
                    finish.FinishReason = ((object?)messageDelta.Delta.StopReason)?.ToString() switch
                    {
                        null => null,
                        "end_turn" or "stop_sequence" or "pause_turn" => ChatFinishReason.Stop,
                        "max_tokens" or "model_context_window_exceeded" => ChatFinishReason.Length,
                        "tool_use" => ChatFinishReason.ToolCalls,
                        "refusal" => ChatFinishReason.ContentFilter,
                        var other => new ChatFinishReason(other),
                    };
                    yield return FoundryChatMapping.WithRaw(finish, e);
                    break;
            }
        }
    }

    private Request BuildRequest(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var raw = options?.RawRepresentationFactory?.Invoke(this) as Request;
        var model = ResolveModel(options, raw?.Model ?? DefaultModel);
        var system = new StringBuilder(options?.Instructions ?? string.Empty);
        var turns = new List<Anthropic.InputMessage>(raw?.Messages ?? Array.Empty<Anthropic.InputMessage>());
        foreach (var message in messages)
        {
            if (message.Role == ChatRole.System)
            {
                system.Append(system.Length > 0 ? "\n\n" : string.Empty).Append(message.Text);
                continue;
            }

            AddTurn(turns, message);
        }

        var tools = new List<Anthropic.CreateMessageParamsTool>();
        foreach (var function in FoundryChatMapping.Functions(options, RouteName))
        {
            tools.Add(new Anthropic.Tool { Name = function.Name, Description = function.Description, InputSchema = InputSchema(function.JsonSchema) });
        }

        var thinking = raw?.Thinking ?? Thinking(options?.Reasoning);
        var maxTokens = raw?.MaxTokens ?? options?.MaxOutputTokens ?? DefaultMaxTokens;
        if (thinking is Anthropic.ThinkingConfigEnabled { BudgetTokens: var budget } && maxTokens <= budget)
        {
            // The thinking budget is part of max_tokens; leave room for the answer.
            maxTokens = budget + DefaultMaxTokens;
        }

        var request = raw ?? new Request { Model = model, Messages = turns, MaxTokens = maxTokens };
        return WithResponseFormat(request, options?.ResponseFormat) with
        {
            Model = model,
            Messages = turns,
            MaxTokens = maxTokens,
            System = request.System ?? (system.Length > 0 ? (Anthropic.CreateMessageParamsSystem?)system.ToString() : null),
            Temperature = request.Temperature ?? options?.Temperature,
            TopP = request.TopP ?? options?.TopP,
            TopK = request.TopK ?? options?.TopK,
            StopSequences = request.StopSequences ?? (options?.StopSequences is { Count: > 0 } stop ? new List<string>(stop) : null),
            Tools = tools.Count > 0 ? tools : request.Tools,
            ToolChoice = request.ToolChoice ?? (tools.Count > 0 ? ToolChoice(options) : null),
            Thinking = thinking,
        };
    }

    /// <summary>
    /// <c>ChatResponseFormat.ForJsonSchema</c> (what <c>GetResponseAsync&lt;T&gt;</c> sends) becomes <c>output_config.format</c>
    /// under Anthropic's schema rules. It goes in the request's additional properties, so a spec that predates
    /// <c>output_config</c> keeps this adapter; a raw request that sets <c>output_config</c> itself wins (with a format) or
    /// is refused (without one: the two cannot be merged). Anthropic has no schema-less JSON mode, so plain
    /// <c>ChatResponseFormat.Json</c> is refused before any request, never dropped.
    /// </summary>
    private static Request WithResponseFormat(Request request, ChatResponseFormat? format)
    {
        if (format is null or ChatResponseFormatText)
        {
            return request;
        }

        if (format is not ChatResponseFormatJson { Schema: { } schema } json)
        {
            throw new NotSupportedException($"{RouteName} has no JSON mode without a schema: use ChatResponseFormat.ForJsonSchema (GetResponseAsync<T> does).");
        }

        using (var written = JsonDocument.Parse(global::Foundry.Generated.Runtime.FoundryJson.SerializeToUtf8Bytes(request)))
        {
            if (written.RootElement.TryGetProperty("output_config", out var own) && own.ValueKind == JsonValueKind.Object)
            {
                return own.TryGetProperty("format", out _)
                    ? request
                    : throw new NotSupportedException($"The raw request sets output_config without a format, and {RouteName} takes one output_config: set output_config.format there instead of ChatOptions.ResponseFormat.");
            }
        }

        var buffer = new global::System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("format");
            writer.WriteString("type", "json_schema");
            writer.WritePropertyName("schema");
            FoundryChatMapping.ResponseSchema(schema, json.SchemaName, "anthropic-messages").WriteTo(writer);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        var config = document.RootElement.Clone();
        var extra = request.AdditionalProperties is { } existing ? new Dictionary<string, JsonElement>(existing) : new Dictionary<string, JsonElement>();
        extra["output_config"] = config;
        return request with { AdditionalProperties = extra };
    }


    /// <summary>One turn per message; tool results (role <c>tool</c>) go in a user turn, and consecutive turns of one role merge.</summary>
    private static void AddTurn(List<Anthropic.InputMessage> turns, ChatMessage message)
    {
        var role = message.Role == ChatRole.Assistant ? Anthropic.InputMessageRole.Assistant : Anthropic.InputMessageRole.User;
        var blocks = new List<Anthropic.InputContentBlock>();
        foreach (var content in message.Contents)
        {
            switch (content)
            {
                case TextContent { Text.Length: > 0 } t:
                    blocks.Add(new Anthropic.RequestTextBlock { Text = t.Text });
                    break;
                case TextContent:
                case TextReasoningContent:
                    // Earlier thinking is not replayed (it would need its signature).
                    break;
                case FunctionCallContent call:
                    blocks.Add(new Anthropic.RequestToolUseBlock { Id = call.CallId, Name = call.Name, Input = FoundryChatMapping.ArgumentsElement(call.Arguments) });
                    break;
                case DataContent data when FoundryChatMapping.IsImage(data.MediaType):
                    blocks.Add(new Anthropic.RequestImageBlock { Source = new Anthropic.Base64ImageSource { Data = data.Base64Data.ToString(), MediaType = data.MediaType } });
                    break;
                case UriContent uri when FoundryChatMapping.IsImage(uri.MediaType):
                    blocks.Add(new Anthropic.RequestImageBlock { Source = new Anthropic.URLImageSource { Url = uri.Uri.ToString() } });
                    break;
                case FunctionResultContent result:
                    blocks.Add(new Anthropic.RequestToolResultBlock { ToolUseId = result.CallId, Content = FoundryChatMapping.ResultText(result.Result), IsError = result.Exception is null ? null : true });
                    break;
                default:
                    throw FoundryChatMapping.Unsupported(content, RouteName);
            }
        }

        if (blocks.Count == 0)
        {
            return;
        }

        if (turns.Count > 0 && turns[turns.Count - 1].Role == role && turns[turns.Count - 1].Content.AsInputContentBlockList is { } previous)
        {
            var merged = new List<Anthropic.InputContentBlock>(previous);
            merged.AddRange(blocks);
            turns[turns.Count - 1] = turns[turns.Count - 1] with { Content = merged };
            return;
        }

        turns.Add(new Anthropic.InputMessage { Role = role, Content = blocks });
    }

    /// <summary>Anthropic's input schema is an object schema: <c>properties</c> and <c>required</c> typed, everything else kept.</summary>
    private static Anthropic.InputSchema InputSchema(JsonElement schema)
    {
        JsonElement? properties = null;
        List<string>? required = null;
        var rest = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (schema.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in schema.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "type":
                        break;
                    case "properties":
                        properties = property.Value.Clone();
                        break;
                    case "required" when property.Value.ValueKind == JsonValueKind.Array:
                        required = new List<string>();
                        foreach (var name in property.Value.EnumerateArray())
                        {
                            required.Add(name.GetString() ?? string.Empty);
                        }

                        break;
                    default:
                        rest[property.Name] = property.Value.Clone();
                        break;
                }
            }
        }

        return new Anthropic.InputSchema { Properties = properties, Required = required, AdditionalProperties = rest.Count > 0 ? rest : null };
    }

    private static Anthropic.ToolChoice? ToolChoice(ChatOptions? options)
    {
        var disableParallel = options?.AllowMultipleToolCalls == false ? true : (bool?)null;
        return options?.ToolMode switch
        {
            NoneChatToolMode => new Anthropic.ToolChoiceNone(),
            RequiredChatToolMode { RequiredFunctionName: { } name } => new Anthropic.ToolChoiceTool { Name = name, DisableParallelToolUse = disableParallel },
            RequiredChatToolMode => new Anthropic.ToolChoiceAny { DisableParallelToolUse = disableParallel },
            _ when disableParallel is not null => new Anthropic.ToolChoiceAuto { DisableParallelToolUse = disableParallel },
            _ => null,
        };
    }

    /// <summary>Reasoning effort becomes a thinking budget (Anthropic's minimum is 1,024 tokens).</summary>
    private static Anthropic.ThinkingConfigParam? Thinking(ReasoningOptions? reasoning) => reasoning?.Effort switch
    {
        ReasoningEffort.Low => new Anthropic.ThinkingConfigEnabled { BudgetTokens = 1024 },
        ReasoningEffort.Medium => new Anthropic.ThinkingConfigEnabled { BudgetTokens = 4096 },
        ReasoningEffort.High => new Anthropic.ThinkingConfigEnabled { BudgetTokens = 16384 },
        ReasoningEffort.ExtraHigh => new Anthropic.ThinkingConfigEnabled { BudgetTokens = 32768 },
        ReasoningEffort.None => new Anthropic.ThinkingConfigDisabled(),
        _ => reasoning?.Output is ReasoningOutput.Summary or ReasoningOutput.Full
            ? new Anthropic.ThinkingConfigEnabled { BudgetTokens = 4096 }
            : null,
    };
}
