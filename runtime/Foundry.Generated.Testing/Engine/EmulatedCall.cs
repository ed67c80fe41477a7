using System.Text.Json;

namespace Foundry.Generated.Testing;

/// <summary>What the emulator understood of one request body.</summary>
internal sealed record EmulatedCall(string Route, string Model, string Prompt, bool Stream, bool IncludeUsage, int? MaxTokens, bool HasTools)
{
    /// <summary>The first tool's name when the request offers tools; the emulator then calls it.</summary>
    public string? ToolName { get; init; }

    /// <summary>The tool output when the conversation ends with a tool result; the emulator then answers in text quoting it.</summary>
    public string? ToolResult { get; init; }

    /// <summary>True when the request asks for reasoning output (Responses <c>reasoning.summary</c>, Anthropic <c>thinking</c>).</summary>
    public bool WantsReasoning { get; init; }

    /// <summary>The arguments the emulated tool call passes, as JSON that fits the tool's declared parameters.</summary>
    public string ToolArguments { get; init; } = "{}";

    /// <summary>The answer as JSON that fits the request's structured-output schema, when it has one.</summary>
    public string? StructuredJson { get; init; }

    public static EmulatedCall From(string route, string? pathModel, JsonElement body, bool streamPath)
    {
        var model = pathModel ?? (body.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : string.Empty);
        var stream = streamPath || (body.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True);
        var includeUsage = body.TryGetProperty("stream_options", out var so) && so.ValueKind == JsonValueKind.Object
            && so.TryGetProperty("include_usage", out var iu) && iu.ValueKind == JsonValueKind.True;
        int? max = null;
        foreach (var name in new[] { "max_output_tokens", "max_completion_tokens", "max_tokens" })
        {
            if (body.TryGetProperty(name, out var v) && v.TryGetInt32(out var n))
            {
                max = n;
            }
        }

        if (body.TryGetProperty("generationConfig", out var gc) && gc.ValueKind == JsonValueKind.Object && gc.TryGetProperty("maxOutputTokens", out var g) && g.TryGetInt32(out var gn))
        {
            max = gn;
        }

        var hasTools = body.TryGetProperty("tools", out var tools) && tools.ValueKind == JsonValueKind.Array && tools.GetArrayLength() > 0;
        var wantsReasoning = (body.TryGetProperty("reasoning", out var r) && r.ValueKind == JsonValueKind.Object && r.TryGetProperty("summary", out _))
            || (body.TryGetProperty("thinking", out var t) && t.ValueKind == JsonValueKind.Object && t.TryGetProperty("type", out var tt) && tt.GetString() == "enabled");
        var toolResult = LastToolResult(body);
        var prompt = PromptOf(body);
        var callsTool = hasTools && toolResult is null;
        return new EmulatedCall(route, model, prompt, stream, includeUsage, max, hasTools)
        {
            ToolName = callsTool ? ToolNameOf(tools[0]) : null,
            ToolArguments = callsTool ? ToolSchemaArguments.For(tools[0], prompt) : "{}",
            ToolResult = toolResult,
            WantsReasoning = wantsReasoning,
            StructuredJson = StructuredFormat.SchemaOf(route, body) is { } schema ? ToolSchemaArguments.ForSchema(schema, prompt) : null,
        };
    }

    // chat: {function:{name}}; Responses and Anthropic: {name}; Gemini: {functionDeclarations:[{name}]}.
    private static string? ToolNameOf(JsonElement tool)
    {
        if (tool.TryGetProperty("function", out var f) && f.TryGetProperty("name", out var fn))
        {
            return fn.GetString();
        }

        if (tool.TryGetProperty("functionDeclarations", out var decls) && decls.ValueKind == JsonValueKind.Array && decls.GetArrayLength() > 0 && decls[0].TryGetProperty("name", out var gn))
        {
            return gn.GetString();
        }

        return tool.TryGetProperty("name", out var n) ? n.GetString() : null;
    }

    // chat: a last "tool" message; Responses: a last function_call_output item; Anthropic: a tool_result block in the
    // last message; Gemini: a functionResponse part in the last content.
    private static string? LastToolResult(JsonElement body)
    {
        foreach (var list in new[] { "messages", "input", "contents" })
        {
            if (!body.TryGetProperty(list, out var items) || items.ValueKind != JsonValueKind.Array || items.GetArrayLength() == 0)
            {
                continue;
            }

            var last = items[items.GetArrayLength() - 1];
            if (last.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (last.TryGetProperty("role", out var role) && role.GetString() == "tool" && last.TryGetProperty("content", out var toolContent))
            {
                return TextOrRaw(toolContent);
            }

            if (last.TryGetProperty("type", out var type) && type.GetString() == "function_call_output" && last.TryGetProperty("output", out var output))
            {
                return TextOrRaw(output);
            }

            foreach (var partsName in new[] { "content", "parts" })
            {
                if (last.TryGetProperty(partsName, out var parts) && parts.ValueKind == JsonValueKind.Array)
                {
                    foreach (var part in parts.EnumerateArray())
                    {
                        if (part.ValueKind != JsonValueKind.Object)
                        {
                            continue;
                        }

                        if (part.TryGetProperty("type", out var pt) && pt.GetString() == "tool_result" && part.TryGetProperty("content", out var result))
                        {
                            return TextOrRaw(result);
                        }

                        if (part.TryGetProperty("functionResponse", out var response) && response.TryGetProperty("response", out var payload))
                        {
                            return payload.TryGetProperty("result", out var r) ? TextOrRaw(r) : payload.GetRawText();
                        }
                    }
                }
            }

            return null;
        }

        return null;
    }

    /// <summary>A string as it is, the <c>text</c> of an array of parts joined, anything else as raw JSON.</summary>
    private static string TextOrRaw(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString()!;
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            var text = new System.Text.StringBuilder();
            foreach (var part in value.EnumerateArray())
            {
                if (part.ValueKind == JsonValueKind.Object && part.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
                {
                    text.Append(t.GetString());
                }
            }

            return text.ToString();
        }

        return value.GetRawText();
    }

    /// <summary>The last user text, whatever the provider's message shape.</summary>
    private static string PromptOf(JsonElement body)
    {
        var last = string.Empty;
        foreach (var list in new[] { "messages", "input", "contents" })
        {
            if (!body.TryGetProperty(list, out var items))
            {
                continue;
            }

            if (items.ValueKind == JsonValueKind.String)
            {
                return items.GetString()!;
            }

            if (items.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in items.EnumerateArray())
                {
                    last = TextOf(item) ?? last;
                }
            }
        }

        return last;
    }

    private static string? TextOf(JsonElement item)
    {
        if (item.ValueKind == JsonValueKind.String)
        {
            return item.GetString();
        }

        if (item.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (item.TryGetProperty("role", out var role) && role.GetString() is "system" or "developer")
        {
            return null;
        }

        foreach (var name in new[] { "content", "parts", "text" })
        {
            if (!item.TryGetProperty(name, out var content))
            {
                continue;
            }

            if (content.ValueKind is JsonValueKind.String or JsonValueKind.Array)
            {
                return TextOrRaw(content);
            }
        }

        return null;
    }
}
