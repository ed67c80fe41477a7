using System;

namespace Foundry.Generated.Runtime;

/// <summary>
/// Reads each event into the generated type as <see cref="TypedEventReader{TEvent}"/> does, and gives the same event's
/// raw JSON to the caller's accumulator: one pass over the stream, no typed event written back to JSON. A separate
/// reader type, so a stream without an accumulator runs exactly the code it ran before.
/// </summary>
internal readonly struct AccumulatingEventReader<TEvent> : IStreamValueReader<AccumulatingEventReader<TEvent>, TEvent>
    where TEvent : IFoundryJsonReadable<TEvent>
{
    private readonly TypedEventReader<TEvent> _typed;
    private readonly Foundry.Generated.FoundryStreamAccumulator _accumulator;

    private AccumulatingEventReader(TypedEventReader<TEvent> typed, Foundry.Generated.FoundryStreamAccumulator accumulator)
    {
        _typed = typed;
        _accumulator = accumulator;
    }

    /// <summary>Binds the accumulator (<paramref name="state"/>) to this stream when its enumeration starts.</summary>
    public static AccumulatingEventReader<TEvent> ForStream(string route, object? state, in TokenScrubber scrub)
    {
        var accumulator = (Foundry.Generated.FoundryStreamAccumulator)state!;
        accumulator.Begin(route, scrub);
        return new(TypedEventReader<TEvent>.ForStream(route, null, scrub), accumulator);
    }

    public bool TryRead(string eventType, ReadOnlySpan<byte> data, StreamTerminal terminal, out TerminalSignal signal, out TEvent value, out ErrorCheck error)
        => _typed.TryRead(eventType, data, terminal, out signal, out value, out error);

    public void Accepted(ReadOnlySpan<byte> data) => _accumulator.Add(data);
}
