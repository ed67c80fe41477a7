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
using Client = global::Foundry.Generated.GoogleGenerateContentClient;
using Model = global::Foundry.Generated.GeminiModel;
using Request = global::Foundry.Generated.Gemini.GenerateContentRequest;
using Gemini = global::Foundry.Generated.Gemini;

file static class Route
{
    public const string Name = "Gemini generateContent";
}

/// <summary><see cref="IChatClient"/> over the Gemini generateContent route: text, thoughts, function calls (whole in one chunk, or with arguments streamed as Vertex AI <c>partialArgs</c>), usage and finish reasons.</summary>
[global::System.CodeDom.Compiler.GeneratedCode("Foundry.Generated", "1.0.0")]
public sealed class FoundryGeminiChatClient(Client client, Model defaultModel) : FoundryChatClientBase<Model>(client, defaultModel, defaultModel.Id)
// </foundry-header>
{
    private const string RouteName = Route.Name;
    private readonly Client _client = client;

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var raw = options?.RawRepresentationFactory?.Invoke(this) as Request;
        var model = ResolveModel(options, DefaultModel);
        var request = BuildRequest(raw, messages, options);
        var modelId = model.Id;
        var callCount = 0;
        Gemini.UsageMetadata? usage = null;
        ChatFinishReason? finish = null;
        string? responseId = null;
        var partial = new FoundryPartialArgsBuffer();
        await foreach (var chunk in TaskAsyncEnumerableExtensions.ConfigureAwait(_client.StreamAsync(model, request, cancellationToken), false))
        {
            responseId ??= chunk.ResponseId;
            usage = chunk.UsageMetadata ?? usage;
            foreach (var candidate in chunk.Candidates ?? Array.Empty<Gemini.Candidate>())
            {
                foreach (var part in candidate.Content?.Parts ?? Array.Empty<Gemini.Part>())
                {
                    if (part.FunctionCall is { } functionCall)
                    {
                        // A call may span parts (streamFunctionCallArguments): the buffer yields it once, complete.
                        if (partial.Part(functionCall.Id, functionCall.Name, functionCall.Args is { } a ? a.GetRawText() : null, callCount) is { } interrupted)
                        {
                            callCount++;
                            yield return FoundryChatMapping.WithRaw(FoundryChatMapping.Update(responseId, modelId, interrupted), chunk);
                        }

                        foreach (var piece in functionCall.PartialArgs ?? Array.Empty<Gemini.PartialArg>())
                        {
                            if (piece.StringValue is { } s)
                            {
                                partial.String(piece.JsonPath, s);
                            }
                            else if (piece.NumberValue is { } n)
                            {
                                partial.Number(piece.JsonPath, n);
                            }
                            else if (piece.BoolValue is { } b)
                            {
                                partial.Boolean(piece.JsonPath, b);
                            }
                            else if (piece.NullValue is not null)
                            {
                                partial.Null(piece.JsonPath);
                            }
                            else
                            {
                                partial.Unreadable(piece.JsonPath);
                            }
                        }

                        if (partial.EndPart(functionCall.WillContinue == true, callCount) is { } call)
                        {
                            callCount++;
                            yield return FoundryChatMapping.WithRaw(FoundryChatMapping.Update(responseId, modelId, call), chunk);
                        }
                    }
                    else if (part.Text is { Length: > 0 } text)
                    {
                        AIContent content = part.Thought == true ? new TextReasoningContent(text) : new TextContent(text);
                        yield return FoundryChatMapping.WithRaw(FoundryChatMapping.Update(responseId, modelId, content), chunk);
                    }
                }

                if (candidate.FinishReason is { } reason)
                {
                    finish = reason.ToString() switch
                    {
                        "STOP" => callCount > 0 ? ChatFinishReason.ToolCalls : ChatFinishReason.Stop,
                        "MAX_TOKENS" => ChatFinishReason.Length,
                        "SAFETY" or "RECITATION" or "BLOCKLIST" or "PROHIBITED_CONTENT" or "SPII" or "IMAGE_SAFETY" => ChatFinishReason.ContentFilter,
                        var other => new ChatFinishReason(other),
                    };
                }
            }
        }

        // A stream that ends while a call's arguments are still streaming still gives the call (with what arrived).
        if (partial.Flush(callCount) is { } unfinished)
        {
            callCount++;
            yield return FoundryChatMapping.Update(responseId, modelId, unfinished);
        }

        // Gemini repeats cumulative usage on chunks; the last one counts, reported once with the finish reason.
        var last = usage is null
            ? FoundryChatMapping.Update(responseId, modelId)
            : FoundryChatMapping.Update(responseId, modelId, new UsageContent(FoundryChatMapping.Usage(
                usage.PromptTokenCount ?? 0,
                (usage.CandidatesTokenCount ?? 0) + (usage.ThoughtsTokenCount ?? 0),
                usage.TotalTokenCount,
                usage.CachedContentTokenCount,
                usage.ThoughtsTokenCount)));
        last.FinishReason = finish ?? (callCount > 0 ? ChatFinishReason.ToolCalls : null);
        yield return last;
    }

    private static Request BuildRequest(Request? raw, IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var system = new StringBuilder(options?.Instructions ?? string.Empty);
        var contents = new List<Gemini.Content>(raw?.Contents ?? Array.Empty<Gemini.Content>());
        var callNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            if (message.Role == ChatRole.System)
            {
                system.Append(system.Length > 0 ? "\n\n" : string.Empty).Append(message.Text);
                continue;
            }

            var parts = new List<Gemini.Part>();
            foreach (var content in message.Contents)
            {
                switch (content)
                {
                    case TextContent { Text.Length: > 0 } t:
                        parts.Add(new Gemini.Part { Text = t.Text });
                        break;
                    case TextContent:
                    case TextReasoningContent:
                        break;
                    case DataContent data:
                        parts.Add(new Gemini.Part { InlineData = new Gemini.Blob { MimeType = data.MediaType, Data = data.Base64Data.ToString() } });
                        break;
                    case UriContent uri:
                        parts.Add(new Gemini.Part { FileData = new Gemini.FileData { FileUri = uri.Uri.ToString(), MimeType = uri.MediaType } });
                        break;
                    case FunctionCallContent call:
                        callNames[call.CallId] = call.Name;
                        parts.Add(new Gemini.Part { FunctionCall = new Gemini.FunctionCall { Name = call.Name, Args = FoundryChatMapping.ArgumentsElement(call.Arguments), Id = call.CallId.Contains("#") ? null : call.CallId } });
                        break;
                    case FunctionResultContent result:
                        var name = callNames.TryGetValue(result.CallId, out var known) ? known : result.CallId.Split('#')[0];
                        parts.Add(new Gemini.Part { FunctionResponse = new Gemini.FunctionResponse { Name = name, Response = FoundryChatMapping.ResultObject(result.Result), Id = result.CallId.Contains("#") ? null : result.CallId } });
                        break;
                    default:
                        throw FoundryChatMapping.Unsupported(content, RouteName);
                }
            }

            if (parts.Count > 0)
            {
                contents.Add(new Gemini.Content { Role = message.Role == ChatRole.Assistant ? "model" : "user", Parts = parts });
            }
        }

        var declarations = new List<Gemini.FunctionDeclaration>();
        foreach (var function in FoundryChatMapping.Functions(options, RouteName))
        {
            declarations.Add(new Gemini.FunctionDeclaration { Name = function.Name, Description = function.Description, ParametersJsonSchema = function.JsonSchema });
        }

        var request = raw ?? new Request();
        var config = request.GenerationConfig ?? new Gemini.GenerationConfig();
        config = config with
        {
            MaxOutputTokens = config.MaxOutputTokens ?? options?.MaxOutputTokens,
            Temperature = config.Temperature ?? options?.Temperature,
            TopP = config.TopP ?? options?.TopP,
            TopK = config.TopK ?? options?.TopK,
            Seed = config.Seed ?? (options?.Seed is { } seed ? (int)seed : null),
            FrequencyPenalty = config.FrequencyPenalty ?? options?.FrequencyPenalty,
            PresencePenalty = config.PresencePenalty ?? options?.PresencePenalty,
            StopSequences = config.StopSequences ?? (options?.StopSequences is { Count: > 0 } stop ? new List<string>(stop) : null),
            ResponseMimeType = config.ResponseMimeType ?? (options?.ResponseFormat is ChatResponseFormatJson ? "application/json" : null),
            ResponseJsonSchema = config.ResponseJsonSchema ?? (options?.ResponseFormat as ChatResponseFormatJson)?.Schema,
            ThinkingConfig = config.ThinkingConfig ?? Thinking(options?.Reasoning),
        };
        return request with
        {
            Contents = contents,
            SystemInstruction = request.SystemInstruction ?? (system.Length > 0 ? new Gemini.Content { Parts = new[] { new Gemini.Part { Text = system.ToString() } } } : null),
            Tools = declarations.Count > 0 ? new[] { new Gemini.Tool { FunctionDeclarations = declarations } } : request.Tools,
            ToolConfig = request.ToolConfig ?? (declarations.Count > 0 ? ToolConfig(options?.ToolMode) : null),
            GenerationConfig = config,
        };
    }

    private static Gemini.ToolConfig? ToolConfig(ChatToolMode? mode) => mode switch
    {
        NoneChatToolMode => new Gemini.ToolConfig { FunctionCallingConfig = new Gemini.FunctionCallingConfig { Mode = Gemini.FunctionCallingConfigMode.NONE } },
        RequiredChatToolMode { RequiredFunctionName: { } name } => new Gemini.ToolConfig { FunctionCallingConfig = new Gemini.FunctionCallingConfig { Mode = Gemini.FunctionCallingConfigMode.ANY, AllowedFunctionNames = new[] { name } } },
        RequiredChatToolMode => new Gemini.ToolConfig { FunctionCallingConfig = new Gemini.FunctionCallingConfig { Mode = Gemini.FunctionCallingConfigMode.ANY } },
        _ => null,
    };

    private static Gemini.ThinkingConfig? Thinking(ReasoningOptions? reasoning)
    {
        if (reasoning is null)
        {
            return null;
        }

        int? budget = reasoning.Effort switch
        {
            ReasoningEffort.None => 0,
            ReasoningEffort.Low => 1024,
            ReasoningEffort.Medium => 8192,
            ReasoningEffort.High => 24576,
            ReasoningEffort.ExtraHigh => 32768,
            _ => null,
        };
        var include = reasoning.Output is ReasoningOutput.Summary or ReasoningOutput.Full ? true : (bool?)null;
        return new Gemini.ThinkingConfig { ThinkingBudget = budget, IncludeThoughts = include };
    }
}
