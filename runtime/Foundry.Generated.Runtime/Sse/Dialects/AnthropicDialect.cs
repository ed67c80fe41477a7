using System;
using System.Text.Json;

namespace Foundry.Generated.Runtime;

/// <summary>
/// Anthropic Messages streams. Terminal: <c>message_stop</c> (the SSE event type, or the JSON <c>type</c> of a
/// data-only event). Text: <c>content_block_delta</c> with a <c>text_delta</c> (not <c>thinking_delta</c> or
/// <c>input_json_delta</c>). Errors: <c>event: error</c> (generic). Usage: <c>input_tokens</c> / <c>output_tokens</c>
/// of <c>message_start</c> and <c>message_delta</c>.
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
}
