using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Foundry.Generated.Testing;

/// <summary>
/// A <see cref="FoundryReply"/> written in the shapes of the route it answers (the same shapes as
/// <see cref="ProviderReplies"/>, modelled on the recorded transcripts in tests/fixtures/sse).
/// </summary>
internal static class ScriptedReplies
{
    private const long Created = 1767225600; // fixed, so replies are byte-for-byte repeatable

    /// <summary>The stream's events, or null with the whole JSON body in <paramref name="json"/>.</summary>
    public static IReadOnlyList<WireEvent>? Render(FoundryReply reply, EmulatedCall call, string dialect, out string? json)
    {
        var plan = new Plan(reply, call);
        json = null;
        switch (dialect)
        {
            case "chat" when call.Stream: return Chat.Stream(plan);
            case "chat": json = Chat.Whole(plan); return null;
            case "responses" when call.Stream: return Responses.Stream(plan);
            case "responses": json = Responses.Whole(plan, Responses.Items(plan)).ToJsonString(); return null;
            case "anthropic" when call.Stream: return Anthropic.Stream(plan);
            case "anthropic": json = Anthropic.Whole(plan); return null;
            default:
                var chunks = Gemini.Chunks(plan);
                if (call.Stream)
                {
                    return chunks.Select(c => new WireEvent(null, c.ToJsonString())).ToList();
                }

                json = Gemini.Whole(plan).ToJsonString();
                return null;
        }
    }

    /// <summary>The reply with its defaults filled in for one request.</summary>
    private sealed class Plan
    {
        public Plan(FoundryReply reply, EmulatedCall call)
        {
            Reply = reply;
            Call = call;
            Text = string.Concat(reply.TextChunks);
            Reasoning = string.Concat(reply.ReasoningChunks);
            Input = reply.UsageTokens?.Input ?? ReplyText.TokenCount(call.Prompt);
            Output = reply.UsageTokens?.Output ?? (Text.Length + (reply.RefusalText?.Length ?? 0) == 0 ? reply.ToolCalls.Length : ReplyText.TokenCount(Text + " " + reply.RefusalText));
            Finish = reply.Finish ?? (reply.ToolCalls.Length > 0 ? FoundryFinishReason.ToolCalls : reply.RefusalText is null ? FoundryFinishReason.Stop : FoundryFinishReason.ContentFilter);
        }

        public FoundryReply Reply { get; }

        public EmulatedCall Call { get; }

        public string Text { get; }

        public string Reasoning { get; }

        public int Input { get; }

        public int Output { get; }

        public FoundryFinishReason Finish { get; }

        public bool HasMessage => Reply.TextChunks.Length > 0 || Reply.RefusalText is not null || Reply.ToolCalls.Length == 0;
    }

    private static class Chat
    {
        public static List<WireEvent> Stream(Plan plan)
        {
            var call = plan.Call;
            var events = new List<WireEvent> { Event(call, new JsonObject { ["role"] = "assistant", ["content"] = string.Empty }, null) };
            events.AddRange(plan.Reply.ReasoningChunks.Select(c => Event(call, new JsonObject { ["reasoning_content"] = c }, null)));
            events.AddRange(plan.Reply.TextChunks.Select(c => Event(call, new JsonObject { ["content"] = c }, null)));
            if (plan.Reply.RefusalText is { } refusal)
            {
                events.Add(Event(call, new JsonObject { ["refusal"] = refusal }, null));
            }

            for (var i = 0; i < plan.Reply.ToolCalls.Length; i++)
            {
                var tool = plan.Reply.ToolCalls[i];
                events.Add(Event(call, new JsonObject
                {
                    ["tool_calls"] = new JsonArray(new JsonObject { ["index"] = i, ["id"] = tool.Id, ["type"] = "function", ["function"] = new JsonObject { ["name"] = tool.Name, ["arguments"] = string.Empty } }),
                }, null));
                foreach (var piece in ToolAndReasoningReplies.ArgumentPieces(tool.ArgumentsJson))
                {
                    events.Add(Event(call, new JsonObject { ["tool_calls"] = new JsonArray(new JsonObject { ["index"] = i, ["function"] = new JsonObject { ["arguments"] = piece } }) }, null));
                }
            }

            events.Add(Event(call, new JsonObject(), FinishReason(plan)));
            if (call.IncludeUsage)
            {
                events.Add(new WireEvent(null, new JsonObject { ["id"] = "chatcmpl-scripted", ["object"] = "chat.completion.chunk", ["created"] = Created, ["model"] = call.Model, ["choices"] = new JsonArray(), ["usage"] = ProviderReplies.Usage("chat", plan.Input, plan.Output) }.ToJsonString()));
            }

            events.Add(new WireEvent(null, "[DONE]"));
            return events;
        }

        public static string Whole(Plan plan)
        {
            var message = new JsonObject
            {
                ["role"] = "assistant",
                ["content"] = plan.Reply.TextChunks.Length > 0 || plan.Reply.ToolCalls.Length == 0 && plan.Reply.RefusalText is null ? plan.Text : null,
                ["refusal"] = plan.Reply.RefusalText,
                ["annotations"] = new JsonArray(),
            };
            if (plan.Reply.ToolCalls.Length > 0)
            {
                message["tool_calls"] = new JsonArray(plan.Reply.ToolCalls.Select(t => (JsonNode)new JsonObject
                {
                    ["id"] = t.Id,
                    ["type"] = "function",
                    ["function"] = new JsonObject { ["name"] = t.Name, ["arguments"] = t.ArgumentsJson },
                }).ToArray());
            }

            return new JsonObject
            {
                ["id"] = "chatcmpl-scripted",
                ["object"] = "chat.completion",
                ["created"] = Created,
                ["model"] = plan.Call.Model,
                ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["logprobs"] = null, ["finish_reason"] = FinishReason(plan) }),
                ["usage"] = ProviderReplies.Usage("chat", plan.Input, plan.Output),
            }.ToJsonString();
        }

        private static string FinishReason(Plan plan) => plan.Finish switch
        {
            FoundryFinishReason.Length => "length",
            FoundryFinishReason.ToolCalls => "tool_calls",
            // OpenAI ends a refusal with "stop"; "content_filter" is the filter's own reason.
            FoundryFinishReason.ContentFilter when plan.Reply.RefusalText is not null && plan.Reply.Finish is null => "stop",
            FoundryFinishReason.ContentFilter => "content_filter",
            _ => "stop",
        };

        private static WireEvent Event(EmulatedCall call, JsonObject delta, string? finish)
            => new(null, new JsonObject
            {
                ["id"] = "chatcmpl-scripted",
                ["object"] = "chat.completion.chunk",
                ["created"] = Created,
                ["model"] = call.Model,
                ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["logprobs"] = null, ["finish_reason"] = finish }),
            }.ToJsonString());
    }

    private static class Responses
    {
        public static List<WireEvent> Stream(Plan plan)
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

            Add("response.created", new JsonObject { ["response"] = Whole(plan, new JsonArray(), "in_progress") });
            Add("response.in_progress", new JsonObject { ["response"] = Whole(plan, new JsonArray(), "in_progress") });
            var index = 0;
            if (plan.Reply.ReasoningChunks.Length > 0)
            {
                Add("response.output_item.added", new JsonObject { ["output_index"] = index, ["item"] = ReasoningItem(null) });
                Add("response.reasoning_summary_part.added", new JsonObject { ["item_id"] = "rs_scripted", ["output_index"] = index, ["summary_index"] = 0, ["part"] = Summary(string.Empty) });
                foreach (var chunk in plan.Reply.ReasoningChunks)
                {
                    Add("response.reasoning_summary_text.delta", new JsonObject { ["item_id"] = "rs_scripted", ["output_index"] = index, ["summary_index"] = 0, ["delta"] = chunk });
                }

                Add("response.reasoning_summary_text.done", new JsonObject { ["item_id"] = "rs_scripted", ["output_index"] = index, ["summary_index"] = 0, ["text"] = plan.Reasoning });
                Add("response.reasoning_summary_part.done", new JsonObject { ["item_id"] = "rs_scripted", ["output_index"] = index, ["summary_index"] = 0, ["part"] = Summary(plan.Reasoning) });
                Add("response.output_item.done", new JsonObject { ["output_index"] = index++, ["item"] = ReasoningItem(plan.Reasoning) });
            }

            if (plan.HasMessage)
            {
                var refusal = plan.Reply.RefusalText;
                Add("response.output_item.added", new JsonObject { ["output_index"] = index, ["item"] = MessageItem(plan, "in_progress", false) });
                Add("response.content_part.added", new JsonObject { ["item_id"] = "msg_scripted", ["output_index"] = index, ["content_index"] = 0, ["part"] = Part(refusal is null ? string.Empty : null, refusal is null ? null : string.Empty) });
                if (refusal is null)
                {
                    foreach (var chunk in plan.Reply.TextChunks)
                    {
                        Add("response.output_text.delta", new JsonObject { ["item_id"] = "msg_scripted", ["output_index"] = index, ["content_index"] = 0, ["delta"] = chunk, ["logprobs"] = new JsonArray() });
                    }

                    Add("response.output_text.done", new JsonObject { ["item_id"] = "msg_scripted", ["output_index"] = index, ["content_index"] = 0, ["text"] = plan.Text, ["logprobs"] = new JsonArray() });
                }
                else
                {
                    Add("response.refusal.delta", new JsonObject { ["item_id"] = "msg_scripted", ["output_index"] = index, ["content_index"] = 0, ["delta"] = refusal });
                    Add("response.refusal.done", new JsonObject { ["item_id"] = "msg_scripted", ["output_index"] = index, ["content_index"] = 0, ["refusal"] = refusal });
                }

                Add("response.content_part.done", new JsonObject { ["item_id"] = "msg_scripted", ["output_index"] = index, ["content_index"] = 0, ["part"] = Part(refusal is null ? plan.Text : null, refusal) });
                Add("response.output_item.done", new JsonObject { ["output_index"] = index++, ["item"] = MessageItem(plan, "completed", true) });
            }

            for (var i = 0; i < plan.Reply.ToolCalls.Length; i++, index++)
            {
                var tool = plan.Reply.ToolCalls[i];
                var itemId = "fc_scripted_" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                Add("response.output_item.added", new JsonObject { ["output_index"] = index, ["item"] = FunctionItem(tool, itemId, "in_progress", string.Empty) });
                foreach (var piece in ToolAndReasoningReplies.ArgumentPieces(tool.ArgumentsJson))
                {
                    Add("response.function_call_arguments.delta", new JsonObject { ["item_id"] = itemId, ["output_index"] = index, ["delta"] = piece });
                }

                Add("response.function_call_arguments.done", new JsonObject { ["item_id"] = itemId, ["output_index"] = index, ["name"] = tool.Name, ["arguments"] = tool.ArgumentsJson });
                Add("response.output_item.done", new JsonObject { ["output_index"] = index, ["item"] = FunctionItem(tool, itemId, "completed", tool.ArgumentsJson) });
            }

            var incomplete = plan.Finish is FoundryFinishReason.Length || (plan.Finish is FoundryFinishReason.ContentFilter && plan.Reply.Finish is not null);
            Add(incomplete ? "response.incomplete" : "response.completed", new JsonObject { ["response"] = Whole(plan, Items(plan)) });
            return events;
        }

        public static JsonArray Items(Plan plan)
        {
            var items = new JsonArray();
            if (plan.Reply.ReasoningChunks.Length > 0)
            {
                items.Add(ReasoningItem(plan.Reasoning));
            }

            if (plan.HasMessage)
            {
                items.Add(MessageItem(plan, "completed", true));
            }

            for (var i = 0; i < plan.Reply.ToolCalls.Length; i++)
            {
                items.Add(FunctionItem(plan.Reply.ToolCalls[i], "fc_scripted_" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "completed", plan.Reply.ToolCalls[i].ArgumentsJson));
            }

            return items;
        }

        /// <summary>The response object; its status follows the finish reason unless <paramref name="status"/> is given.</summary>
        public static JsonObject Whole(Plan plan, JsonArray output, string? status = null)
        {
            var reason = plan.Finish switch
            {
                FoundryFinishReason.Length => "max_output_tokens",
                FoundryFinishReason.ContentFilter when plan.Reply.Finish is not null => "content_filter",
                _ => null,
            };
            var response = new JsonObject
            {
                ["id"] = "resp_scripted",
                ["object"] = "response",
                ["created_at"] = Created,
                ["status"] = status ?? (reason is null ? "completed" : "incomplete"),
                ["model"] = plan.Call.Model,
                ["output"] = output,
                ["parallel_tool_calls"] = true,
                ["tool_choice"] = "auto",
                ["tools"] = new JsonArray(),
            };
            if (status is null)
            {
                if (reason is not null)
                {
                    response["incomplete_details"] = new JsonObject { ["reason"] = reason };
                }

                response["usage"] = ProviderReplies.Usage("responses", plan.Input, plan.Output);
            }

            return response;
        }

        private static JsonObject ReasoningItem(string? text) => new()
        {
            ["id"] = "rs_scripted",
            ["type"] = "reasoning",
            ["summary"] = text is null ? new JsonArray() : new JsonArray(Summary(text)),
        };

        private static JsonObject Summary(string text) => new() { ["type"] = "summary_text", ["text"] = text };

        private static JsonObject MessageItem(Plan plan, string status, bool done) => new()
        {
            ["id"] = "msg_scripted",
            ["type"] = "message",
            ["status"] = status,
            ["role"] = "assistant",
            ["content"] = done ? new JsonArray(Part(plan.Reply.RefusalText is null ? plan.Text : null, plan.Reply.RefusalText)) : new JsonArray(),
        };

        private static JsonObject Part(string? text, string? refusal) => refusal is not null
            ? new JsonObject { ["type"] = "refusal", ["refusal"] = refusal }
            : new JsonObject { ["type"] = "output_text", ["text"] = text, ["annotations"] = new JsonArray(), ["logprobs"] = new JsonArray() };

        private static JsonObject FunctionItem(FoundryToolCall tool, string itemId, string status, string arguments) => new()
        {
            ["id"] = itemId,
            ["type"] = "function_call",
            ["status"] = status,
            ["arguments"] = arguments,
            ["call_id"] = tool.Id,
            ["name"] = tool.Name,
        };
    }

    private static class Anthropic
    {
        public static List<WireEvent> Stream(Plan plan)
        {
            WireEvent E(string type, JsonObject body)
            {
                var data = new JsonObject { ["type"] = type };
                foreach (var pair in body.ToList())
                {
                    body.Remove(pair.Key);
                    data[pair.Key] = pair.Value;
                }

                return new WireEvent(type, data.ToJsonString());
            }

            var events = new List<WireEvent> { E("message_start", new JsonObject { ["message"] = Message(plan, new JsonArray(), null, 1) }) };
            var index = 0;
            if (plan.Reply.ReasoningChunks.Length > 0)
            {
                events.Add(E("content_block_start", new JsonObject { ["index"] = index, ["content_block"] = new JsonObject { ["type"] = "thinking", ["thinking"] = string.Empty, ["signature"] = string.Empty } }));
                events.AddRange(plan.Reply.ReasoningChunks.Select(c => E("content_block_delta", new JsonObject { ["index"] = index, ["delta"] = new JsonObject { ["type"] = "thinking_delta", ["thinking"] = c } })));
                events.Add(E("content_block_delta", new JsonObject { ["index"] = index, ["delta"] = new JsonObject { ["type"] = "signature_delta", ["signature"] = "c2NyaXB0ZWQ=" } }));
                events.Add(E("content_block_stop", new JsonObject { ["index"] = index++ }));
            }

            events.Add(new WireEvent("ping", "{\"type\": \"ping\"}"));
            if (plan.HasMessage)
            {
                var chunks = plan.Reply.RefusalText is { } refusal ? new[] { refusal } : plan.Reply.TextChunks.ToArray();
                events.Add(E("content_block_start", new JsonObject { ["index"] = index, ["content_block"] = new JsonObject { ["type"] = "text", ["text"] = string.Empty } }));
                events.AddRange(chunks.Select(c => E("content_block_delta", new JsonObject { ["index"] = index, ["delta"] = new JsonObject { ["type"] = "text_delta", ["text"] = c } })));
                events.Add(E("content_block_stop", new JsonObject { ["index"] = index++ }));
            }

            foreach (var tool in plan.Reply.ToolCalls)
            {
                events.Add(E("content_block_start", new JsonObject { ["index"] = index, ["content_block"] = new JsonObject { ["type"] = "tool_use", ["id"] = tool.Id, ["name"] = tool.Name, ["input"] = new JsonObject() } }));
                events.AddRange(ToolAndReasoningReplies.ArgumentPieces(tool.ArgumentsJson).Select(p => E("content_block_delta", new JsonObject { ["index"] = index, ["delta"] = new JsonObject { ["type"] = "input_json_delta", ["partial_json"] = p } })));
                events.Add(E("content_block_stop", new JsonObject { ["index"] = index++ }));
            }

            events.Add(E("message_delta", new JsonObject
            {
                ["delta"] = new JsonObject { ["stop_reason"] = StopReason(plan), ["stop_sequence"] = null },
                ["usage"] = new JsonObject { ["output_tokens"] = plan.Output },
            }));
            events.Add(E("message_stop", new JsonObject()));
            return events;
        }

        public static string Whole(Plan plan)
        {
            var content = new JsonArray();
            if (plan.Reply.ReasoningChunks.Length > 0)
            {
                content.Add(new JsonObject { ["type"] = "thinking", ["thinking"] = plan.Reasoning, ["signature"] = "c2NyaXB0ZWQ=" });
            }

            if (plan.HasMessage)
            {
                content.Add(new JsonObject { ["type"] = "text", ["text"] = plan.Reply.RefusalText ?? plan.Text });
            }

            foreach (var tool in plan.Reply.ToolCalls)
            {
                content.Add(new JsonObject { ["type"] = "tool_use", ["id"] = tool.Id, ["name"] = tool.Name, ["input"] = JsonNode.Parse(tool.ArgumentsJson) });
            }

            return Message(plan, content, StopReason(plan), plan.Output).ToJsonString();
        }

        private static JsonObject Message(Plan plan, JsonArray content, string? stopReason, int output) => new()
        {
            ["id"] = "msg_scripted",
            ["type"] = "message",
            ["role"] = "assistant",
            ["model"] = plan.Call.Model,
            ["content"] = content,
            ["stop_reason"] = stopReason,
            ["stop_sequence"] = null,
            ["usage"] = new JsonObject { ["input_tokens"] = plan.Input, ["output_tokens"] = output },
        };

        private static string StopReason(Plan plan) => plan.Finish switch
        {
            FoundryFinishReason.Length => "max_tokens",
            FoundryFinishReason.ToolCalls => "tool_use",
            FoundryFinishReason.ContentFilter => "refusal",
            _ => "end_turn",
        };
    }

    private static class Gemini
    {
        /// <summary>One chunk per reasoning and text chunk, the function calls together, the last with finish and usage.</summary>
        public static List<JsonObject> Chunks(Plan plan)
        {
            var parts = new List<JsonArray>();
            parts.AddRange(plan.Reply.ReasoningChunks.Select(c => new JsonArray(new JsonObject { ["text"] = c, ["thought"] = true })));
            parts.AddRange(plan.Reply.TextChunks.Select(c => new JsonArray(new JsonObject { ["text"] = c })));
            if (plan.Reply.ToolCalls.Length > 0)
            {
                parts.Add(new JsonArray(plan.Reply.ToolCalls.Select(t => (JsonNode)FunctionCall(t)).ToArray()));
            }

            if (parts.Count == 0)
            {
                parts.Add(new JsonArray());
            }

            return parts.Select((p, i) => Chunk(plan, p, i == parts.Count - 1)).ToList();
        }

        public static JsonObject Whole(Plan plan)
        {
            var parts = new JsonArray();
            if (plan.Reasoning.Length > 0)
            {
                parts.Add(new JsonObject { ["text"] = plan.Reasoning, ["thought"] = true });
            }

            if (plan.Text.Length > 0)
            {
                parts.Add(new JsonObject { ["text"] = plan.Text });
            }

            foreach (var tool in plan.Reply.ToolCalls)
            {
                parts.Add(FunctionCall(tool));
            }

            return Chunk(plan, parts, true);
        }

        private static JsonObject FunctionCall(FoundryToolCall tool)
            => new() { ["functionCall"] = new JsonObject { ["id"] = tool.Id, ["name"] = tool.Name, ["args"] = JsonNode.Parse(tool.ArgumentsJson) } };

        private static JsonObject Chunk(Plan plan, JsonArray parts, bool last)
        {
            var candidate = new JsonObject { ["content"] = new JsonObject { ["parts"] = parts, ["role"] = "model" }, ["index"] = 0 };
            if (last)
            {
                candidate["finishReason"] = plan.Finish switch
                {
                    FoundryFinishReason.Length => "MAX_TOKENS",
                    FoundryFinishReason.ContentFilter => "SAFETY",
                    _ => "STOP",
                };
            }

            var chunk = new JsonObject { ["candidates"] = new JsonArray(candidate), ["modelVersion"] = plan.Call.Model };
            if (last)
            {
                chunk["usageMetadata"] = ProviderReplies.Usage("gemini", plan.Input, plan.Output);
            }

            return chunk;
        }
    }
}
