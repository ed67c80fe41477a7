using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Foundry.Generated.Consumer.Tests.ExtensionsAI;
using Foundry.Generated.Consumer.Tests.Sse;
using Foundry.Generated.Gemini;
using Foundry.Generated.Runtime;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Accumulation;

/// <summary>
/// The Gemini accumulator on every recorded Gemini stream of tests/fixtures/sse. google-genai keeps a streamed turn as
/// one content per chunk (its chat history); ours is one content per candidate with those parts in order: the same
/// text (answer and thought apart), the same other parts and signatures, and each call whose arguments streamed as
/// Vertex AI partialArgs once, with the arguments vercel/ai's tests expect from the same recordings.
/// </summary>
public sealed class GeminiAccumulatorTests
{
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var fixture in RecordedEvent.Fixtures("gemini-stream-"))
        {
            data.Add(fixture);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task The_parts_of_every_chunk_are_merged_per_candidate(string fixture)
    {
        var chunks = RecordedEvent.Of(fixture).Select(e => e.Json).OfType<JsonObject>().ToList();

        var accumulator = await Accumulate(RecordedStream.Bytes(fixture));

        Assert.Empty(accumulator.UnknownEvents);
        var built = JsonNode.Parse(FoundryJson.Serialize(accumulator.ToResponse()))!;
        AssertJson.Equal(JsonNode.Parse(accumulator.ToResponseJson()), built);
        var candidates = chunks.SelectMany(c => c["candidates"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        foreach (var group in candidates.GroupBy(c => c["index"]?.GetValue<int>() ?? 0))
        {
            var candidate = built["candidates"]!.AsArray().Single(c => (c!["index"]?.GetValue<int>() ?? 0) == group.Key)!;
            var streamed = group.SelectMany(c => c["content"]?["parts"] as JsonArray ?? []).OfType<JsonObject>().ToList();
            var parts = candidate["content"]!["parts"]!.AsArray().OfType<JsonObject>().ToList();
            foreach (var thought in new[] { false, true })
            {
                Assert.Equal(Text(streamed, thought), Text(parts, thought));
            }

            Assert.Equal(Signatures(streamed), Signatures(parts));
            var other = Other(streamed, Piecewise(streamed));
            var kept = Other(parts, Piecewise(streamed));
            Assert.Equal(other.Count, kept.Count);
            for (var i = 0; i < other.Count; i++)
            {
                AssertJson.Equal(other[i], kept[i]);
            }
            Assert.Equal(group.Last(c => c["finishReason"] is not null)["finishReason"]!.GetValue<string>(), candidate["finishReason"]!.GetValue<string>());
        }

        AssertJson.Equal(chunks.Last(c => c["usageMetadata"] is not null)["usageMetadata"], built["usageMetadata"]);
    }

    public static TheoryData<string, string[]> Recordings() => GeminiStreamedArgumentsTests.Recordings();

    [Theory]
    [MemberData(nameof(Recordings))]
    public async Task Calls_with_streamed_arguments_become_one_call_each_with_whole_arguments(string fixture, string[] expected)
    {
        var accumulator = await Accumulate(RecordedStream.Bytes(fixture));

        var calls = accumulator.ToResponse().Candidates!.Single().Content!.Parts!.Select(p => p.FunctionCall).OfType<FunctionCall>().ToList();
        // A call the stream gave whole without args has none (the adapter's "{}").
        Assert.Equal(expected, calls.Select(c => c.Name + " " + (c.Args is { } args ? JsonNode.Parse(args.GetRawText())!.ToJsonString() : "{}")));
        Assert.All(calls, c => Assert.Null(c.PartialArgs));
        Assert.All(calls, c => Assert.Null(c.WillContinue));
    }

    private static async Task<FoundryStreamAccumulator<GenerateContentResponse>> Accumulate(byte[] body)
    {
        using var client = RecordedStream.Client(body, 7);
        var accumulator = new FoundryStreamAccumulator<GenerateContentResponse>();
        await foreach (var chunk in client.GoogleGenerateContent.StreamAsync(GeminiModel.Gemini3Flash, new GenerateContentRequest { Contents = [] }, accumulator))
        {
            Assert.NotNull(chunk);
        }

        return accumulator;
    }

    private static string Text(IEnumerable<JsonObject> parts, bool thought)
        => string.Concat(parts.Where(p => p["text"] is not null && (p["thought"]?.GetValue<bool>() ?? false) == thought).Select(p => p["text"]!.GetValue<string>()));

    private static List<string> Signatures(IEnumerable<JsonObject> parts)
        => parts.Select(p => p["thoughtSignature"]?.GetValue<string>()).OfType<string>().ToList();

    // Parts that are not text, as they came; in a stream with calls in pieces no call (the next test checks those).
    private static List<JsonObject> Other(IEnumerable<JsonObject> parts, bool piecewise)
        => parts.Where(p => p["text"] is null && !(piecewise && p["functionCall"] is not null)).ToList();

    private static bool Piecewise(IEnumerable<JsonObject> parts)
        => parts.Any(p => p["functionCall"] is JsonObject f && (f.ContainsKey("partialArgs") || f.ContainsKey("willContinue")));
}
