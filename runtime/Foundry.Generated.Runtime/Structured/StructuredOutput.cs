using System;
using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Foundry.Generated.Runtime;

/// <summary>A request body already written (the structured-output format added); retries resend these bytes.</summary>
internal readonly struct PreparedRequest(ReadOnlyMemory<byte> json) : IFoundryJsonWritable
{
    public ReadOnlyMemory<byte> Json { get; } = json;

    public void WriteJson(Utf8JsonWriter writer, FoundryWireOptions options) => writer.WriteRawValue(Json.Span, skipInputValidation: true);
}

/// <summary>
/// Structured output by route, on the request's and the answer's JSON: the rules depend on the route's dialect only,
/// so they are compiled here and the generator emits only typed overloads. Request: the format field of the route
/// (Responses <c>text.format</c>, chat <c>response_format</c>, Anthropic <c>output_config.format</c>, Gemini
/// <c>generationConfig.responseJsonSchema</c> + <c>responseMimeType</c>). Answer: the text, a refusal, a cut-off.
/// </summary>
internal static class StructuredOutput
{
    /// <summary>The request with the route's format set to the type's schema; refused schemas and a request that already
    /// sets the format are <see cref="ArgumentException"/>s, before anything is sent.</summary>
    public static PreparedRequest Prepare<TRequest>(FoundryOperation operation, TRequest request, JsonTypeInfo typeInfo, FoundryWireOptions wire)
        where TRequest : IFoundryJsonWritable
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        var rules = StructuredSchema.RulesFor(operation.Route);
        var schema = StructuredSchema.Build(typeInfo, rules);
        var body = JsonNode.Parse(FoundryJson.SerializeToUtf8Bytes(request, wire)) as JsonObject
            ?? throw new ArgumentException("The request is not a JSON object.", nameof(request));
        var dialect = FoundryRoutes.GetStreamDialect(operation.Route)!.Value;
        switch (dialect)
        {
            case FoundryStreamDialect.OpenAiResponses:
                var text = Child(body, "text");
                Refuse(text, "format", "text.format");
                text["format"] = new JsonObject { ["type"] = "json_schema", ["name"] = StructuredSchema.NameOf(typeInfo), ["schema"] = schema, ["strict"] = true };
                break;
            case FoundryStreamDialect.OpenAiChatCompletions:
                Refuse(body, "response_format", "response_format");
                body["response_format"] = new JsonObject
                {
                    ["type"] = "json_schema",
                    ["json_schema"] = new JsonObject { ["name"] = StructuredSchema.NameOf(typeInfo), ["schema"] = schema, ["strict"] = true },
                };
                break;
            case FoundryStreamDialect.AnthropicMessages:
                var output = Child(body, "output_config");
                Refuse(output, "format", "output_config.format");
                output["format"] = new JsonObject { ["type"] = "json_schema", ["schema"] = schema };
                break;
            default:
                var config = Child(body, "generationConfig");
                Refuse(config, "responseJsonSchema", "generationConfig.responseJsonSchema");
                Refuse(config, "responseSchema", "generationConfig.responseSchema");
                if (config["responseMimeType"] is JsonValue mime && mime.GetValue<string>() != "application/json")
                {
                    throw new ArgumentException($"The request sets generationConfig.responseMimeType to '{mime}'; structured output answers in application/json.", nameof(request));
                }

                config["responseMimeType"] = "application/json";
                config["responseJsonSchema"] = schema;
                break;
        }

        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, FoundryJson.WriterOptions))
        {
            body.WriteTo(writer);
        }

        return new PreparedRequest(buffer.WrittenMemory);
    }

    private static JsonObject Child(JsonObject parent, string name)
    {
        if (parent[name] is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        parent[name] = created;
        return created;
    }

    private static void Refuse(JsonObject parent, string name, string path)
    {
        if (parent[name] is not null)
        {
            throw new ArgumentException($"The request already sets {path}; structured output sets it from the type's schema. Leave it unset.", "request");
        }
    }

    /// <summary>The value parsed from a whole answer's JSON (a non-streaming body, or what an accumulator built).</summary>
    public static FoundryStructuredResponse<T, TResponse> Complete<T, TResponse>(string route, string? model, JsonTypeInfo<T> typeInfo, TResponse response, ReadOnlySpan<byte> json, in TokenScrubber scrub)
    {
        var answer = Read(FoundryRoutes.GetStreamDialect(route)!.Value, json);
        if (answer.Refusal is not null)
        {
            throw new FoundryStructuredOutputException($"The model refused to answer on {route}{ModelText(model)}: {answer.Refusal}", route, model, FoundryStructuredOutputFailure.Refused, answer.Text, answer.Refusal, answer.Finish, null, scrub);
        }

        if (answer.Incomplete)
        {
            throw new FoundryStructuredOutputException($"The answer on {route}{ModelText(model)} was cut off ({answer.Finish}) before its JSON was whole; raise the output token limit. Text so far: {Preview(answer.Text)}", route, model, FoundryStructuredOutputFailure.Incomplete, answer.Text, null, answer.Finish, null, scrub);
        }

        T? value;
        try
        {
            value = JsonSerializer.Deserialize(answer.Text, typeInfo);
        }
        catch (JsonException e)
        {
            // Not kept as the inner exception: its message quotes the text, which only passes the scrubber here.
            throw new FoundryStructuredOutputException($"The answer on {route}{ModelText(model)} is not JSON of {typeInfo.Type.Name}: {e.Message} Text: {Preview(answer.Text)}", route, model, FoundryStructuredOutputFailure.Unparsable, answer.Text, null, answer.Finish, null, scrub);
        }

        if (value is null)
        {
            throw new FoundryStructuredOutputException($"The answer on {route}{ModelText(model)} gave no {typeInfo.Type.Name} (JSON null). Text: {Preview(answer.Text)}", route, model, FoundryStructuredOutputFailure.Unparsable, answer.Text, null, answer.Finish, null, scrub);
        }

        return new FoundryStructuredResponse<T, TResponse>(value, response, answer.Text);
    }

    private static string ModelText(string? model) => model is null ? string.Empty : $" ({model})";

    private static string Preview(string text) => text.Length == 0 ? "(none)" : text.Length <= 200 ? text : text.Substring(0, 200) + "…";

    internal readonly record struct Answer(string Text, string? Refusal, string? Finish, bool Incomplete);

    /// <summary>The answer's text (first choice or candidate), refusal and finish, from a route's non-streaming response.</summary>
    internal static Answer Read(FoundryStreamDialect dialect, ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        var text = new StringBuilder();
        string? refusal = null;
        string? finish = null;
        var incomplete = false;
        switch (dialect)
        {
            case FoundryStreamDialect.OpenAiResponses:
                finish = String(root, "status");
                if (finish == "incomplete")
                {
                    incomplete = true;
                    finish = Property(root, "incomplete_details") is { } details && String(details, "reason") is { } reason ? reason : finish;
                    if (finish == "content_filter")
                    {
                        refusal = "content_filter";
                    }
                }

                foreach (var item in Items(root, "output"))
                {
                    if (String(item, "type") != "message")
                    {
                        continue;
                    }

                    foreach (var part in Items(item, "content"))
                    {
                        switch (String(part, "type"))
                        {
                            case "output_text":
                                text.Append(String(part, "text"));
                                break;
                            case "refusal":
                                refusal = (refusal ?? string.Empty) + String(part, "refusal");
                                break;
                        }
                    }
                }

                break;
            case FoundryStreamDialect.OpenAiChatCompletions:
                foreach (var choice in Items(root, "choices"))
                {
                    finish = String(choice, "finish_reason");
                    if (Property(choice, "message") is { } message)
                    {
                        text.Append(String(message, "content"));
                        refusal = String(message, "refusal");
                    }

                    break;
                }

                incomplete = finish == "length";
                refusal ??= finish == "content_filter" ? "content_filter" : null;
                break;
            case FoundryStreamDialect.AnthropicMessages:
                finish = String(root, "stop_reason");
                foreach (var block in Items(root, "content"))
                {
                    if (String(block, "type") == "text")
                    {
                        text.Append(String(block, "text"));
                    }
                }

                incomplete = finish is "max_tokens" or "model_context_window_exceeded";
                refusal = finish == "refusal" ? (text.Length > 0 ? text.ToString() : "refusal") : null;
                break;
            default:
                if (Property(root, "promptFeedback") is { } feedback && String(feedback, "blockReason") is { } blocked)
                {
                    refusal = blocked;
                    finish = blocked;
                }

                foreach (var candidate in Items(root, "candidates"))
                {
                    finish = String(candidate, "finishReason") ?? finish;
                    if (Property(candidate, "content") is { } content)
                    {
                        foreach (var part in Items(content, "parts"))
                        {
                            if (Property(part, "thought") is not { ValueKind: JsonValueKind.True })
                            {
                                text.Append(String(part, "text"));
                            }
                        }
                    }

                    break;
                }

                incomplete = finish == "MAX_TOKENS";
                refusal ??= finish is "SAFETY" or "RECITATION" or "PROHIBITED_CONTENT" or "BLOCKLIST" or "SPII" or "IMAGE_SAFETY" ? finish : null;
                break;
        }

        return new Answer(text.ToString(), refusal, finish, incomplete);
    }

    private static JsonElement? Property(JsonElement element, string name)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static string? String(JsonElement element, string name)
        => Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static System.Collections.Generic.IEnumerable<JsonElement> Items(JsonElement element, string name)
        => Property(element, name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : System.Array.Empty<JsonElement>();
}
