using System;
using System.Text.Json;

namespace Foundry.Generated.Runtime;

/// <summary>
/// Turns one event's JSON into what a stream yields: the whole typed event, or only its answer text. A struct type
/// argument, so the decoder is compiled once per kind with no delegate or interface call per event.
/// </summary>
internal interface IStreamValueReader<TSelf, TValue>
    where TSelf : struct, IStreamValueReader<TSelf, TValue>
{
    /// <summary>A reader for one stream of <paramref name="route"/>; per-stream state lives in it. <paramref name="state"/>
    /// is what the caller gave the stream for this reader (an accumulator), or null; <paramref name="scrub"/> is the
    /// call's redaction point, for what the reader keeps of the server's text.</summary>
    static abstract TSelf ForStream(string route, object? state, in TokenScrubber scrub);

    /// <summary>
    /// Reads one event and shows it to the stream's <paramref name="terminal"/> (a reader that walks the event anyway
    /// reports what the terminal check needs from that same pass). False when the event has nothing to yield (a text
    /// stream's lifecycle and tool-call events). <paramref name="error"/> says whether the event still needs the error
    /// search over its bytes (answer text is never an error; a decoded chat chunk shows its own top-level members).
    /// </summary>
    bool TryRead(string eventType, ReadOnlySpan<byte> data, StreamTerminal terminal, out TerminalSignal signal, out TValue value, out ErrorCheck error);

    /// <summary>
    /// Called with the event's JSON once it is known to be an ordinary event (not an error) that will be delivered or
    /// skipped; empty for readers that need nothing more (the JIT removes the call for those struct readers).
    /// </summary>
    void Accepted(ReadOnlySpan<byte> data);
}

/// <summary>Reads each event into the generated type, taking repeated strings from the stream's cache.</summary>
internal readonly struct TypedEventReader<TEvent> : IStreamValueReader<TypedEventReader<TEvent>, TEvent>
    where TEvent : IFoundryJsonReadable<TEvent>
{
    private readonly FoundryStringCache _strings;

    private TypedEventReader(FoundryStringCache strings) => _strings = strings;

    public static TypedEventReader<TEvent> ForStream(string route, object? state, in TokenScrubber scrub) => new(new FoundryStringCache());

    public void Accepted(ReadOnlySpan<byte> data)
    {
    }

    // An error chunk may decode as an ordinary event (OpenRouter sends choices and a top-level error together).
    public bool TryRead(string eventType, ReadOnlySpan<byte> data, StreamTerminal terminal, out TerminalSignal signal, out TEvent value, out ErrorCheck error)
    {
        var reader = new Utf8JsonReader(data);
        if (!reader.Read())
        {
            throw new JsonException("empty data");
        }

        value = TEvent.ReadJson(ref reader, _strings);
        if (value is IFoundryStreamChoices choices && terminal.TryObserveChoices(choices))
        {
            // The chunk type has no error member, so a top-level error is among the members it keeps unread.
            signal = TerminalSignal.None;
            error = ErrorChecks.From(choices.AdditionalProperties);
            return true;
        }

        signal = terminal.Observe(eventType, data);
        error = ErrorCheck.Search;
        return true;
    }
}

/// <summary>
/// Reads only the answer text of each event, in the route's dialect (see <see cref="StreamText"/>). An event that
/// repeats the one before but for its piece takes the shortcut of <see cref="RepeatedTextEvent"/>.
/// </summary>
internal readonly struct StreamTextReader : IStreamValueReader<StreamTextReader, string>
{
    private readonly FoundryStreamDialect _dialect;
    private readonly RepeatedTextEvent _repeated;

    private StreamTextReader(FoundryStreamDialect dialect)
    {
        _dialect = dialect;
        _repeated = new RepeatedTextEvent();
    }

    /// <summary>Events this stream read by the shortcut.</summary>
    internal int Shortcuts => _repeated.Hits;

    public static StreamTextReader ForStream(string route, object? state, in TokenScrubber scrub)
        => new(FoundryRoutes.GetStreamDialect(route) ?? throw new ArgumentException($"route '{route}' does not stream", nameof(route)));

    public void Accepted(ReadOnlySpan<byte> data)
    {
    }

    // An empty delta (chat's first chunk, "content":"") is nothing to show.
    public bool TryRead(string eventType, ReadOnlySpan<byte> data, StreamTerminal terminal, out TerminalSignal signal, out string value, out ErrorCheck error)
    {
        if (_repeated.TryRead(eventType, data, out var repeated))
        {
            // What the event before told the terminal (no signal, choice 0 seen) holds again: it only counts.
            terminal.Count();
            signal = TerminalSignal.None;
            value = repeated!;
            return Yields(value, out error);
        }

        var piece = default(PieceToken);
        string? text;
        if (_dialect == FoundryStreamDialect.OpenAiChatCompletions)
        {
            // One pass: the text reader walks the first choice whole, so it also tells whether it finished.
            var choice = ChatCompletionsDialect.ReadFirstChoice(data, out text, ref piece);
            if (choice.Known)
            {
                terminal.ObserveFirstChoice(choice.Seen, choice.Finished);
                signal = TerminalSignal.None;
            }
            else
            {
                signal = terminal.Observe(eventType, data);
            }
        }
        else
        {
            signal = terminal.Observe(eventType, data);
            text = StreamText.Read(_dialect, data, ref piece);
        }

        // Only an event that said nothing of the stream's end: observing it again changes nothing.
        if (text is not null && signal == TerminalSignal.None && !terminal.Ended)
        {
            _repeated.Remember(eventType, data, piece);
        }
        else
        {
            _repeated.Forget();
        }

        value = text!;
        return Yields(value, out error);
    }

    private static bool Yields(string? text, out ErrorCheck error)
    {
        var yields = !string.IsNullOrEmpty(text);
        error = yields ? ErrorCheck.RuledOut : ErrorCheck.Search;
        return yields;
    }
}
