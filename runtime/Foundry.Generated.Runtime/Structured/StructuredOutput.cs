using System;
using System.Buffers;
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
/// so they are compiled here and the generator emits only typed overloads. Request: the format field of the route, and
/// answer: the text, a refusal, a cut-off — each in its dialect's file (<see cref="ResponsesDialect"/>, …).
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
        var name = StructuredSchema.NameOf(typeInfo);
        switch (FoundryRoutes.GetStreamDialect(operation.Route)!.Value)
        {
            case FoundryStreamDialect.OpenAiResponses:
                ResponsesDialect.SetStructuredFormat(body, schema, name);
                break;
            case FoundryStreamDialect.OpenAiChatCompletions:
                ChatCompletionsDialect.SetStructuredFormat(body, schema, name);
                break;
            case FoundryStreamDialect.AnthropicMessages:
                AnthropicDialect.SetStructuredFormat(body, schema);
                break;
            default:
                GeminiDialect.SetStructuredFormat(body, schema);
                break;
        }

        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, FoundryJson.WriterOptions))
        {
            body.WriteTo(writer);
        }

        return new PreparedRequest(buffer.WrittenMemory);
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

    /// <summary>The answer's text, refusal and finish, from a route's non-streaming response (each dialect's rules).</summary>
    internal static StructuredAnswer Read(FoundryStreamDialect dialect, ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        return dialect switch
        {
            FoundryStreamDialect.OpenAiResponses => ResponsesDialect.StructuredAnswer(root),
            FoundryStreamDialect.OpenAiChatCompletions => ChatCompletionsDialect.StructuredAnswer(root),
            FoundryStreamDialect.AnthropicMessages => AnthropicDialect.StructuredAnswer(root),
            _ => GeminiDialect.StructuredAnswer(root),
        };
    }
}
