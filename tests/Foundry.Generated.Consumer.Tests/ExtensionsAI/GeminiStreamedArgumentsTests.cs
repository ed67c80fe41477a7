using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Foundry.Generated.Consumer.Tests.Sse;
using Foundry.Generated.Gemini;
using Microsoft.Extensions.AI;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.ExtensionsAI;

/// <summary>
/// Vertex AI streams with streamFunctionCallArguments (tests/fixtures/sse/gemini-stream-function-call-partial-args*,
/// recorded by vercel/ai): the typed stream decodes partialArgs and willContinue as members (nothing left over), and
/// the IChatClient adapter gives one complete call per streamed call, at any read size.
/// </summary>
public sealed class GeminiStreamedArgumentsTests
{
    public static TheoryData<string, string[]> Recordings() => new()
    {
        { "gemini-stream-function-call-partial-args.sse", ["getWeather {\"location\":\"Boston\"}", "getWeather {\"location\":\"San Francisco\"}"] },
        {
            "gemini-stream-function-call-partial-args-array.sse",
            ["writeItems {\"operations\":[{\"action\":\"add\",\"description\":\"Fresh red apple\",\"itemid\":\"apple_001\",\"price\":0.5},{\"action\":\"add\",\"description\":\"Ripe yellow banana\",\"itemid\":\"banana_001\",\"price\":0.3}]}"]
        },
        { "gemini-stream-function-call-partial-args-no-args.sse", ["read_theme {}", "read_screen {\"id\":\"A\"}", "read_screen {\"id\":\"B\"}", "read_screen {\"id\":\"C\"}"] },
    };

    [Theory]
    [InlineData("gemini-stream-function-call-partial-args.sse")]
    [InlineData("gemini-stream-function-call-partial-args-array.sse")]
    [InlineData("gemini-stream-function-call-partial-args-nested.sse")]
    [InlineData("gemini-stream-function-call-partial-args-no-args.sse")]
    public async Task The_typed_stream_reads_partial_args_and_will_continue_as_members(string fixture)
    {
        using var client = RecordedStream.Client(RecordedStream.Bytes(fixture), int.MaxValue);
        var calls = new List<FunctionCall>();
        await foreach (var chunk in client.GoogleGenerateContent.StreamAsync(GeminiModel.Gemini3Flash, new GenerateContentRequest { Contents = [] }))
        {
            calls.AddRange(chunk.Candidates!.SelectMany(c => c.Content?.Parts ?? []).Select(p => p.FunctionCall).OfType<FunctionCall>());
        }

        Assert.All(calls, call => Assert.Null(call.AdditionalProperties));
        Assert.All(calls.SelectMany(c => c.PartialArgs ?? []), piece =>
        {
            Assert.Null(piece.AdditionalProperties);
            Assert.StartsWith("$.", piece.JsonPath);
            Assert.True(piece.StringValue is not null || piece.NumberValue is not null, piece.JsonPath);
        });
        Assert.Contains(calls, c => c.WillContinue == true && c.Name is not null);
        Assert.Contains(calls, c => c.PartialArgs is { Count: > 0 } && c.Name is null);
    }

    [Theory]
    [MemberData(nameof(Recordings))]
    public async Task The_adapter_gives_one_call_per_streamed_call_with_its_whole_arguments(string fixture, string[] expected)
    {
        foreach (var readSize in RecordedStream.ReadSizes)
        {
            var calls = await Calls(fixture, readSize);

            Assert.Equal(expected, calls.Select(c => c.Name + " " + PartialArgsBufferTests.Json(c)));
            Assert.All(calls, c => Assert.Null(c.Exception));
            Assert.Equal(calls.Count, calls.Select(c => c.CallId).Distinct().Count());
        }
    }

    [Fact]
    public async Task Nested_objects_and_arrays_are_rebuilt_from_their_paths()
    {
        var call = Assert.Single(await Calls("gemini-stream-function-call-partial-args-nested.sse", 7));

        Assert.Equal("cookRecipe", call.Name);
        Assert.Null(call.Exception);
        var recipe = Assert.IsType<System.Text.Json.JsonElement>(call.Arguments!["recipe"]);
        Assert.Equal("Lasagna", recipe.GetProperty("name").GetString());
        var ingredients = recipe.GetProperty("ingredients");
        Assert.Equal(10, ingredients.GetArrayLength());
        Assert.Equal("""{"amount":"16 oz","name":"Lasagna noodles"}""", ingredients[0].GetRawText());
        Assert.Equal("""{"amount":"1/2 tsp","name":"Pepper"}""", ingredients[9].GetRawText());
        var steps = recipe.GetProperty("steps");
        Assert.Equal(10, steps.GetArrayLength());
        Assert.Equal("Preheat oven to 375°F (190°C).", steps[0].GetString());
        Assert.Equal("Let stand for 15 minutes before serving.", steps[9].GetString());
    }

    private static async Task<List<FunctionCallContent>> Calls(string fixture, int readSize)
    {
        using var client = RecordedStream.Client(RecordedStream.Bytes(fixture), readSize);
        var response = await client.GoogleGenerateContent.AsIChatClient(GeminiModel.Gemini3Flash)
            .GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "x")]).ToChatResponseAsync();
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
        return response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
    }
}
