using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Foundry.Generated.Testing;

/// <summary>
/// Replies in each provider's exact shape and framing (modelled on the recorded transcripts in tests/fixtures/sse):
/// OpenAI chat chunks + [DONE], Responses typed events with sequence numbers, Anthropic message events with ping,
/// Gemini whole-response chunks.
/// </summary>
internal static class ProviderReplies
{
    private const long Created = 1767225600; // fixed, so replies are byte-for-byte repeatable

    public static JsonObject Usage(string dialect, int input, int output) => dialect switch
    {
        "chat" => new JsonObject { ["prompt_tokens"] = input, ["completion_tokens"] = output, ["total_tokens"] = input + output },
        "gemini" => new JsonObject { ["promptTokenCount"] = input, ["candidatesTokenCount"] = output, ["totalTokenCount"] = input + output },
        _ => new JsonObject
        {
            ["input_tokens"] = input,
            ["output_tokens"] = output,
            ["total_tokens"] = input + output,
            ["input_tokens_details"] = new JsonObject { ["cached_tokens"] = 0 },
            ["output_tokens_details"] = new JsonObject { ["reasoning_tokens"] = 0 },
        },
    };

    // ---- OpenAI chat completions (also xAI) ----

    public static List<WireEvent> ChatStream(EmulatedCall call, IReadOnlyList<string> deltas, int input, int output)
    {
        if (call.ToolName != null)
        {
            return ToolAndReasoningReplies.ChatToolStream(call, input);
        }

        var events = new List<WireEvent> { new(null, ChatChunk(call, new JsonObject { ["role"] = "assistant", ["content"] = string.Empty }, null)) };
        events.AddRange(deltas.Select(d => new WireEvent(null, ChatChunk(call, new JsonObject { ["content"] = d }, null))));
        events.Add(new WireEvent(null, ChatChunk(call, new JsonObject(), "stop")));
        if (call.IncludeUsage)
        {
            var usage = new JsonObject { ["id"] = "chatcmpl-emulated", ["object"] = "chat.completion.chunk", ["created"] = Created, ["model"] = call.Model, ["choices"] = new JsonArray(), ["usage"] = Usage("chat", input, output) };
            events.Add(new WireEvent(null, usage.ToJsonString()));
        }

        events.Add(new WireEvent(null, "[DONE]"));
        return events;
    }

    private static string ChatChunk(EmulatedCall call, JsonObject delta, string? finish)
        => new JsonObject
        {
            ["id"] = "chatcmpl-emulated",
            ["object"] = "chat.completion.chunk",
            ["created"] = Created,
            ["model"] = call.Model,
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["logprobs"] = null, ["finish_reason"] = finish }),
        }.ToJsonString();

    public static string ChatCompletion(EmulatedCall call, string text, int input, int output)
        => new JsonObject
        {
            ["id"] = "chatcmpl-emulated",
            ["object"] = "chat.completion",
            ["created"] = Created,
            ["model"] = call.Model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = text, ["refusal"] = null, ["annotations"] = new JsonArray() },
                ["logprobs"] = null,
                ["finish_reason"] = "stop",
            }),
            ["usage"] = Usage("chat", input, output),
        }.ToJsonString();

    // ---- OpenAI Responses (also xAI) ----

    public static List<WireEvent> ResponsesStream(EmulatedCall call, IReadOnlyList<string> deltas, string text, int input, int output)
    {
        var seq = 0;
        var events = new List<WireEvent>();
        void Add(string type, JsonObject body)
        {
            var data = new JsonObject { ["type"] = type };
            foreach (var pair in body.ToList())
            {
                body.Remove(pair.Key);
                data[pair.Key] = pair.Value;
            }

            data["sequence_number"] = seq++;
            events.Add(new WireEvent(type, data.ToJsonString()));
        }

        Add("response.created", new JsonObject { ["response"] = Response(call, "in_progress", null, null, input, output) });
        Add("response.in_progress", new JsonObject { ["response"] = Response(call, "in_progress", null, null, input, output) });
        var index = 0;
        if (call.WantsReasoning)
        {
            foreach (var (type, body) in ToolAndReasoningReplies.ResponsesReasoning(call))
            {
                Add(type, body);
            }

            index = 1;
        }

        if (call.ToolName != null)
        {
            foreach (var (type, body) in ToolAndReasoningReplies.ResponsesFunctionCall(call, index))
            {
                Add(type, body);
            }

            Add("response.completed", new JsonObject { ["response"] = Response(call, "completed", null, Usage("responses", input, 12), input, 12) });
            return events;
        }

        Add("response.output_item.added", new JsonObject { ["output_index"] = index, ["item"] = Message("in_progress", null) });
        Add("response.content_part.added", new JsonObject { ["item_id"] = "msg_emulated", ["output_index"] = index, ["content_index"] = 0, ["part"] = OutputText(string.Empty) });
        foreach (var delta in deltas)
        {
            Add("response.output_text.delta", new JsonObject { ["item_id"] = "msg_emulated", ["output_index"] = index, ["content_index"] = 0, ["delta"] = delta, ["logprobs"] = new JsonArray() });
        }

        Add("response.output_text.done", new JsonObject { ["item_id"] = "msg_emulated", ["output_index"] = index, ["content_index"] = 0, ["text"] = text, ["logprobs"] = new JsonArray() });
        Add("response.content_part.done", new JsonObject { ["item_id"] = "msg_emulated", ["output_index"] = index, ["content_index"] = 0, ["part"] = OutputText(text) });
        Add("response.output_item.done", new JsonObject { ["output_index"] = index, ["item"] = Message("completed", text) });
        Add("response.completed", new JsonObject { ["response"] = Response(call, "completed", text, Usage("responses", input, output), input, output) });
        return events;
    }

    public static JsonObject Response(EmulatedCall call, string status, string? text, JsonObject? usage, int input, int output)
    {
        var response = new JsonObject
        {
            ["id"] = "resp_emulated",
            ["object"] = "response",
            ["created_at"] = Created,
            ["status"] = status,
            ["model"] = call.Model,
            ["output"] = text is null ? new JsonArray() : new JsonArray(Message("completed", text)),
            ["parallel_tool_calls"] = true,
            ["tool_choice"] = "auto",
            ["tools"] = new JsonArray(),
        };
        if (usage != null)
        {
            response["usage"] = usage;
        }

        return response;
    }

    private static JsonObject Message(string status, string? text)
        => new JsonObject
        {
            ["id"] = "msg_emulated",
            ["type"] = "message",
            ["status"] = status,
            ["role"] = "assistant",
            ["content"] = text is null ? new JsonArray() : new JsonArray(OutputText(text)),
        };

    private static JsonObject OutputText(string text)
        => new JsonObject { ["type"] = "output_text", ["text"] = text, ["annotations"] = new JsonArray(), ["logprobs"] = new JsonArray() };

    // ---- Anthropic Messages ----

    public static List<WireEvent> AnthropicStream(EmulatedCall call, IReadOnlyList<string> deltas, int input, int output)
    {
        var events = new List<WireEvent>
        {
            new("message_start", new JsonObject { ["type"] = "message_start", ["message"] = AnthropicMessage(call, null, input, 1) }.ToJsonString()),
        };
        var index = 0;
        if (call.WantsReasoning)
        {
            events.AddRange(ToolAndReasoningReplies.AnthropicThinking(call, index++));
        }

        if (call.ToolName != null)
        {
            events.Add(new WireEvent("ping", "{\"type\": \"ping\"}"));
            events.AddRange(ToolAndReasoningReplies.AnthropicToolUse(call, index));
        }
        else
        {
            events.Add(new("content_block_start", new JsonObject { ["type"] = "content_block_start", ["index"] = index, ["content_block"] = new JsonObject { ["type"] = "text", ["text"] = string.Empty } }.ToJsonString()));
            events.Add(new WireEvent("ping", "{\"type\": \"ping\"}"));
            events.AddRange(deltas.Select(d => new WireEvent("content_block_delta", new JsonObject { ["type"] = "content_block_delta", ["index"] = index, ["delta"] = new JsonObject { ["type"] = "text_delta", ["text"] = d } }.ToJsonString())));
            events.Add(new WireEvent("content_block_stop", new JsonObject { ["type"] = "content_block_stop", ["index"] = index }.ToJsonString()));
        }

        events.Add(new WireEvent("message_delta", new JsonObject
        {
            ["type"] = "message_delta",
            ["delta"] = new JsonObject { ["stop_reason"] = call.ToolName != null ? "tool_use" : "end_turn", ["stop_sequence"] = null },
            ["usage"] = new JsonObject { ["output_tokens"] = output },
        }.ToJsonString()));
        events.Add(new WireEvent("message_stop", "{\"type\":\"message_stop\"}"));
        return events;
    }

    public static JsonObject AnthropicMessage(EmulatedCall call, string? text, int input, int output)
        => new JsonObject
        {
            ["id"] = "msg_emulated",
            ["type"] = "message",
            ["role"] = "assistant",
            ["model"] = call.Model,
            ["content"] = text is null ? new JsonArray() : new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }),
            ["stop_reason"] = text is null ? null : "end_turn",
            ["stop_sequence"] = null,
            ["usage"] = new JsonObject { ["input_tokens"] = input, ["output_tokens"] = output },
        };

    // ---- Google Gemini ----

    public static List<WireEvent> GeminiStream(EmulatedCall call, IReadOnlyList<string> deltas, int input, int output)
    {
        if (call.ToolName != null)
        {
            return new List<WireEvent> { ToolAndReasoningReplies.GeminiFunctionCall(call, input) };
        }

        var events = new List<WireEvent>();
        for (var i = 0; i < deltas.Count; i++)
        {
            events.Add(new WireEvent(null, GeminiChunk(call, deltas[i], i == deltas.Count - 1, input, output).ToJsonString()));
        }

        return events;
    }

    public static JsonObject GeminiChunk(EmulatedCall call, string text, bool last, int input, int output)
    {
        var candidate = new JsonObject
        {
            ["content"] = new JsonObject { ["parts"] = new JsonArray(new JsonObject { ["text"] = text }), ["role"] = "model" },
            ["index"] = 0,
        };
        if (last)
        {
            candidate["finishReason"] = "STOP";
        }

        var chunk = new JsonObject { ["candidates"] = new JsonArray(candidate), ["modelVersion"] = call.Model };
        if (last)
        {
            chunk["usageMetadata"] = Usage("gemini", input, output);
        }

        return chunk;
    }

    // ---- Mid-stream errors in each provider's shape ----

    public static WireEvent MidStreamError(string dialect, int sequence) => dialect switch
    {
        "responses" => new WireEvent("error", new JsonObject { ["type"] = "error", ["sequence_number"] = sequence, ["code"] = "emulated_failure", ["message"] = "The emulator failed this stream on purpose.", ["param"] = null }.ToJsonString()),
        "anthropic" => new WireEvent("error", "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"The emulator failed this stream on purpose.\"}}"),
        "gemini" => new WireEvent(null, "{\"error\":{\"code\":503,\"message\":\"The emulator failed this stream on purpose.\",\"status\":\"UNAVAILABLE\"}}"),
        _ => new WireEvent("error", "{\"error\":{\"message\":\"The emulator failed this stream on purpose.\",\"type\":\"server_error\",\"code\":\"emulated_failure\"}}"),
    };

    public static string Embeddings(EmulatedCall call, System.Text.Json.JsonElement body, int dimensions)
    {
        var inputs = EmbeddingInputs(body);

        // encoding_format base64: the float32 values, little-endian, as one base64 string (what OpenAI sends).
        var base64 = body.TryGetProperty("encoding_format", out var format) && format.ValueKind == System.Text.Json.JsonValueKind.String && format.GetString() == "base64";
        var data = new JsonArray();
        for (var i = 0; i < inputs.Count; i++)
        {
            var values = new float[dimensions];
            var seed = (uint)inputs[i].Aggregate(17, (h, c) => unchecked((h * 31) + c));
            for (var d = 0; d < dimensions; d++)
            {
                seed = unchecked((seed * 1664525u) + 1013904223u);
                values[d] = (float)Math.Round(((seed >> 8) / 16777216.0) - 0.5, 6);
            }

            JsonNode embedding = base64
                ? Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()))
                : new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(Math.Round((double)v, 6))).ToArray());
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = embedding });
        }

        var tokens = inputs.Sum(ReplyText.TokenCount);
        return new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = call.Model,
            ["usage"] = new JsonObject { ["prompt_tokens"] = tokens, ["total_tokens"] = tokens },
        }.ToJsonString();
    }

    /// <summary>A scripted embeddings answer: the vectors as given (base64 float32 when the request asks for it).</summary>
    public static string ScriptedEmbeddings(EmulatedCall call, System.Text.Json.JsonElement body, System.Collections.Immutable.ImmutableArray<System.Collections.Immutable.ImmutableArray<float>> vectors, (int Input, int Output)? usage)
    {
        var base64 = body.TryGetProperty("encoding_format", out var format) && format.ValueKind == System.Text.Json.JsonValueKind.String && format.GetString() == "base64";
        var data = new JsonArray();
        for (var i = 0; i < vectors.Length; i++)
        {
            var values = vectors[i].ToArray();
            JsonNode embedding = base64
                ? Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()))
                : new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = embedding });
        }

        var input = usage?.Input ?? EmbeddingInputs(body).Sum(ReplyText.TokenCount);
        return new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = call.Model,
            ["usage"] = new JsonObject { ["prompt_tokens"] = input, ["total_tokens"] = input + (usage?.Output ?? 0) },
        }.ToJsonString();
    }

    private static List<string> EmbeddingInputs(System.Text.Json.JsonElement body)
    {
        var inputs = new List<string>();
        if (body.TryGetProperty("input", out var input))
        {
            if (input.ValueKind == System.Text.Json.JsonValueKind.String)
            {
                inputs.Add(input.GetString()!);
            }
            else if (input.ValueKind == System.Text.Json.JsonValueKind.Array)
            {
                inputs.AddRange(input.EnumerateArray().Select(i => i.ToString()));
            }
        }

        return inputs;
    }
}
