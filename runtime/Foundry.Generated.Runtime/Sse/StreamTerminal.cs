using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Foundry.Generated.Runtime;

/// <summary>What one event says about the end of its stream.</summary>
internal enum TerminalSignal
{
    None,
    /// <summary>The stream's last word: it may end now (Responses <c>response.completed</c> / <c>response.incomplete</c>,
    /// Anthropic <c>message_stop</c>, and so on).</summary>
    Ended,
    /// <summary>Responses <c>response.incomplete</c>: the stream ended with a partial answer (a length or content limit).</summary>
    Incomplete,
    /// <summary>Responses <c>response.failed</c>: the stream ended, and the response failed.</summary>
    Failed,
}

/// <summary>
/// Knows, per stream dialect, whether the events seen so far include the stream's terminal event, read from the raw
/// event bytes (never from generated types). One per stream; fed every non-empty event in order by
/// <see cref="StreamEventDecoder"/>.
/// </summary>
/// <remarks>
/// Terminal events: Responses <c>response.completed</c>, <c>response.incomplete</c> or <c>response.failed</c> (the SSE
/// event type, or the JSON <c>type</c> when the server sends data-only events); chat completions (OpenAI and xAI)
/// <c>[DONE]</c>, or a non-null <c>finish_reason</c> on every choice index seen; Anthropic <c>message_stop</c>; Gemini a
/// non-null <c>finishReason</c> on every candidate index seen (a chunk without <c>index</c> is candidate 0), or a
/// <c>promptFeedback.blockReason</c> (the prompt was blocked, so no candidate comes). Any other dialect (none today)
/// is not checked. <c>[DONE]</c> ends any stream but is terminal only for chat completions.
/// </remarks>
internal sealed class StreamTerminal
{
    private readonly FoundryStreamDialect? _dialect;
    private bool _ended;

    // Choice (chat) or candidate (Gemini) indexes seen and finished: bits for 0..63, a set beyond.
    private ulong _seen;
    private ulong _finished;
    private HashSet<long>? _seenHigh;
    private HashSet<long>? _finishedHigh;

    public StreamTerminal(FoundryStreamDialect? dialect, bool failOnIncomplete = false)
    {
        _dialect = dialect;
        FailOnIncomplete = failOnIncomplete;
    }

    /// <summary><see cref="FoundryClientOptions.FailOnIncompleteResponse"/>: a <c>response.incomplete</c> fails the stream.</summary>
    public bool FailOnIncomplete { get; }

    /// <summary>Non-empty events seen (including errors, <c>[DONE]</c> and events with nothing to yield).</summary>
    public int Events { get; private set; }

    /// <summary>True once the stream has said its last word (or the dialect has nothing to check).</summary>
    public bool Ended => _ended || _dialect is null || AllChoicesFinished();

    /// <summary>A short description of the terminal event this dialect expects, for messages.</summary>
    public string Expected => _dialect switch
    {
        FoundryStreamDialect.OpenAiResponses => "response.completed, response.incomplete or response.failed",
        FoundryStreamDialect.OpenAiChatCompletions => "data: [DONE] or a finish_reason on every choice",
        FoundryStreamDialect.AnthropicMessages => "message_stop",
        FoundryStreamDialect.GeminiGenerateContent => "a finishReason on every candidate",
        _ => "a terminal event",
    };

    /// <summary>Counts an event without looking at it (an error event, which ends the stream anyway).</summary>
    public void Count() => Events++;

    /// <summary>The <c>[DONE]</c> sentinel.</summary>
    public void ObserveDone()
    {
        Events++;
        if (_dialect == FoundryStreamDialect.OpenAiChatCompletions)
        {
            _ended = true;
        }
    }

    /// <summary>
    /// What a reader that already walked a chat chunk's choices saw: only choice 0 (or none), and whether it carried
    /// a finish reason. Spares the chunk a second look (see <see cref="StreamTextReader"/>).
    /// </summary>
    public void ObserveFirstChoice(bool sawChoice, bool finished)
    {
        Events++;
        if (sawChoice)
        {
            Mark(0, finished);
        }
    }

    /// <summary>Looks at one event (its SSE type and trimmed, non-empty data).</summary>
    public TerminalSignal Observe(string eventType, ReadOnlySpan<byte> data)
    {
        Events++;
        switch (_dialect)
        {
            case FoundryStreamDialect.OpenAiResponses:
                return Responses(eventType, data);
            case FoundryStreamDialect.AnthropicMessages:
                if (eventType == "message_stop" || (eventType == "message" && data.IndexOf("message_stop"u8) >= 0 && TopLevelTypeIs(data, "message_stop"u8) == 0))
                {
                    _ended = true;
                    return TerminalSignal.Ended;
                }

                return TerminalSignal.None;
            case FoundryStreamDialect.OpenAiChatCompletions:
                if (!ChoiceScan.TryQuick(data, "choices"u8, "finish_reason"u8, out var sawChoice))
                {
                    Choices(data, "choices"u8, "finish_reason"u8);
                }
                else if (sawChoice)
                {
                    Mark(0, finished: false);
                }

                return TerminalSignal.None;
            case FoundryStreamDialect.GeminiGenerateContent:
                if (data.IndexOf("\"blockReason\""u8) >= 0 && Blocked(data))
                {
                    _ended = true;
                    return TerminalSignal.Ended;
                }

                if (!ChoiceScan.TryQuick(data, "candidates"u8, "finishReason"u8, out var sawCandidate))
                {
                    Choices(data, "candidates"u8, "finishReason"u8);
                }
                else if (sawCandidate)
                {
                    Mark(0, finished: false);
                }

                return TerminalSignal.None;
            default:
                return TerminalSignal.None;
        }
    }

    private TerminalSignal Responses(string eventType, ReadOnlySpan<byte> data)
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
            signal = TopLevelTypeIs(data, "response.completed"u8, "response.incomplete"u8, "response.failed"u8) switch
            {
                0 => TerminalSignal.Ended,
                1 => TerminalSignal.Incomplete,
                2 => TerminalSignal.Failed,
                _ => TerminalSignal.None,
            };
        }

        if (signal != TerminalSignal.None)
        {
            _ended = true;
        }

        return signal;
    }

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

    private bool AllChoicesFinished()
        => (_seen != 0 || _seenHigh is { Count: > 0 })
           && (_seen & ~_finished) == 0
           && (_seenHigh is null || _finishedHigh is not null && _finishedHigh.IsSupersetOf(_seenHigh));

    // Top-level array property `arrayName` of objects with an `index` (0 when absent) and a finish property; a
    // non-null finish value marks that index finished for good.
    private void Choices(ReadOnlySpan<byte> data, ReadOnlySpan<byte> arrayName, ReadOnlySpan<byte> finishName)
    {
        try
        {
            var reader = new Utf8JsonReader(data);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isArray = reader.ValueTextEquals(arrayName);
                reader.Read();
                if (!isArray || reader.TokenType != JsonTokenType.StartArray)
                {
                    reader.Skip();
                    continue;
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                {
                    long index = 0;
                    var finished = false;
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        if (reader.ValueTextEquals("index"u8))
                        {
                            reader.Read();
                            index = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var i) ? i : 0;
                        }
                        else if (reader.ValueTextEquals(finishName))
                        {
                            reader.Read();
                            finished = reader.TokenType == JsonTokenType.String;
                        }
                        else
                        {
                            reader.Read();
                            reader.Skip();
                        }
                    }

                    Mark(index, finished);
                }

                return;
            }
        }
        catch (JsonException)
        {
            // The decoder reports undecodable events; here they simply say nothing about the end.
        }
    }

    private void Mark(long index, bool finished)
    {
        if (index is >= 0 and < 64)
        {
            var bit = 1UL << (int)index;
            _seen |= bit;
            if (finished)
            {
                _finished |= bit;
            }

            return;
        }

        (_seenHigh ??= new HashSet<long>()).Add(index);
        if (finished)
        {
            (_finishedHigh ??= new HashSet<long>()).Add(index);
        }
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

    // Which of the given strings the object's top-level "type" is (0, 1 or 2), or -1; reads only up to "type",
    // which comes first in practice.
    private static int TopLevelTypeIs(ReadOnlySpan<byte> data, ReadOnlySpan<byte> type, ReadOnlySpan<byte> other = default, ReadOnlySpan<byte> third = default)
    {
        try
        {
            var reader = new Utf8JsonReader(data);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return -1;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isType = reader.ValueTextEquals("type"u8);
                reader.Read();
                if (isType)
                {
                    return reader.TokenType != JsonTokenType.String ? -1
                        : reader.ValueTextEquals(type) ? 0
                        : !other.IsEmpty && reader.ValueTextEquals(other) ? 1
                        : !third.IsEmpty && reader.ValueTextEquals(third) ? 2
                        : -1;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }

        return -1;
    }
}
