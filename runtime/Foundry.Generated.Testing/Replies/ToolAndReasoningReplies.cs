using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Foundry.Generated.Testing;

/// <summary>
/// Tool calls (arguments streamed in pieces, as providers do) and reasoning output, in each provider's framing,
/// modelled on the recorded tool-call and reasoning transcripts in tests/fixtures/sse.
/// </summary>
internal static class ToolAndReasoningReplies
{
    public const string CallId = "call_emulated";

    /// <summary>The arguments in three pieces, cut inside the JSON like real streams do.</summary>
    public static IReadOnlyList<string> ArgumentPieces(string arguments)
    {
        var third = System.Math.Max(1, arguments.Length / 3);
        return new[] { arguments.Substring(0, third), arguments.Substring(third, third), arguments.Substring(2 * third) };
    }

    public static IReadOnlyList<string> ReasoningDeltas(string prompt)
        => new[] { "**Planning the answer**\n\n", "The user asked: ", prompt.Length > 40 ? prompt.Substring(0, 40) : prompt, ". I will answer briefly." };

    public static List<WireEvent> ChatToolStream(EmulatedCall call, int input)
    {
        var events = new List<WireEvent>
        {
            new(null, Chunk(call, new JsonObject
            {
                ["role"] = "assistant",
                ["content"] = null,
                ["tool_calls"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["id"] = CallId,
                    ["type"] = "function",
                    ["function"] = new JsonObject { ["name"] = call.ToolName, ["arguments"] = string.Empty },
                }),
            }, null)),
        };
        events.AddRange(ArgumentPieces(call.ToolArguments).Select(piece => new WireEvent(null, Chunk(call, new JsonObject
        {
            ["tool_calls"] = new JsonArray(new JsonObject { ["index"] = 0, ["function"] = new JsonObject { ["arguments"] = piece } }),
        }, null))));
        events.Add(new WireEvent(null, Chunk(call, new JsonObject(), "tool_calls")));
        if (call.IncludeUsage)
        {
            events.Add(new WireEvent(null, new JsonObject { ["id"] = "chatcmpl-emulated", ["object"] = "chat.completion.chunk", ["created"] = 1767225600, ["model"] = call.Model, ["choices"] = new JsonArray(), ["usage"] = ProviderReplies.Usage("chat", input, 12) }.ToJsonString()));
        }

        events.Add(new WireEvent(null, "[DONE]"));
        return events;
    }

    private static string Chunk(EmulatedCall call, JsonObject delta, string? finish)
        => new JsonObject
        {
            ["id"] = "chatcmpl-emulated",
            ["object"] = "chat.completion.chunk",
            ["created"] = 1767225600,
            ["model"] = call.Model,
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }),
        }.ToJsonString();

    /// <summary>Responses events for a reasoning summary (output index 0), before the message or tool call.</summary>
    public static IEnumerable<(string Type, JsonObject Body)> ResponsesReasoning(EmulatedCall call)
    {
        var deltas = ReasoningDeltas(call.Prompt);
        var text = string.Concat(deltas);
        JsonObject Part(string t) => new() { ["type"] = "summary_text", ["text"] = t };
        JsonObject Item(string status, string? t) => new()
        {
            ["id"] = "rs_emulated",
            ["type"] = "reasoning",
            ["summary"] = t is null ? new JsonArray() : new JsonArray(Part(t)),
        };
        yield return ("response.output_item.added", new JsonObject { ["output_index"] = 0, ["item"] = Item("in_progress", null) });
        yield return ("response.reasoning_summary_part.added", new JsonObject { ["item_id"] = "rs_emulated", ["output_index"] = 0, ["summary_index"] = 0, ["part"] = Part(string.Empty) });
        foreach (var d in deltas)
        {
            yield return ("response.reasoning_summary_text.delta", new JsonObject { ["item_id"] = "rs_emulated", ["output_index"] = 0, ["summary_index"] = 0, ["delta"] = d });
        }

        yield return ("response.reasoning_summary_text.done", new JsonObject { ["item_id"] = "rs_emulated", ["output_index"] = 0, ["summary_index"] = 0, ["text"] = text });
        yield return ("response.reasoning_summary_part.done", new JsonObject { ["item_id"] = "rs_emulated", ["output_index"] = 0, ["summary_index"] = 0, ["part"] = Part(text) });
        yield return ("response.output_item.done", new JsonObject { ["output_index"] = 0, ["item"] = Item("completed", text) });
    }

    /// <summary>Responses events for a function call at <paramref name="outputIndex"/>.</summary>
    public static IEnumerable<(string Type, JsonObject Body)> ResponsesFunctionCall(EmulatedCall call, int outputIndex)
    {
        JsonObject Item(string status, string arguments) => new()
        {
            ["id"] = "fc_emulated",
            ["type"] = "function_call",
            ["status"] = status,
            ["arguments"] = arguments,
            ["call_id"] = CallId,
            ["name"] = call.ToolName,
        };
        yield return ("response.output_item.added", new JsonObject { ["output_index"] = outputIndex, ["item"] = Item("in_progress", string.Empty) });
        foreach (var piece in ArgumentPieces(call.ToolArguments))
        {
            yield return ("response.function_call_arguments.delta", new JsonObject { ["item_id"] = "fc_emulated", ["output_index"] = outputIndex, ["delta"] = piece });
        }

        yield return ("response.function_call_arguments.done", new JsonObject { ["item_id"] = "fc_emulated", ["output_index"] = outputIndex, ["name"] = call.ToolName, ["arguments"] = call.ToolArguments });
        yield return ("response.output_item.done", new JsonObject { ["output_index"] = outputIndex, ["item"] = Item("completed", call.ToolArguments) });
    }

    /// <summary>Anthropic content blocks for thinking (with signature) at <paramref name="index"/>.</summary>
    public static IEnumerable<WireEvent> AnthropicThinking(EmulatedCall call, int index)
    {
        yield return new WireEvent("content_block_start", new JsonObject { ["type"] = "content_block_start", ["index"] = index, ["content_block"] = new JsonObject { ["type"] = "thinking", ["thinking"] = string.Empty, ["signature"] = string.Empty } }.ToJsonString());
        foreach (var d in ReasoningDeltas(call.Prompt))
        {
            yield return new WireEvent("content_block_delta", new JsonObject { ["type"] = "content_block_delta", ["index"] = index, ["delta"] = new JsonObject { ["type"] = "thinking_delta", ["thinking"] = d } }.ToJsonString());
        }

        yield return new WireEvent("content_block_delta", new JsonObject { ["type"] = "content_block_delta", ["index"] = index, ["delta"] = new JsonObject { ["type"] = "signature_delta", ["signature"] = "ZW11bGF0ZWQ=" } }.ToJsonString());
        yield return new WireEvent("content_block_stop", new JsonObject { ["type"] = "content_block_stop", ["index"] = index }.ToJsonString());
    }

    /// <summary>Anthropic tool_use block with input_json_delta pieces at <paramref name="index"/>.</summary>
    public static IEnumerable<WireEvent> AnthropicToolUse(EmulatedCall call, int index)
    {
        yield return new WireEvent("content_block_start", new JsonObject { ["type"] = "content_block_start", ["index"] = index, ["content_block"] = new JsonObject { ["type"] = "tool_use", ["id"] = "toolu_emulated", ["name"] = call.ToolName, ["input"] = new JsonObject(), ["caller"] = new JsonObject { ["type"] = "direct" } } }.ToJsonString());
        foreach (var piece in ArgumentPieces(call.ToolArguments))
        {
            yield return new WireEvent("content_block_delta", new JsonObject { ["type"] = "content_block_delta", ["index"] = index, ["delta"] = new JsonObject { ["type"] = "input_json_delta", ["partial_json"] = piece } }.ToJsonString());
        }

        yield return new WireEvent("content_block_stop", new JsonObject { ["type"] = "content_block_stop", ["index"] = index }.ToJsonString());
    }

    public static WireEvent GeminiFunctionCall(EmulatedCall call, int input)
        => new(null, new JsonObject
        {
            ["candidates"] = new JsonArray(new JsonObject
            {
                ["content"] = new JsonObject
                {
                    ["parts"] = new JsonArray(new JsonObject { ["functionCall"] = new JsonObject { ["name"] = call.ToolName, ["args"] = JsonNode.Parse(call.ToolArguments) } }),
                    ["role"] = "model",
                },
                ["finishReason"] = "STOP",
                ["index"] = 0,
            }),
            ["usageMetadata"] = ProviderReplies.Usage("gemini", input, 12),
            ["modelVersion"] = call.Model,
        }.ToJsonString());
}
