using System;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Foundry.Generated.Runtime;

/// <summary>
/// OpenAI chat completions streams (and xAI chat). Terminal: <c>data: [DONE]</c>, or a non-null <c>finish_reason</c>
/// on every choice index seen — judged without a parse for most chunks (<see cref="ChoiceScan"/>). Text: the first
/// choice's <c>delta.content</c> (with n &gt; 1 the choices' texts would interleave). Errors: a top-level
/// <c>error</c> object (generic; OpenRouter sends one beside its choices). Usage: <c>prompt_tokens</c> /
/// <c>completion_tokens</c> of the last chunk. Structured output: <c>response_format</c>; the answer is the first
/// choice's <c>message.content</c>.
/// </summary>
internal static class ChatCompletionsDialect
{
    public const string Expected = "data: [DONE] or a finish_reason on every choice";

    /// <summary>What one pass over a chunk saw of its choices: <see cref="Known"/> when the chunk has no choice or
    /// exactly one, with index 0 (the common case), so the terminal check needs no second look.</summary>
    public readonly record struct FirstChoice(bool Known, bool Seen, bool Finished);

    public static void Observe(StreamTerminal terminal, ReadOnlySpan<byte> data)
    {
        if (!ChoiceScan.TryQuick(data, "choices"u8, "finish_reason"u8, out var sawChoice))
        {
            terminal.ObserveChoiceArray(data, "choices"u8, "finish_reason"u8);
        }
        else if (sawChoice)
        {
            terminal.MarkChoice(0, finished: false);
        }
    }

    /// <summary>
    /// The text of a chunk's choice 0 and what the terminal check needs, in one pass: choice 0 is read up to its delta,
    /// the rest of the chunk only searched (another <c>"index"</c> means another choice; a <c>finish_reason</c> that is
    /// not null finishes choice 0). A chunk with other choices is left to the fuller look. <paramref name="piece"/>:
    /// where the text stands, when it was read in this pass.
    /// </summary>
    public static FirstChoice ReadFirstChoice(ReadOnlySpan<byte> data, out string? text, ref PieceToken piece)
    {
        text = null;
        var reader = JsonScan.Start(data);
        if (!JsonScan.SeekProperty(ref reader, "choices"u8, JsonTokenType.StartArray))
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
        while (JsonScan.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("index"u8))
            {
                index = ReadIndex(ref reader);
            }
            else if (reader.ValueTextEquals("delta"u8))
            {
                text = ReadContent(ref reader, ref piece);
                sawDelta = true;
            }
            else if (reader.ValueTextEquals("finish_reason"u8))
            {
                reader.Read();
                finished = reader.TokenType == JsonTokenType.String;
            }
            else
            {
                JsonScan.SkipValue(ref reader);
            }

            if (index == 0 && sawDelta)
            {
                var rest = data[(int)reader.BytesConsumed..];
                if (ChoiceScan.FindQuoted(rest, "index"u8) >= 0)
                {
                    break;
                }

                return new FirstChoice(Known: true, Seen: true, Finished: finished ?? ChoiceScan.HasNonNullValue(rest, "finish_reason"u8));
            }
        }

        // Several choices, or the first is not choice 0: the text comes from choice 0 wherever it stands.
        piece = default;
        text = Text(data);
        return new FirstChoice(Known: false, Seen: true, Finished: false);
    }

    /// <summary>Choice 0's <c>delta.content</c> wherever it stands in the array.</summary>
    public static string? Text(ReadOnlySpan<byte> data)
    {
        var reader = JsonScan.Start(data);
        if (!JsonScan.SeekProperty(ref reader, "choices"u8, JsonTokenType.StartArray))
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            long? index = null;
            string? content = null;
            while (JsonScan.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("index"u8))
                {
                    index = ReadIndex(ref reader);
                }
                else if (reader.ValueTextEquals("delta"u8))
                {
                    PieceToken unused = default;
                    content = ReadContent(ref reader, ref unused);
                }
                else
                {
                    JsonScan.SkipValue(ref reader);
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

    // On the "index" name: its number (-1 when it is not one).
    private static long ReadIndex(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var i) ? i : -1;
    }

    // On the "delta" name: its content string (null when absent or not a string).
    private static string? ReadContent(ref Utf8JsonReader reader, ref PieceToken piece)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.StartObject ? JsonScan.StringProperty(ref reader, "content"u8, ref piece) : JsonScan.StringOrSkip(ref reader, ref piece);
    }

    /// <summary>Structured output: <c>response_format</c> is a strict <c>json_schema</c>.</summary>
    public static void SetStructuredFormat(JsonObject body, JsonNode schema, string name)
    {
        StructuredFormat.Refuse(body, "response_format", "response_format");
        body["response_format"] = new JsonObject
        {
            ["type"] = "json_schema",
            ["json_schema"] = new JsonObject { ["name"] = name, ["schema"] = schema, ["strict"] = true },
        };
    }

    /// <summary>The first choice's <c>message.content</c> and <c>refusal</c>; <c>length</c> cuts it off,
    /// <c>content_filter</c> refuses.</summary>
    public static StructuredAnswer StructuredAnswer(JsonElement root)
    {
        string text = string.Empty;
        string? refusal = null;
        string? finish = null;
        foreach (var choice in JsonElements.Items(root, "choices"))
        {
            finish = JsonElements.String(choice, "finish_reason");
            if (JsonElements.Property(choice, "message") is { } message)
            {
                text = JsonElements.String(message, "content") ?? string.Empty;
                refusal = JsonElements.String(message, "refusal");
            }

            break;
        }

        refusal ??= finish == "content_filter" ? "content_filter" : null;
        return new StructuredAnswer(text, refusal, finish, finish == "length");
    }
}
