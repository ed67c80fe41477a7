using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Foundry.Generated.Consumer.Tests.Sse;
using Foundry.Generated.OpenAi;
using Foundry.Generated.Runtime;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Accumulation;

/// <summary>
/// The Responses accumulator on every recorded OpenAI and xAI Responses stream of tests/fixtures/sse (see SOURCES.md
/// there): its result is the <c>response</c> of the stream's terminal event, and the same output is built from the
/// events before that terminal, and its text, arguments and code from the delta events alone.
/// </summary>
public sealed class ResponsesAccumulatorTests
{
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var fixture in RecordedEvent.Fixtures("openai-responses-", "xai-responses-"))
        {
            if (Terminal(RecordedEvent.Of(fixture)) is not null && !fixture.Contains("error-event", StringComparison.Ordinal))
            {
                data.Add(fixture);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task The_accumulated_response_is_the_terminal_events_response_and_writes_back_whole(string fixture)
    {
        var events = RecordedEvent.Of(fixture);
        var expected = Terminal(events)!;

        var (delivered, accumulator) = await Accumulate(RecordedStream.Bytes(fixture));

        Assert.Equal(events.Count, delivered);
        Assert.Equal(events.Count, accumulator.EventCount);
        Assert.Empty(accumulator.UnknownEvents);
        AssertJson.Equal(expected, JsonNode.Parse(accumulator.ToResponseJson()));
        // Read by the generated reader and written by the generated writer, nothing is lost.
        AssertJson.Equal(expected, JsonNode.Parse(FoundryJson.Serialize(accumulator.ToResponse())));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Without_the_terminal_event_the_events_build_the_same_output(string fixture)
    {
        var events = RecordedEvent.Of(fixture);
        var expected = Terminal(events)!;
        var before = events.Where(e => !IsTerminal(e)).ToList();

        var (_, accumulator) = await Accumulate(RecordedEvent.Body(before), allowMissingTerminal: true);

        var built = JsonNode.Parse(accumulator.ToResponseJson())!;
        Assert.Equal(expected["id"]!.GetValue<string>(), built["id"]!.GetValue<string>());
        // OpenAI encrypts reasoning and compaction content anew for the terminal event: the blob differs, its place does not.
        AssertJson.Equal(AssertJson.Opaque(expected["output"], "encrypted_content"), AssertJson.Opaque(built["output"], "encrypted_content"));
        AssertJson.Equal(AssertJson.Opaque(expected["output"], "encrypted_content"), AssertJson.Opaque(JsonNode.Parse(FoundryJson.Serialize(accumulator.ToResponse()))!["output"], "encrypted_content"));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task The_delta_events_alone_build_the_text_arguments_and_code(string fixture)
    {
        var events = RecordedEvent.Of(fixture);
        var expected = Terminal(events)!;
        // No whole value at all: no .done event, no terminal; only what was added and the pieces.
        var pieces = events.Where(e => !IsTerminal(e) && e.JsonType is { } t && !t.EndsWith(".done", StringComparison.Ordinal)).ToList();

        var (_, accumulator) = await Accumulate(RecordedEvent.Body(pieces), allowMissingTerminal: true);

        var built = JsonNode.Parse(accumulator.ToResponseJson())!;
        Assert.Equal(Streamed(expected["output"]), Streamed(built["output"]));
        Assert.NotEmpty(Streamed(expected["output"]));
    }

    [Fact]
    public async Task An_event_of_a_type_it_does_not_know_is_kept_whole_and_the_rest_still_adds_up()
    {
        // A real stream with its text pieces renamed to an event type nobody has defined yet.
        var events = RecordedEvent.Of("openai-responses-text.sse");
        var renamed = events.Select(e => e.JsonType == "response.output_text.delta"
            ? new RecordedEvent("response.future.delta", e.Data.Replace("\"response.output_text.delta\"", "\"response.future.delta\"", StringComparison.Ordinal))
            : e).ToList();
        var expected = Terminal(events)!;

        var (delivered, accumulator) = await Accumulate(RecordedEvent.Body(renamed));

        Assert.Equal(events.Count, delivered);
        Assert.Equal(renamed.Count(e => e.Type == "response.future.delta"), accumulator.UnknownEvents.Count);
        Assert.All(accumulator.UnknownEvents, e => Assert.Equal("response.future.delta", e.GetProperty("type").GetString()));
        AssertJson.Equal(expected, JsonNode.Parse(accumulator.ToResponseJson()));
    }

    [Fact]
    public async Task A_stream_cut_short_fails_and_the_accumulator_still_holds_what_arrived()
    {
        var events = RecordedEvent.Of("openai-responses-text.sse");
        var cut = events.Take(events.FindLastIndex(e => e.JsonType == "response.output_text.delta")).ToList();
        using var client = RecordedStream.Client(RecordedEvent.Body(cut), 7);
        var accumulator = new FoundryStreamAccumulator<Response>();
        var shown = new System.Text.StringBuilder();

        var error = await Assert.ThrowsAsync<FoundryStreamException>(async () =>
        {
            await foreach (var e in client.OpenAiResponses.StreamAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "x" }, accumulator))
            {
                shown.Append((e as ResponseTextDeltaEvent)?.Delta);
            }
        });

        Assert.Equal(FoundryStreamFailure.Truncated, error.Failure);
        Assert.Equal(cut.Count, accumulator.EventCount);
        var text = JsonNode.Parse(FoundryJson.Serialize(accumulator.ToResponse()))!["output"]![0]!["content"]![0]!["text"]!.GetValue<string>();
        Assert.Equal(shown.ToString(), text);
        Assert.NotEmpty(text);
    }

    [Fact]
    public async Task One_accumulator_collects_one_stream()
    {
        var body = RecordedStream.Bytes("openai-responses-text.sse");
        var (_, accumulator) = await Accumulate(body);
        using var client = RecordedStream.Client(body);

        var again = client.OpenAiResponses.StreamAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "x" }, accumulator);

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await again.GetAsyncEnumerator().MoveNextAsync());
        Assert.Throws<InvalidOperationException>(() => new FoundryStreamAccumulator<Response>().ToResponse());
    }

    internal static async Task<(int Delivered, FoundryStreamAccumulator<Response> Accumulator)> Accumulate(byte[] body, bool allowMissingTerminal = false)
    {
        using var client = RecordedStream.Client(body, 7, o => o.AllowMissingStreamTerminal = allowMissingTerminal);
        var accumulator = new FoundryStreamAccumulator<Response>();
        var delivered = 0;
        await foreach (var e in client.OpenAiResponses.StreamAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "x" }, accumulator))
        {
            Assert.NotNull(e);
            delivered++;
        }

        return (delivered, accumulator);
    }

    private static bool IsTerminal(RecordedEvent e) => e.JsonType is "response.completed" or "response.incomplete" or "response.failed";

    private static JsonNode? Terminal(List<RecordedEvent> events) => events.LastOrDefault(IsTerminal)?.Json?["response"];

    // The members of the output that arrive in pieces, with their place: text, refusals, arguments, code, input, diffs.
    private static List<string> Streamed(JsonNode? output)
    {
        var found = new List<string>();
        Walk(output, "output", found);
        return found;
    }

    private static void Walk(JsonNode? node, string path, List<string> found)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, value) in o)
                {
                    if (name is "annotations" or "logprobs" or "results" or "outputs" or "tools" or "action")
                    {
                        // Whole values, placed by their own events (or only by the item's done).
                        continue;
                    }

                    if (name is "text" or "refusal" or "arguments" or "code" or "input" or "diff" && value is JsonValue v && v.TryGetValue<string>(out var s))
                    {
                        found.Add(path + "." + name + "=" + s);
                    }
                    else
                    {
                        Walk(value, path + "." + name, found);
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    Walk(a[i], path + "[" + i + "]", found);
                }

                break;
        }
    }
}
