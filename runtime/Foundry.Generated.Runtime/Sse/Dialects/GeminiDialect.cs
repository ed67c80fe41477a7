using System;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text;

namespace Foundry.Generated.Runtime;

/// <summary>
/// Gemini <c>streamGenerateContent?alt=sse</c> streams. Terminal: a non-null <c>finishReason</c> on every candidate
/// index seen (a candidate without <c>index</c> is candidate 0), or a <c>promptFeedback.blockReason</c> (the prompt was
/// blocked, so no candidate comes). Text: the first candidate's <c>content.parts[].text</c> that are not
/// <c>thought</c>. Errors: a top-level <c>error</c> object (generic). Usage: <c>promptTokenCount</c> /
/// <c>candidatesTokenCount</c> of <c>usageMetadata</c>. Structured output: <c>generationConfig.responseJsonSchema</c>;
/// the answer is the first candidate's parts that are not thoughts.
/// </summary>
internal static class GeminiDialect
{
    public const string Expected = "a finishReason on every candidate";

    /// <summary>True when the prompt was blocked (the stream's last word); otherwise notes the candidates seen.</summary>
    public static bool Observe(StreamTerminal terminal, ReadOnlySpan<byte> data)
    {
        if (data.IndexOf("\"blockReason\""u8) >= 0 && Blocked(data))
        {
            return true;
        }

        if (!ChoiceScan.TryQuick(data, "candidates"u8, "finishReason"u8, out var sawCandidate))
        {
            terminal.ObserveChoiceArray(data, "candidates"u8, "finishReason"u8);
        }
        else if (sawCandidate)
        {
            terminal.MarkChoice(0, finished: false);
        }

        return false;
    }

    public static string? Text(ReadOnlySpan<byte> data)
    {
        // Only the first candidate.
        var reader = JsonScan.Start(data);
        if (!JsonScan.SeekProperty(ref reader, "candidates"u8, JsonTokenType.StartArray) || !reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        return JsonScan.SeekProperty(ref reader, "content"u8, JsonTokenType.StartObject) ? Parts(ref reader) : null;
    }

    // content: {"parts":[{"text":"…"},{"text":"…","thought":true}],"role":"model"}; thought parts are reasoning.
    private static string? Parts(ref Utf8JsonReader reader)
    {
        string? result = null;
        while (JsonScan.SeekProperty(ref reader, "parts"u8, JsonTokenType.StartArray))
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                string? text = null;
                var thought = false;
                while (JsonScan.NextProperty(ref reader))
                {
                    if (reader.ValueTextEquals("text"u8))
                    {
                        reader.Read();
                        text = JsonScan.StringOrSkip(ref reader);
                    }
                    else if (reader.ValueTextEquals("thought"u8))
                    {
                        reader.Read();
                        thought = reader.TokenType == JsonTokenType.True;
                    }
                    else
                    {
                        JsonScan.SkipValue(ref reader);
                    }
                }

                if (text != null && !thought)
                {
                    result = result == null ? text : result + text;
                }
            }
        }

        return result;
    }

    // {"promptFeedback":{"blockReason":"SAFETY",...}}
    private static bool Blocked(ReadOnlySpan<byte> data)
    {
        try
        {
            var reader = new Utf8JsonReader(data);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isFeedback = reader.ValueTextEquals("promptFeedback"u8);
                reader.Read();
                if (isFeedback && reader.TokenType == JsonTokenType.StartObject)
                {
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var isReason = reader.ValueTextEquals("blockReason"u8);
                        reader.Read();
                        if (isReason)
                        {
                            return reader.TokenType == JsonTokenType.String;
                        }

                        reader.Skip();
                    }

                    return false;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }

        return false;
    }

    /// <summary>Structured output: <c>generationConfig.responseJsonSchema</c> with <c>responseMimeType</c> <c>application/json</c>.</summary>
    public static void SetStructuredFormat(JsonObject body, JsonNode schema)
    {
        var config = StructuredFormat.Child(body, "generationConfig");
        StructuredFormat.Refuse(config, "responseJsonSchema", "generationConfig.responseJsonSchema");
        StructuredFormat.Refuse(config, "responseSchema", "generationConfig.responseSchema");
        if (config["responseMimeType"] is JsonValue mime && mime.GetValue<string>() != "application/json")
        {
            throw new ArgumentException($"The request sets generationConfig.responseMimeType to '{mime}'; structured output answers in application/json.", "request");
        }

        config["responseMimeType"] = "application/json";
        config["responseJsonSchema"] = schema;
    }

    /// <summary>The first candidate's parts that are not thoughts; <c>MAX_TOKENS</c> cuts it off, a blocked prompt or a
    /// safety finish refuses.</summary>
    public static StructuredAnswer StructuredAnswer(JsonElement root)
    {
        var text = new StringBuilder();
        string? refusal = null;
        string? finish = null;
        if (JsonElements.Property(root, "promptFeedback") is { } feedback && JsonElements.String(feedback, "blockReason") is { } blocked)
        {
            refusal = blocked;
            finish = blocked;
        }

        foreach (var candidate in JsonElements.Items(root, "candidates"))
        {
            finish = JsonElements.String(candidate, "finishReason") ?? finish;
            if (JsonElements.Property(candidate, "content") is { } content)
            {
                foreach (var part in JsonElements.Items(content, "parts"))
                {
                    if (JsonElements.Property(part, "thought") is not { ValueKind: JsonValueKind.True })
                    {
                        text.Append(JsonElements.String(part, "text"));
                    }
                }
            }

            break;
        }

        refusal ??= finish is "SAFETY" or "RECITATION" or "PROHIBITED_CONTENT" or "BLOCKLIST" or "SPII" or "IMAGE_SAFETY" ? finish : null;
        return new StructuredAnswer(text.ToString(), refusal, finish, finish == "MAX_TOKENS");
    }
}
