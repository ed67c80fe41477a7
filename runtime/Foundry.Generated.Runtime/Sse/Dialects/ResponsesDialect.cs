using System;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text;

namespace Foundry.Generated.Runtime;

/// <summary>
/// OpenAI Responses streams (and xAI Responses). Terminal: <c>response.completed</c>, <c>response.incomplete</c> (a
/// partial answer: a length or content limit) or <c>response.failed</c> — the SSE event type, or the JSON <c>type</c>
/// when a server sends data-only events. Text: the <c>delta</c> of <c>response.output_text.delta</c>. Errors:
/// <c>event: error</c> / <c>"type":"error"</c> (generic, in <see cref="StreamEventDecoder"/>) and
/// <c>response.failed</c>'s <c>response.error</c>. Usage: <c>input_tokens</c> / <c>output_tokens</c>. Structured output:
/// <c>text.format</c>; the answer is the message items' <c>output_text</c>.
/// </summary>
internal static class ResponsesDialect
{
    public const string Expected = "response.completed, response.incomplete or response.failed";

    public static TerminalSignal Terminal(string eventType, ReadOnlySpan<byte> data)
    {
        var signal = eventType switch
        {
            "response.completed" => TerminalSignal.Ended,
            "response.incomplete" => TerminalSignal.Incomplete,
            "response.failed" => TerminalSignal.Failed,
            _ => TerminalSignal.None,
        };

        // Servers that send data-only events (no event: line) name the type only in the JSON: read it once.
        if (signal == TerminalSignal.None && eventType == "message")
        {
            signal = JsonScan.TopLevelTypeIs(data, "response.completed"u8, "response.incomplete"u8, "response.failed"u8) switch
            {
                0 => TerminalSignal.Ended,
                1 => TerminalSignal.Incomplete,
                2 => TerminalSignal.Failed,
                _ => TerminalSignal.None,
            };
        }

        return signal;
    }

    public static string? Text(ReadOnlySpan<byte> data, ref PieceToken piece) => JsonScan.TypedDelta(data, "response.output_text.delta"u8, JsonScan.StringOrSkip, ref piece);

    /// <summary>The <c>response.incomplete_details.reason</c> of a <c>response.incomplete</c> event (null when absent).</summary>
    public static string? IncompleteReason(ReadOnlySpan<byte> data)
    {
        try
        {
            var reader = new Utf8JsonReader(data);
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("response", out var response) && response.ValueKind == JsonValueKind.Object
                && response.TryGetProperty("incomplete_details", out var details) && details.ValueKind == JsonValueKind.Object
                && details.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String
                ? reason.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The <c>response.error</c> code and message of a <c>response.failed</c> event (nulls when absent).</summary>
    public static (string? Code, string? Message) FailedError(ReadOnlySpan<byte> data)
    {
        try
        {
            var reader = new Utf8JsonReader(data);
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("response", out var response) && response.ValueKind == JsonValueKind.Object
                && response.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                return (FoundryErrorBody.CodeOf(error), message);
            }
        }
        catch (JsonException)
        {
            // The typed decoder reports an undecodable event; here it fails the stream without details.
        }

        return (null, null);
    }

    /// <summary>Structured output: <c>text.format</c> is a strict <c>json_schema</c>.</summary>
    public static void SetStructuredFormat(JsonObject body, JsonNode schema, string name)
    {
        var text = StructuredFormat.Child(body, "text");
        StructuredFormat.Refuse(text, "format", "text.format");
        text["format"] = new JsonObject { ["type"] = "json_schema", ["name"] = name, ["schema"] = schema, ["strict"] = true };
    }

    /// <summary>The <c>output_text</c> of the message items, their refusals, and <c>incomplete</c> with its reason.</summary>
    public static StructuredAnswer StructuredAnswer(JsonElement root)
    {
        var text = new StringBuilder();
        string? refusal = null;
        var finish = JsonElements.String(root, "status");
        var incomplete = finish == "incomplete";
        if (incomplete)
        {
            finish = JsonElements.Property(root, "incomplete_details") is { } details && JsonElements.String(details, "reason") is { } reason ? reason : finish;
            refusal = finish == "content_filter" ? "content_filter" : null;
        }

        foreach (var item in JsonElements.Items(root, "output"))
        {
            if (JsonElements.String(item, "type") != "message")
            {
                continue;
            }

            foreach (var part in JsonElements.Items(item, "content"))
            {
                switch (JsonElements.String(part, "type"))
                {
                    case "output_text":
                        text.Append(JsonElements.String(part, "text"));
                        break;
                    case "refusal":
                        refusal = (refusal ?? string.Empty) + JsonElements.String(part, "refusal");
                        break;
                }
            }
        }

        return new StructuredAnswer(text.ToString(), refusal, finish, incomplete);
    }
}
