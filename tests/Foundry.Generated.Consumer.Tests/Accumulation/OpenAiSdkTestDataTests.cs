using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Accumulation;

/// <summary>
/// The OpenAI Python SDK's chat streams recorded from the live API (tests/fixtures/sdk-tests/openai-python,
/// SOURCES.md): what its <c>test_completions_streaming.py</c> asserts of <c>get_final_completion()</c>, asserted of our
/// chat accumulator (the test named on each). The SDK's helper members (<c>parsed</c>, <c>parsed_arguments</c>,
/// <c>tool_calls=None</c> printed for an absent member) are not part of the response. Where the SDK raises (a
/// structured-output answer cut by the token limit), ours keeps the answer and its finish reason.
/// </summary>
public sealed class OpenAiSdkTestDataTests
{
    private static async Task<JsonObject> FinalCompletion(string fixture)
    {
        var body = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "fixtures", "sdk-tests", "openai-python", fixture));
        var (_, accumulator, error) = await ChatCompletionsAccumulatorTests.Accumulate(body);
        Assert.Null(error);
        _ = accumulator.ToResponse(); // and the generated reader takes it
        return (JsonObject)JsonNode.Parse(accumulator.ToResponseJson())!;
    }

    private static JsonObject Message(JsonObject completion, int choice = 0) => completion["choices"]![choice]!["message"]!.AsObject();

    private static string? Text(JsonNode? node) => node?.GetValue<string>();

    [Fact]
    public async Task Parse_pydantic_model_gives_the_whole_completion()
    {
        var completion = await FinalCompletion("parse_pydantic_model.sse");

        Assert.Equal("chatcmpl-ABfw1e5abtU8OwGr15vOreYVb2MiF", Text(completion["id"]));
        Assert.Equal(1727346169, completion["created"]!.GetValue<long>());
        Assert.Equal("gpt-4o-2024-08-06", Text(completion["model"]));
        Assert.Equal("chat.completion", Text(completion["object"]));
        Assert.Equal("fp_5050236cbd", Text(completion["system_fingerprint"]));
        var usage = completion["usage"]!;
        Assert.Equal(14, usage["completion_tokens"]!.GetValue<int>());
        Assert.Equal(0, usage["completion_tokens_details"]!["reasoning_tokens"]!.GetValue<int>());
        Assert.Equal(79, usage["prompt_tokens"]!.GetValue<int>());
        Assert.Equal(93, usage["total_tokens"]!.GetValue<int>());
        var choice = Assert.Single(completion["choices"]!.AsArray())!;
        Assert.Equal("stop", Text(choice["finish_reason"]));
        Assert.Equal(0, choice["index"]!.GetValue<int>());
        Assert.Null(choice["logprobs"]);
        var message = Message(completion);
        Assert.Equal("assistant", Text(message["role"]));
        Assert.Equal("""{"city":"San Francisco","temperature":61,"units":"f"}""", Text(message["content"]));
        Assert.Null(message["refusal"]);
        Assert.Null(message["tool_calls"]);
    }

    [Fact]
    public async Task Parse_pydantic_model_multiple_choices_keeps_three_interleaved_choices_apart()
    {
        var completion = await FinalCompletion("parse_pydantic_model_multiple_choices.sse");

        var choices = completion["choices"]!.AsArray();
        Assert.Equal(3, choices.Count);
        string[] expected = ["""{"city":"San Francisco","temperature":65,"units":"f"}""", """{"city":"San Francisco","temperature":61,"units":"f"}""", """{"city":"San Francisco","temperature":59,"units":"f"}"""];
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(i, choices[i]!["index"]!.GetValue<int>());
            Assert.Equal("stop", Text(choices[i]!["finish_reason"]));
            Assert.Equal(expected[i], Text(Message(completion, i)["content"]));
        }
    }

    [Fact]
    public async Task Parse_max_tokens_reached_where_the_sdk_raises_keeps_the_answer_and_its_finish_reason()
    {
        var completion = await FinalCompletion("parse_max_tokens_reached.sse");

        var choice = Assert.Single(completion["choices"]!.AsArray())!;
        Assert.Equal("length", Text(choice["finish_reason"]));
        Assert.False(string.IsNullOrEmpty(Text(Message(completion)["content"])));
    }

    [Fact]
    public async Task Parse_pydantic_model_refusal_is_the_refusal_without_content()
    {
        var message = Message(await FinalCompletion("parse_pydantic_model_refusal.sse"));

        Assert.Null(message["content"]);
        Assert.Equal("I'm sorry, I can't assist with that request.", Text(message["refusal"]));
    }

    [Fact]
    public async Task Content_logprobs_are_joined_with_the_content()
    {
        var completion = await FinalCompletion("content_logprobs_events.sse");

        Assert.Equal("Foo!", Text(Message(completion)["content"]));
        var logprobs = completion["choices"]![0]!["logprobs"]!;
        Assert.Null(logprobs["refusal"]);
        var content = logprobs["content"]!.AsArray();
        Assert.Equal(2, content.Count);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"token":"Foo","logprob":-0.0025094282,"bytes":[70,111,111],"top_logprobs":[]}"""), content[0]), content[0]!.ToJsonString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"token":"!","logprob":-0.26638845,"bytes":[33],"top_logprobs":[]}"""), content[1]), content[1]!.ToJsonString());
    }

    [Fact]
    public async Task Refusal_logprobs_are_joined_with_the_refusal()
    {
        var completion = await FinalCompletion("refusal_logprobs_events.sse");

        var message = Message(completion);
        Assert.Null(message["content"]);
        Assert.Equal("I'm very sorry, but I can't assist with that.", Text(message["refusal"]));
        var logprobs = completion["choices"]![0]!["logprobs"]!;
        Assert.Null(logprobs["content"]);
        var refusal = logprobs["refusal"]!.AsArray();
        Assert.Equal(["I'm", " very", " sorry", ",", " but", " I", " can't", " assist", " with", " that", "."], refusal.Select(t => Text(t!["token"])));
        Assert.Equal(-0.57687104, refusal[^1]!["logprob"]!.GetValue<double>());
    }

    [Theory]
    [InlineData("parse_pydantic_tool.sse", "call_c91SqDXlYFuETYv8mUHzz6pp", "GetWeatherArgs", """{"city":"Edinburgh","country":"UK","units":"c"}""")]
    [InlineData("parse_strict_tools.sse", "call_CTf1nWJLqSeRgDqaCG27xZ74", "get_weather", """{"city":"San Francisco","state":"CA"}""")]
    [InlineData("allows_non_strict_tools_but_no_parsing.sse", "call_4XzlGBLtUe9dy3GVNV4jhq7h", "get_weather", """{"city":"New York City"}""")]
    public async Task A_tool_call_is_whole_with_its_arguments(string fixture, string id, string name, string arguments)
    {
        var completion = await FinalCompletion(fixture);

        Assert.Equal("tool_calls", Text(completion["choices"]![0]!["finish_reason"]));
        var message = Message(completion);
        Assert.Null(message["content"]);
        Assert.Null(message["refusal"]);
        var call = Assert.Single(message["tool_calls"]!.AsArray())!;
        Assert.Equal(id, Text(call["id"]));
        Assert.Equal("function", Text(call["type"]));
        Assert.Equal(name, Text(call["function"]!["name"]));
        Assert.Equal(arguments, Text(call["function"]!["arguments"]));
    }
}
