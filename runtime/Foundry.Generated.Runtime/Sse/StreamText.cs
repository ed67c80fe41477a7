using System;
using System.Text.Json;

namespace Foundry.Generated.Runtime;

/// <summary>
/// The answer text of one streamed event, read from its UTF-8 bytes and only as far as needed; no event object is
/// built. Text means what a user reads as the answer: not reasoning or thinking, tool-call arguments or refusals.
/// Per dialect: Responses <c>response.output_text.delta</c> → <c>delta</c>; chat completions → the first choice's
/// <c>delta.content</c>; Anthropic <c>content_block_delta</c> with a <c>text_delta</c> → <c>delta.text</c>; Gemini →
/// the first candidate's non-thought <c>content.parts[].text</c>. Null when the event carries none.
/// </summary>
internal static class StreamText
{
    public static string? Read(FoundryStreamDialect dialect, ReadOnlySpan<byte> data) => dialect switch
    {
        FoundryStreamDialect.OpenAiResponses => Responses(data),
        FoundryStreamDialect.OpenAiChatCompletions => ChatCompletions(data),
        FoundryStreamDialect.AnthropicMessages => Anthropic(data),
        FoundryStreamDialect.GeminiGenerateContent => Gemini(data),
        _ => null,
    };

    private delegate string? DeltaReader(ref Utf8JsonReader reader);

    private static string? Responses(ReadOnlySpan<byte> data)
        => TypedDelta(data, "response.output_text.delta"u8, StringOrSkip);

    // An event {"type": <type>, …, "delta": …}: "type" comes first in practice; if the delta comes first it is kept
    // until the type is known.
    private static string? TypedDelta(ReadOnlySpan<byte> data, ReadOnlySpan<byte> type, DeltaReader readDelta)
    {
        var reader = Start(data);
        bool? matches = null;
        string? delta = null;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                matches = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(type);
                if (matches == false || delta != null)
                {
                    return matches == true ? delta : null;
                }
            }
            else if (reader.ValueTextEquals("delta"u8))
            {
                reader.Read();
                delta = readDelta(ref reader);
                if (matches == true)
                {
                    return delta;
                }
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        return null;
    }

    /// <summary>What one pass over a chat chunk saw of its choices: <see cref="Known"/> when the chunk has no choice or
    /// exactly one, with index 0 (the common case), so a terminal check needs no second look.</summary>
    public readonly record struct FirstChoice(bool Known, bool Seen, bool Finished);

    /// <summary>
    /// The text of a chat chunk's choice 0, reading that choice whole (its <c>finish_reason</c> too) and no further
    /// than the end of the <c>choices</c> array. A chunk with other choices is left to the caller's fuller look.
    /// </summary>
    public static FirstChoice ChatCompletions(ReadOnlySpan<byte> data, out string? text)
    {
        text = null;
        var reader = Start(data);
        if (!SeekProperty(ref reader, "choices"u8, JsonTokenType.StartArray))
        {
            return new FirstChoice(Known: true, Seen: false, Finished: false);
        }

        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            // An empty array (a usage-only chunk), or something that is not a choice.
            return new FirstChoice(Known: reader.TokenType == JsonTokenType.EndArray, Seen: false, Finished: false);
        }

        long index = 0;
        bool? finished = null;
        var sawDelta = false;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("index"u8))
            {
                reader.Read();
                index = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var i) ? i : -1;
            }
            else if (reader.ValueTextEquals("delta"u8))
            {
                reader.Read();
                text = reader.TokenType == JsonTokenType.StartObject ? StringProperty(ref reader, "content"u8) : StringOrSkip(ref reader);
                sawDelta = true;
            }
            else if (reader.ValueTextEquals("finish_reason"u8))
            {
                reader.Read();
                finished = reader.TokenType == JsonTokenType.String;
            }
            else
            {
                SkipValue(ref reader);
            }

            if (index == 0 && sawDelta)
            {
                // The rest (logprobs, finish_reason, usage, …) is only searched, not tokenised: another "index" means
                // another choice; a finish_reason that is not null finishes choice 0.
                var rest = data[(int)reader.BytesConsumed..];
                if (ChoiceScan.FindQuoted(rest, "index"u8) >= 0)
                {
                    break;
                }

                return new FirstChoice(Known: true, Seen: true, Finished: finished ?? ChoiceScan.HasNonNullValue(rest, "finish_reason"u8));
            }
        }

        // Several choices, or the first is not choice 0: the text comes from choice 0 wherever it stands.
        text = ChatCompletions(data);
        return new FirstChoice(Known: false, Seen: true, Finished: false);
    }

    // Only the first choice (index 0): with n > 1 the choices' texts would interleave.
    private static string? ChatCompletions(ReadOnlySpan<byte> data)
    {
        var reader = Start(data);
        if (!SeekProperty(ref reader, "choices"u8, JsonTokenType.StartArray))
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            long? index = null;
            string? content = null;
            while (NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("index"u8))
                {
                    reader.Read();
                    index = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var i) ? i : -1;
                }
                else if (reader.ValueTextEquals("delta"u8))
                {
                    reader.Read();
                    content = reader.TokenType == JsonTokenType.StartObject ? StringProperty(ref reader, "content"u8) : StringOrSkip(ref reader);
                }
                else
                {
                    SkipValue(ref reader);
                }

                if (index == 0 && content != null)
                {
                    return content;
                }
            }

            if (index is null or 0 && content != null)
            {
                return content;
            }
        }

        return null;
    }

    private static string? Anthropic(ReadOnlySpan<byte> data)
        => TypedDelta(data, "content_block_delta"u8, AnthropicTextDelta);

    // {"type":"text_delta","text":"…"}; thinking_delta and input_json_delta are not answer text.
    private static string? AnthropicTextDelta(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return StringOrSkip(ref reader);
        }

        var isText = false;
        string? text = null;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                isText = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("text_delta"u8);
            }
            else if (reader.ValueTextEquals("text"u8))
            {
                reader.Read();
                text = StringOrSkip(ref reader);
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        return isText ? text : null;
    }

    private static string? Gemini(ReadOnlySpan<byte> data)
    {
        // Only the first candidate.
        var reader = Start(data);
        if (!SeekProperty(ref reader, "candidates"u8, JsonTokenType.StartArray) || !reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        return SeekProperty(ref reader, "content"u8, JsonTokenType.StartObject) ? GeminiParts(ref reader) : null;
    }

    // content: {"parts":[{"text":"…"},{"text":"…","thought":true}],"role":"model"}; thought parts are reasoning.
    private static string? GeminiParts(ref Utf8JsonReader reader)
    {
        string? result = null;
        while (SeekProperty(ref reader, "parts"u8, JsonTokenType.StartArray))
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                string? text = null;
                var thought = false;
                while (NextProperty(ref reader))
                {
                    if (reader.ValueTextEquals("text"u8))
                    {
                        reader.Read();
                        text = StringOrSkip(ref reader);
                    }
                    else if (reader.ValueTextEquals("thought"u8))
                    {
                        reader.Read();
                        thought = reader.TokenType == JsonTokenType.True;
                    }
                    else
                    {
                        SkipValue(ref reader);
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

    private static Utf8JsonReader Start(ReadOnlySpan<byte> data)
    {
        var reader = new Utf8JsonReader(data);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("the event is not a JSON object");
        }

        return reader;
    }

    private static bool NextProperty(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType == JsonTokenType.PropertyName;

    // Skips to the next property called name whose value starts with token and leaves the reader on that value;
    // false at the object's end.
    private static bool SeekProperty(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, JsonTokenType token)
    {
        while (NextProperty(ref reader))
        {
            var match = reader.ValueTextEquals(name);
            reader.Read();
            if (match && reader.TokenType == token)
            {
                return true;
            }

            reader.Skip();
        }

        return false;
    }

    private static void SkipValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }

    // On a value: its string, or null after skipping anything else.
    private static string? StringOrSkip(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        reader.Skip();
        return null;
    }

    // On an object: the string value of one property (null if absent or not a string); reads to the object's end.
    private static string? StringProperty(ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        string? value = null;
        while (NextProperty(ref reader))
        {
            var match = reader.ValueTextEquals(name);
            reader.Read();
            if (match && reader.TokenType == JsonTokenType.String)
            {
                value = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }

        return value;
    }
}
