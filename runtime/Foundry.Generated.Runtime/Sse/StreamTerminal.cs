using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Foundry.Generated.Runtime;

/// <summary>What one event says about the end of its stream.</summary>
internal enum TerminalSignal
{
    None,
    /// <summary>The stream's last word: it may end now (Responses <c>response.completed</c>, Anthropic
    /// <c>message_stop</c>, and so on).</summary>
    Ended,
    /// <summary>Responses <c>response.incomplete</c>: the stream ended with a partial answer (a length or content limit).</summary>
    Incomplete,
    /// <summary>Responses <c>response.failed</c>: the stream ended, and the response failed.</summary>
    Failed,
}

/// <summary>
/// Knows whether the events seen so far include the stream's terminal event, by the rules of the stream's dialect
/// (one file each: <see cref="ResponsesDialect"/>, <see cref="ChatCompletionsDialect"/>, <see cref="AnthropicDialect"/>,
/// <see cref="GeminiDialect"/>), read from the raw event bytes (never from generated types). One per stream; fed
/// every non-empty event in order by <see cref="StreamEventDecoder"/>. Any other dialect (none today) is not checked.
/// <c>[DONE]</c> ends any stream but is terminal only for chat completions.
/// </summary>
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
        FoundryStreamDialect.OpenAiResponses => ResponsesDialect.Expected,
        FoundryStreamDialect.OpenAiChatCompletions => ChatCompletionsDialect.Expected,
        FoundryStreamDialect.AnthropicMessages => AnthropicDialect.Expected,
        FoundryStreamDialect.GeminiGenerateContent => GeminiDialect.Expected,
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
            MarkChoice(0, finished);
        }
    }

    /// <summary>
    /// What a decoded chat chunk says of its choices, instead of a look at its bytes; false (nothing recorded) for a
    /// dialect whose terminal rules are not only choices.
    /// </summary>
    public bool TryObserveChoices(IFoundryStreamChoices choices)
    {
        if (_dialect != FoundryStreamDialect.OpenAiChatCompletions)
        {
            return false;
        }

        Events++;
        var count = choices.ChoiceCount;
        for (var i = 0; i < count; i++)
        {
            MarkChoice(choices.ChoiceIndex(i), choices.ChoiceFinished(i));
        }

        return true;
    }

    /// <summary>Looks at one event (its SSE type and trimmed, non-empty data).</summary>
    public TerminalSignal Observe(string eventType, ReadOnlySpan<byte> data)
    {
        Events++;
        switch (_dialect)
        {
            case FoundryStreamDialect.OpenAiResponses:
                var signal = ResponsesDialect.Terminal(eventType, data);
                _ended |= signal != TerminalSignal.None;
                return signal;
            case FoundryStreamDialect.AnthropicMessages:
                if (AnthropicDialect.IsStop(eventType, data))
                {
                    _ended = true;
                    return TerminalSignal.Ended;
                }

                return TerminalSignal.None;
            case FoundryStreamDialect.OpenAiChatCompletions:
                ChatCompletionsDialect.Observe(this, data);
                return TerminalSignal.None;
            case FoundryStreamDialect.GeminiGenerateContent:
                if (GeminiDialect.Observe(this, data))
                {
                    _ended = true;
                    return TerminalSignal.Ended;
                }

                return TerminalSignal.None;
            default:
                return TerminalSignal.None;
        }
    }

    /// <summary>
    /// The full look at a top-level array property <paramref name="arrayName"/> of objects with an <c>index</c> (0 when
    /// absent) and a finish property: a non-null finish value marks that index finished for good.
    /// </summary>
    public void ObserveChoiceArray(ReadOnlySpan<byte> data, ReadOnlySpan<byte> arrayName, ReadOnlySpan<byte> finishName)
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

                    MarkChoice(index, finished);
                }

                return;
            }
        }
        catch (JsonException)
        {
            // The decoder reports undecodable events; here they simply say nothing about the end.
        }
    }

    public void MarkChoice(long index, bool finished)
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

    private bool AllChoicesFinished()
        => (_seen != 0 || _seenHigh is { Count: > 0 })
           && (_seen & ~_finished) == 0
           && (_seenHigh is null || _finishedHigh is not null && _finishedHigh.IsSupersetOf(_seenHigh));
}
