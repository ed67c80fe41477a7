using System;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text;

namespace Foundry.Generated.Runtime;

/// <summary>
/// Anthropic Messages streams. Terminal: <c>message_stop</c> (the SSE event type, or the JSON <c>type</c> of a
/// data-only event). Text: <c>content_block_delta</c> with a <c>text_delta</c> (not <c>thinking_delta</c> or
/// <c>input_json_delta</c>). Errors: <c>event: error</c> (generic). Usage: <c>input_tokens</c> / <c>output_tokens</c>
/// of <c>message_start</c> and <c>message_delta</c>. Structured output: <c>output_config.format</c>; the answer is the
/// <c>text</c> blocks.
/// </summary>
internal static class AnthropicDialect
{
    public const string Expected = "message_stop";

    public static bool IsStop(string eventType, ReadOnlySpan<byte> data)
        => eventType == "message_stop" || (eventType == "message" && data.IndexOf("message_stop"u8) >= 0 && JsonScan.TopLevelTypeIs(data, "message_stop"u8) == 0);

    public static string? Text(ReadOnlySpan<byte> data, ref PieceToken piece) => JsonScan.TypedDelta(data, "content_block_delta"u8, TextDelta, ref piece);

    // {"type":"text_delta","text":"…"}
    private static string? TextDelta(ref Utf8JsonReader reader, ref PieceToken piece)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return JsonScan.StringOrSkip(ref reader, ref piece);
        }

        var isText = false;
        string? text = null;
        while (JsonScan.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                isText = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("text_delta"u8);
            }
            else if (reader.ValueTextEquals("text"u8))
            {
                reader.Read();
                text = JsonScan.StringOrSkip(ref reader, ref piece);
            }
            else
            {
                JsonScan.SkipValue(ref reader);
            }
        }

        if (!isText)
        {
            piece = default;
        }

        return isText ? text : null;
    }

    /// <summary>Structured output: <c>output_config.format</c> is a <c>json_schema</c>.</summary>
    public static void SetStructuredFormat(JsonObject body, JsonNode schema)
    {
        var output = StructuredFormat.Child(body, "output_config");
        StructuredFormat.Refuse(output, "format", "output_config.format");
        output["format"] = new JsonObject { ["type"] = "json_schema", ["schema"] = schema };
    }

    /// <summary>The <c>text</c> blocks; <c>max_tokens</c> (or a full context window) cuts it off, <c>refusal</c> refuses.</summary>
    public static StructuredAnswer StructuredAnswer(JsonElement root)
    {
        var text = new StringBuilder();
        var finish = JsonElements.String(root, "stop_reason");
        foreach (var block in JsonElements.Items(root, "content"))
        {
            if (JsonElements.String(block, "type") == "text")
            {
                text.Append(JsonElements.String(block, "text"));
            }
        }

        var refusal = finish == "refusal" ? (text.Length > 0 ? text.ToString() : "refusal") : null;
        return new StructuredAnswer(text.ToString(), refusal, finish, finish is "max_tokens" or "model_context_window_exceeded");
    }
}
