using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Foundry.Generated.OpenAi;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Sse;

/// <summary>
/// A body cut inside its last event (no closing blank line) is <see cref="FoundryStreamFailure.Truncated"/> naming the
/// cut — also when that event is the first — and every failure message counts the events that arrived, not only the
/// values delivered (a text stream's lifecycle events carry no text).
/// </summary>
public sealed class CutStreamTests
{
    private static readonly CreateResponse Request = new() { Model = ResponsesModel.Gpt5Mini, Input = "x" };

    // The first `events` events of the recorded Responses text stream, whole (each with its closing blank line).
    private static string FirstEvents(int events)
    {
        var text = Encoding.UTF8.GetString(RecordedStream.Bytes("openai-responses-text.sse")).Replace("\r\n", "\n");
        return string.Concat(text.Split("\n\n").Take(events).Select(e => e + "\n\n"));
    }

    public static TheoryData<int> ReadSizes => new(RecordedStream.ReadSizes);

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public async Task A_last_event_cut_mid_json_is_truncated_after_the_events_before_it(int readSize)
    {
        var body = FirstEvents(5) + "event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\",\"item_id\":\"msg_1\",\"del";
        using var client = RecordedStream.Client(Encoding.UTF8.GetBytes(body), readSize);

        var (events, error) = await StreamTerminalTests.Collect(client.OpenAiResponses.StreamAsync(Request));

        Assert.NotNull(error);
        Assert.Equal(FoundryStreamFailure.Truncated, error!.Failure);
        Assert.Equal(5, events.Count);
        Assert.Equal(5, error.EventsArrived);
        Assert.Contains("the stream ended inside event #6", error.Message);
    }

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public async Task A_first_event_cut_mid_json_is_truncated_not_an_empty_stream(int readSize)
    {
        var body = "event: response.created\ndata: {\"type\":\"response.created\",\"response\":{\"id\":\"resp_1\",\"obj";
        using var client = RecordedStream.Client(Encoding.UTF8.GetBytes(body), readSize);

        var (events, error) = await StreamTerminalTests.Collect(client.OpenAiResponses.StreamTextAsync(Request));

        Assert.Empty(events);
        Assert.Equal(FoundryStreamFailure.Truncated, error!.Failure);
        Assert.Contains("the stream ended inside its first event", error.Message);
        Assert.DoesNotContain("held no event", error.Message);
    }

    [Fact]
    public async Task A_text_stream_failure_counts_the_events_that_arrived_without_text()
    {
        var body = FirstEvents(4) + "event: response.output_text.delta\ndata: {not json}\n\n";
        using var client = RecordedStream.Client(Encoding.UTF8.GetBytes(body), int.MaxValue);

        var (text, error) = await StreamTerminalTests.Collect(client.OpenAiResponses.StreamTextAsync(Request));

        Assert.Empty(text);
        Assert.Equal(FoundryStreamFailure.InvalidEvent, error!.Failure);
        Assert.Equal(0, error.EventsReceived);
        Assert.Equal(4, error.EventsArrived);
        Assert.StartsWith("Foundry openai-responses stream failed after 4 event(s) (0 delivered): event #5 (response.output_text.delta) could not be decoded", error.Message);
    }
}
