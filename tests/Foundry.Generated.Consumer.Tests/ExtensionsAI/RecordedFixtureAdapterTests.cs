using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Foundry.Generated.Anthropic;
using Foundry.Generated.Consumer.Tests.RoundTrip;
using Foundry.Generated.Consumer.Tests.Sse;
using Foundry.Generated.Gemini;
using Foundry.Generated.OpenAi;
using Microsoft.Extensions.AI;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.ExtensionsAI;

/// <summary>
/// The IChatClient adapters over every recorded provider stream (tool calls and errors included), at any read size:
/// the answer text is the text stream's, every function call has a name and arguments, and an error ends the adapter's
/// stream with the same failure as the typed stream.
/// </summary>
public sealed class RecordedFixtureAdapterTests
{
    public static TheoryData<string, int> Fixtures()
    {
        var data = new TheoryData<string, int>();
        foreach (var fixture in FixtureRoundTripTests.Names())
        {
            foreach (var readSize in new[] { int.MaxValue, 7 })
            {
                data.Add(fixture, readSize);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task The_adapter_gives_the_recorded_text_named_calls_and_the_recorded_error(string fixture, int readSize)
    {
        var body = RecordedStream.Bytes(fixture);
        using var textClient = RecordedStream.Client(body, readSize);
        using var adapterClient = RecordedStream.Client(body, readSize);
        var (expectedPieces, expectedError) = await StreamTerminalTests.Collect(TextStream(textClient, fixture));
        var expectedText = string.Concat(expectedPieces);

        var (updates, error) = await StreamTerminalTests.Collect(Adapter(adapterClient, fixture));

        Assert.Equal(expectedText, string.Concat(updates.SelectMany(u => u.Contents).OfType<TextContent>().Select(t => t.Text)));
        Assert.Equal(expectedError?.Failure, error?.Failure);
        Assert.Equal(expectedError?.ErrorCode, error?.ErrorCode);
        var calls = updates.SelectMany(u => u.Contents).OfType<FunctionCallContent>().ToList();
        Assert.All(calls, call =>
        {
            Assert.False(string.IsNullOrEmpty(call.Name), "a function call without a name");
            Assert.False(string.IsNullOrEmpty(call.CallId), "a function call without an id");
            Assert.Null(call.Exception);
        });
        if (ExpectsFunctionCalls(fixture))
        {
            Assert.NotEmpty(calls);
        }
    }

    private static IAsyncEnumerable<ChatResponseUpdate> Adapter(FoundryLlmClient client, string fixture)
    {
        var messages = new[] { new ChatMessage(ChatRole.User, "x") };
        return Route(fixture) switch
        {
            "openai-responses" => client.OpenAiResponses.AsIChatClient(ResponsesModel.Gpt5Mini).GetStreamingResponseAsync(messages),
            "xai-responses" => client.XaiResponses.AsIChatClient(XaiResponsesModel.Grok4_3).GetStreamingResponseAsync(messages),
            "anthropic-messages" => client.AnthropicMessages.AsIChatClient(AnthropicMessagesModel.ClaudeSonnet4_5).GetStreamingResponseAsync(messages),
            "gemini-stream" => client.GoogleGenerateContent.AsIChatClient(GeminiModel.Gemini3Flash).GetStreamingResponseAsync(messages),
            _ => client.OpenAiChatCompletions.AsIChatClient(ChatCompletionsModel.Gpt4o).GetStreamingResponseAsync(messages),
        };
    }

    private static IAsyncEnumerable<string> TextStream(FoundryLlmClient client, string fixture) => Route(fixture) switch
    {
        "openai-responses" => client.OpenAiResponses.StreamTextAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "x" }),
        "xai-responses" => client.XaiResponses.StreamTextAsync(new Foundry.Generated.Xai.CreateResponse { Model = XaiResponsesModel.Grok4_3, Input = "x" }),
        "anthropic-messages" => client.AnthropicMessages.StreamTextAsync(new CreateMessageParams { Model = AnthropicMessagesModel.ClaudeSonnet4_5, MaxTokens = 16, Messages = [] }),
        "gemini-stream" => client.GoogleGenerateContent.StreamTextAsync(GeminiModel.Gemini3Flash, new GenerateContentRequest { Contents = [] }),
        _ => client.OpenAiChatCompletions.StreamTextAsync(new CreateChatCompletionRequest { Model = ChatCompletionsModel.Gpt4o, Messages = [] }),
    };

    // openai-chat, xai-chat, groq-chat and openrouter-chat recordings use the chat-completions framing.
    private static string Route(string fixture) => Recorded.RecordedRoutes.Route(fixture);

    // Recordings of a client-side call the model asks for; provider-side tools (server tools, MCP, advisor) are not
    // function calls, and "text-after-tool" is the answer after one.
    private static bool ExpectsFunctionCalls(string fixture)
        => fixture.Contains("function-call", StringComparison.Ordinal) || fixture.Contains("tool-call", StringComparison.Ordinal)
            || (fixture.Contains("tool-use", StringComparison.Ordinal) && !fixture.Contains("mcp", StringComparison.Ordinal));
}
