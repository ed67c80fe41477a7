using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Foundry.Generated.Consumer.Tests.Sse;
using Foundry.Generated.OpenAi;
using Foundry.Generated.Runtime;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Accumulation;

/// <summary>
/// The chat-completions accumulator on every recorded chat stream of tests/fixtures/sse (OpenAI, xAI, Groq,
/// OpenRouter): equal to what the openai SDK's <c>finalChatCompletion()</c> builds from the same recording where that
/// SDK gets through it (with xAI's <c>reasoning_content</c> joined, as openai-python does, where openai-node keeps the
/// last piece), and past the chunks without <c>choices</c> of the audio recordings, where openai-node stops.
/// </summary>
public sealed class ChatCompletionsAccumulatorTests
{
    public static TheoryData<string> WithSdkExpectation() => Data(f => SdkExpectations.Of(f) is not null);

    public static TheoryData<string> All() => Data(_ => true);

    [Theory]
    [MemberData(nameof(WithSdkExpectation))]
    public async Task The_accumulated_completion_is_the_one_the_openai_sdk_builds(string fixture)
    {
        var expected = SdkExpectations.WithoutHelperMembers(SdkExpectations.Of(fixture))!;
        // openai-node keeps only the last piece of a delta member it does not know (xAI's reasoning_content);
        // openai-python's accumulate_delta joins every string piece, as ours does.
        foreach (var choice in expected["choices"]!.AsArray().OfType<JsonObject>())
        {
            var deltas = RecordedEvent.Of(fixture).Select(e => e.Json).OfType<JsonObject>()
                .SelectMany(c => c["choices"] as JsonArray ?? []).OfType<JsonObject>()
                .Where(c => c["index"]!.GetValue<int>() == choice["index"]!.GetValue<int>()).Select(c => c["delta"]).ToList();
            if (Joined(deltas.Select(d => d?["reasoning_content"])) is { } reasoning)
            {
                choice["message"]!["reasoning_content"] = reasoning;
            }
        }


        var (_, accumulator, error) = await Accumulate(RecordedStream.Bytes(fixture));

        Assert.Null(error);
        Assert.Empty(accumulator.UnknownEvents);
        AssertJson.Equal(expected, JsonNode.Parse(accumulator.ToResponseJson()));
        AssertJson.Equal(expected, JsonNode.Parse(FoundryJson.Serialize(accumulator.ToResponse())));
    }

    [Theory]
    [MemberData(nameof(All))]
    public async Task Every_chunk_counts_and_the_text_is_the_joined_pieces(string fixture)
    {
        var chunks = RecordedEvent.Of(fixture).Select(e => e.Json).OfType<JsonObject>().ToList();

        var (delivered, accumulator, error) = await Accumulate(RecordedStream.Bytes(fixture));

        // A stream that fails mid-way (an error chunk) keeps what arrived before it.
        var before = error is null ? chunks : chunks.Take(delivered).ToList();
        Assert.Equal(delivered, accumulator.EventCount);
        var built = JsonNode.Parse(FoundryJson.Serialize(accumulator.ToResponse()))!;
        var choices = before.SelectMany(c => c["choices"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        foreach (var index in choices.Select(c => c["index"]!.GetValue<int>()).Distinct())
        {
            var message = built["choices"]!.AsArray().Single(c => c!["index"]!.GetValue<int>() == index)!["message"]!;
            var deltas = choices.Where(c => c["index"]!.GetValue<int>() == index).Select(c => c["delta"]).OfType<JsonObject>().ToList();
            foreach (var member in new[] { "content", "refusal", "reasoning_content" })
            {
                var joined = Joined(deltas.Select(d => d[member]));
                Assert.Equal(joined, message[member]?.GetValue<string>());
            }

            foreach (var member in new[] { "data", "transcript" })
            {
                Assert.Equal(Joined(deltas.Select(d => d["audio"]?[member])), message["audio"]?[member]?.GetValue<string>());
            }
        }

        AssertJson.Equal(before.LastOrDefault(c => c["usage"] is JsonObject)?["usage"], built["usage"]);
    }

    internal static async Task<(int Delivered, FoundryStreamAccumulator<CreateChatCompletionResponse> Accumulator, FoundryStreamException? Error)> Accumulate(byte[] body)
    {
        using var client = RecordedStream.Client(body, 7);
        var accumulator = new FoundryStreamAccumulator<CreateChatCompletionResponse>();
        var delivered = 0;
        try
        {
            await foreach (var chunk in client.OpenAiChatCompletions.StreamAsync(new CreateChatCompletionRequest { Model = ChatCompletionsModel.Gpt4o, Messages = [] }, accumulator))
            {
                Assert.NotNull(chunk);
                delivered++;
            }
        }
        catch (FoundryStreamException e)
        {
            return (delivered, accumulator, e);
        }

        return (delivered, accumulator, null);
    }

    private static string? Joined(IEnumerable<JsonNode?> pieces)
    {
        var strings = pieces.Where(p => p is JsonValue v && v.TryGetValue<string>(out _)).Select(p => p!.GetValue<string>()).ToList();
        return strings.Count == 0 ? null : string.Concat(strings);
    }

    private static TheoryData<string> Data(Func<string, bool> keep)
    {
        var data = new TheoryData<string>();
        foreach (var fixture in RecordedEvent.Fixtures("openai-chat-", "xai-chat-", "groq-chat-", "openrouter-chat-").Where(keep))
        {
            data.Add(fixture);
        }

        return data;
    }
}
