using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Sse;

/// <summary>
/// A regression guard that does not depend on timing: decoding a recorded stream, scaled up by repeating its text
/// events, may allocate at most a budget per event on each route — typed events and text alone. A change that adds an
/// allocation per event (a copy, a boxed value, a parse into a document) fails here. Measured with
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/> while the in-memory stream is read synchronously on this thread.
/// </summary>
public sealed class AllocationBudgetTests
{
    private const int Repeats = 400;

    // Route, recorded stream, what marks its text events, and the budgets in bytes per event (typed, text): measured
    // 2026-12-07 (typed 235, 370, 390, 199, 855; text 152, 71, 78, 111, 112) plus about 15 %. The typed budget is the event objects themselves; the text one the string.
    public static TheoryData<string, string, string, int, int> Routes => new()
    {
        { "responses", "openai-responses-text.sse", "\"type\":\"response.output_text.delta\"", 270, 175 },
        { "chat", "openai-chat-text-usage.sse", "\"delta\":{\"content\"", 425, 82 },
        { "xai-chat", "xai-chat-reasoning-text.sse", "\"delta\":{\"content\"", 450, 90 },
        { "anthropic", "anthropic-messages-text.sse", "\"text_delta\"", 230, 128 },
        { "gemini", "gemini-stream-text-crlf.sse", "\"text\"", 985, 129 },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public void Decoding_a_recorded_stream_stays_within_its_allocation_budget_per_event(string route, string fixture, string textMarker, int typedBudget, int textBudget)
    {
        var (body, events) = Scaled(fixture, textMarker);

        var typed = PerEvent(StreamTerminalTests.Typed(RecordedStream.Client(body), route), events);
        var text = PerEvent(StreamTerminalTests.Text(RecordedStream.Client(body), route), events);

        Assert.True(typed <= typedBudget, $"{route}: typed events allocate {typed} B per event, budget {typedBudget} B");
        Assert.True(text <= textBudget, $"{route}: text allocates {text} B per event, budget {textBudget} B");
    }

    // The recorded stream with each text event repeated Repeats times in place (terminal events stay last), and the
    // number of events in it.
    internal static (byte[] Body, int Events) Scaled(string fixture, string textMarker)
    {
        var text = Encoding.UTF8.GetString(RecordedStream.Bytes(fixture)).Replace("\r\n", "\n");
        var events = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Where(e => e.Trim().Length > 0).ToList();
        var scaled = new List<string>();
        foreach (var e in events)
        {
            var isText = e.Contains(textMarker, StringComparison.Ordinal) && !e.Contains("finish", StringComparison.OrdinalIgnoreCase);
            scaled.AddRange(Enumerable.Repeat(e, isText ? Repeats : 1));
        }

        return (Encoding.UTF8.GetBytes(string.Concat(scaled.Select(e => e + "\n\n"))), scaled.Count);
    }

    // Bytes allocated on this thread per event of the stream, after its first value (the request, the response head
    // and the stream's one-time buffers are not per event). The in-memory handler answers synchronously, so every
    // step runs on this thread; a step that did not is reported rather than measured wrongly.
    internal static long PerEvent<T>(IAsyncEnumerable<T> stream, int events)
    {
        var enumerator = stream.GetAsyncEnumerator();
        Assert.True(Step(enumerator), "the stream yielded nothing");
        var before = GC.GetAllocatedBytesForCurrentThread();
        while (Step(enumerator))
        {
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(enumerator.DisposeAsync().IsCompleted);
        return allocated / events;
    }

    private static bool Step<T>(IAsyncEnumerator<T> enumerator)
    {
        var next = enumerator.MoveNextAsync();
        Assert.True(next.IsCompleted, "a read went asynchronous: allocations on other threads would not be counted");
        return next.Result;
    }
}
