using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Foundry.Generated.Anthropic;
using Foundry.Generated.Consumer.Tests.Sse;
using Foundry.Generated.Runtime;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Accumulation;

/// <summary>
/// The Anthropic accumulator on every recorded Messages stream of tests/fixtures/sse: equal to the final message the
/// official TypeScript SDK's <c>MessageStream</c> builds from the same recording (tests/fixtures/accumulated), except
/// where that SDK drops what the stream said, which ours keeps: compaction text, <c>usage.iterations</c>,
/// <c>context_management</c>.
/// </summary>
public sealed class AnthropicAccumulatorTests
{
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var fixture in RecordedEvent.Fixtures("anthropic-messages-"))
        {
            data.Add(fixture);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task The_accumulated_message_is_the_one_the_anthropic_sdk_builds(string fixture)
    {
        var expected = SdkExpectations.WithoutHelperMembers(SdkExpectations.Of(fixture))!;
        var events = RecordedEvent.Of(fixture);

        var accumulator = await Accumulate(RecordedStream.Bytes(fixture));

        Assert.Equal(events.Count, accumulator.EventCount);
        Assert.Empty(accumulator.UnknownEvents);
        var built = JsonNode.Parse(accumulator.ToResponseJson())!;
        AssertJson.Equal(WithWhatTheSdkDrops(expected, events), built);
        AssertJson.Equal(built, JsonNode.Parse(FoundryJson.Serialize(accumulator.ToResponse())));
    }

    [Fact]
    public async Task Compaction_text_usage_iterations_and_context_management_are_kept()
    {
        var accumulator = await Accumulate(RecordedStream.Bytes("anthropic-messages-compaction.sse"));

        var message = accumulator.ToResponse();
        var built = JsonNode.Parse(FoundryJson.Serialize(message))!;
        Assert.StartsWith("The user provided a very long context", built["content"]![0]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, built["usage"]!["iterations"]!.AsArray().Count);
        Assert.NotNull(built["context_management"]);
    }

    [Fact]
    public async Task A_stream_cut_inside_a_tool_input_keeps_the_blocks_that_ended_and_the_started_one()
    {
        var events = RecordedEvent.Of("anthropic-messages-mcp-tool-use.sse");
        var cut = events.Take(events.FindLastIndex(e => e.JsonType == "content_block_delta" && e.Data.Contains("input_json_delta", StringComparison.Ordinal))).ToList();

        var accumulator = await Accumulate(RecordedEvent.Body(cut), allowMissingTerminal: true);

        var message = accumulator.ToResponse();
        Assert.Equal(cut.Count, accumulator.EventCount);
        Assert.Equal(cut.Count(e => e.JsonType == "content_block_start"), message.Content.Count);
    }

    private static async Task<FoundryStreamAccumulator<Message>> Accumulate(byte[] body, bool allowMissingTerminal = false)
    {
        using var client = RecordedStream.Client(body, 7, o => o.AllowMissingStreamTerminal = allowMissingTerminal);
        var accumulator = new FoundryStreamAccumulator<Message>();
        await foreach (var e in client.AnthropicMessages.StreamAsync(new CreateMessageParams { Model = AnthropicMessagesModel.ClaudeSonnet4_5, MaxTokens = 16, Messages = [] }, accumulator))
        {
            Assert.NotNull(e);
        }

        return accumulator;
    }

    // The SDK's message with what it leaves out put back from the recording: compaction_delta content, the input of
    // block types whose input_json_delta it does not follow (mcp_tool_use), and the members of message_delta it does
    // not copy (usage.iterations, context_management).
    private static JsonNode WithWhatTheSdkDrops(JsonNode expected, System.Collections.Generic.List<RecordedEvent> events)
    {
        var fixedUp = expected.DeepClone();
        var inputs = new System.Collections.Generic.Dictionary<int, string>();
        foreach (var e in events.Select(e => e.Json).OfType<JsonObject>())
        {
            if (e["type"]?.GetValue<string>() == "content_block_delta" && e["delta"]?["type"]?.GetValue<string>() == "input_json_delta")
            {
                var index = e["index"]!.GetValue<int>();
                inputs[index] = inputs.GetValueOrDefault(index, string.Empty) + e["delta"]!["partial_json"]!.GetValue<string>();
            }

            if (e["type"]?.GetValue<string>() == "content_block_stop" && inputs.TryGetValue(e["index"]!.GetValue<int>(), out var json)
                && json.Trim().Length > 0 && fixedUp["content"]![e["index"]!.GetValue<int>()] is JsonObject block
                && block["input"] is JsonObject { Count: 0 } && block["type"]?.GetValue<string>() == "mcp_tool_use")
            {
                block["input"] = JsonNode.Parse(json);
            }

            if (e["type"]?.GetValue<string>() == "content_block_delta" && e["delta"]?["type"]?.GetValue<string>() == "compaction_delta")
            {
                fixedUp["content"]![e["index"]!.GetValue<int>()]!["content"] = e["delta"]!["content"]!.DeepClone();
            }

            if (e["type"]?.GetValue<string>() == "message_delta")
            {
                if (e["usage"]?["iterations"] is { } iterations)
                {
                    fixedUp["usage"]!["iterations"] = iterations.DeepClone();
                }

                if (e["context_management"] is { } management)
                {
                    fixedUp["context_management"] = management.DeepClone();
                }
            }
        }

        return fixedUp;
    }
}
