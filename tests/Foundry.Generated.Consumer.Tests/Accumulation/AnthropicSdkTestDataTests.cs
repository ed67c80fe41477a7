using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Foundry.Generated.Anthropic;
using Foundry.Generated.Consumer.Tests.Sse;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Accumulation;

/// <summary>
/// The Anthropic Python SDK's own accumulator test data (tests/fixtures/sdk-tests/anthropic-sdk-python, SOURCES.md):
/// each stream served as its test serves it, and what its <c>test_messages.py</c> asserts of
/// <c>get_final_message()</c> asserted of ours (the assertion function named on each test). Where the SDK raises, ours
/// keeps going and keeps everything that arrived.
/// </summary>
public sealed class AnthropicSdkTestDataTests
{
    // get_response(): each line of the file with "\n"; the trailing "\n" ends the last event, as the SDK's
    // test_message_stop_event_serialization serves it, so message_stop is dispatched.
    private static byte[] Served(string fixture)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "sdk-tests", "anthropic-sdk-python", fixture));
        return Encoding.UTF8.GetBytes(string.Concat(text.Split('\n').Select(line => line.TrimEnd('\r') + "\n")) + "\n");
    }

    private static async Task<(JsonObject Json, Message Message, FoundryStreamException? Error)> FinalMessage(string fixture)
    {
        using var client = RecordedStream.Client(Served(fixture));
        var accumulator = new FoundryStreamAccumulator<Message>();
        var (_, error) = await StreamTerminalTests.Collect(client.AnthropicMessages.StreamAsync(new CreateMessageParams { Model = AnthropicMessagesModel.ClaudeSonnet4_5, MaxTokens = 1024, Messages = [] }, accumulator));
        return ((JsonObject)JsonNode.Parse(accumulator.ToResponseJson())!, accumulator.ToResponse(), error);
    }

    [Fact]
    public async Task Basic_response_as_assert_basic_response()
    {
        var (json, message, error) = await FinalMessage("basic_response.txt");

        Assert.Null(error);
        Assert.Equal("msg_4QpJur2dWWDjF6C758FbBw5vm12BaVipnK", message.Id);
        Assert.Equal("claude-3-opus-latest", json["model"]!.GetValue<string>());
        Assert.Equal("assistant", json["role"]!.GetValue<string>());
        Assert.Equal("end_turn", json["stop_reason"]!.GetValue<string>());
        Assert.Null(json["stop_sequence"]);
        Assert.Equal("message", json["type"]!.GetValue<string>());
        var content = Assert.Single(json["content"]!.AsArray());
        // "accumulated blocks must serialize like a non-streaming response: keys the API didn't send stay unset"
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"type":"text","text":"Hello there!"}"""), content), content!.ToJsonString());
    }

    [Fact]
    public async Task Tool_use_response_as_assert_tool_use_response_and_assert_tool_use_caller_unset()
    {
        var (json, message, error) = await FinalMessage("tool_use_response.txt");

        Assert.Null(error);
        Assert.Equal("msg_019Q1hrJbZG26Fb9BQhrkHEr", message.Id);
        Assert.Equal("claude-sonnet-4-20250514", json["model"]!.GetValue<string>());
        Assert.Equal("tool_use", json["stop_reason"]!.GetValue<string>());
        Assert.Null(json["stop_sequence"]);
        var content = json["content"]!.AsArray();
        Assert.Equal(2, content.Count);
        Assert.Equal("text", content[0]!["type"]!.GetValue<string>());
        Assert.Equal("I'll check the current weather in Paris for you.", content[0]!["text"]!.GetValue<string>());
        var toolUse = content[1]!.AsObject();
        Assert.Equal("tool_use", toolUse["type"]!.GetValue<string>());
        Assert.Equal("toolu_01NRLabsLyVHZPKxbKvkfSMn", toolUse["id"]!.GetValue<string>());
        Assert.Equal("get_weather", toolUse["name"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"location":"Paris"}"""), toolUse["input"]));
        // An omitted caller stays unset: it must not round-trip as "caller": null, which the API rejects.
        Assert.False(toolUse.ContainsKey("caller"));
        var usage = json["usage"]!.AsObject();
        Assert.Equal(377, usage["input_tokens"]!.GetValue<int>());
        Assert.Equal(65, usage["output_tokens"]!.GetValue<int>());
        Assert.Equal(0, usage["cache_creation_input_tokens"]!.GetValue<int>());
        Assert.Equal(0, usage["cache_read_input_tokens"]!.GetValue<int>());
        Assert.Equal("standard", usage["service_tier"]!.GetValue<string>());
        Assert.Null(usage["server_tool_use"]);
    }

    [Fact]
    public async Task Refusal_response_as_assert_refusal_response()
    {
        var (json, _, error) = await FinalMessage("refusal_response.txt");

        Assert.Null(error);
        Assert.Equal("refusal", json["stop_reason"]!.GetValue<string>());
        var details = json["stop_details"]!.AsObject();
        Assert.Equal("refusal", details["type"]!.GetValue<string>());
        Assert.Equal("cyber", details["category"]!.GetValue<string>());
        Assert.Equal("This request was refused due to policy.", details["explanation"]!.GetValue<string>());
    }

    [Fact]
    public async Task Message_delta_fields_as_assert_message_delta_fields_response()
    {
        var (json, _, error) = await FinalMessage("message_delta_fields_response.txt");

        Assert.Null(error);
        Assert.Equal("container_01AbCdEfGh", json["container"]!["id"]!.GetValue<string>());
        var usage = json["usage"]!.AsObject();
        Assert.Equal(8, usage["output_tokens"]!.GetValue<int>());
        Assert.Equal(40, usage["input_tokens"]!.GetValue<int>());
        Assert.Equal(12, usage["cache_creation_input_tokens"]!.GetValue<int>());
        Assert.Equal(7, usage["cache_read_input_tokens"]!.GetValue<int>());
        Assert.Equal(3, usage["output_tokens_details"]!["thinking_tokens"]!.GetValue<int>());
        Assert.Equal(1, usage["server_tool_use"]!["web_search_requests"]!.GetValue<int>());
        // Never re-sent on message_delta, so these survive from message_start.
        Assert.Equal("standard", usage["service_tier"]!.GetValue<string>());
        Assert.Equal(10, usage["cache_creation"]!["ephemeral_5m_input_tokens"]!.GetValue<int>());
    }

    [Fact]
    public async Task Message_delta_without_optional_usage_as_assert_message_delta_omitted_usage_response()
    {
        var (json, _, error) = await FinalMessage("message_delta_omitted_usage_response.txt");

        Assert.Null(error);
        var usage = json["usage"]!.AsObject();
        Assert.Equal(8, usage["output_tokens"]!.GetValue<int>());
        Assert.Equal(25, usage["input_tokens"]!.GetValue<int>());
        Assert.Equal(10, usage["cache_creation_input_tokens"]!.GetValue<int>());
        Assert.Equal(5, usage["cache_read_input_tokens"]!.GetValue<int>());
        Assert.Equal("priority", usage["service_tier"]!.GetValue<string>());
        Assert.Equal(10, usage["cache_creation"]!["ephemeral_5m_input_tokens"]!.GetValue<int>());
        Assert.Null(json["container"]);
    }

    [Fact]
    public async Task Message_start_without_usage_as_test_message_start_without_usage()
    {
        var (json, message, error) = await FinalMessage("missing_usage_response.txt");

        Assert.Null(error);
        Assert.NotNull(message.Usage);
        Assert.Equal(11, json["usage"]!["input_tokens"]!.GetValue<int>());
        Assert.Equal(1, json["usage"]!["output_tokens"]!.GetValue<int>());
        Assert.Equal("end_turn", json["stop_reason"]!.GetValue<string>());
        var content = Assert.Single(json["content"]!.AsArray());
        Assert.Equal("text", content!["type"]!.GetValue<string>());
        Assert.Equal("hi", content["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Invalid_tool_json_where_the_sdk_raises_keeps_the_stream_and_what_arrived()
    {
        // test_tool_use_invalid_json: the SDK raises ValueError ("Unable to parse tool parameter JSON …").
        var (json, _, error) = await FinalMessage("tool_use_invalid_json_response.txt");

        Assert.Null(error);
        Assert.Equal("tool_use", json["stop_reason"]!.GetValue<string>());
        var content = json["content"]!.AsArray();
        Assert.Equal("I'll check the current weather in Paris for you.", content[0]!["text"]!.GetValue<string>());
        Assert.Equal("get_weather", content[1]!["name"]!.GetValue<string>());
        // The arguments as the model wrote them, beside the input the block started with.
        Assert.Equal("{\"location\": \"Paris\", \"unit\": celsius}", content[1]!["partial_json"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(new JsonObject(), content[1]!["input"]));
    }
}
