using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Foundry.Generated.Anthropic;
using Foundry.Generated.Consumer.Tests.RoundTrip;
using Foundry.Generated.Gemini;
using Foundry.Generated.OpenAi;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Sse;

/// <summary>
/// <c>StreamTextAsync</c> reads only the answer text from each event's bytes. On every recorded provider stream it
/// yields exactly the text the typed events carry (no reasoning, thinking, tool arguments or refusals), and ends
/// with the same error where the recording has one.
/// </summary>
public sealed class StreamTextTests
{
    public static TheoryData<string> Fixtures() => FixtureRoundTripTests.Fixtures();

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task The_text_stream_yields_the_text_of_the_typed_events(string fixture)
    {
        using var client = RecordedStream.Client(RecordedStream.Bytes(fixture));
        var (streamText, typedText) = Streams(client, fixture);

        var (expected, expectedError) = await StreamTerminalTests.Collect(typedText);
        var (actual, actualError) = await StreamTerminalTests.Collect(streamText);

        Assert.Equal(expected, actual);
        Assert.Equal(expectedError?.Failure, actualError?.Failure);
        Assert.Equal(expectedError?.ErrorCode, actualError?.ErrorCode);
        if (fixture.Contains("-text", StringComparison.Ordinal) || fixture.Contains("thinking", StringComparison.Ordinal))
        {
            Assert.NotEmpty(actual);
        }

        if (fixture.Contains("error", StringComparison.Ordinal))
        {
            Assert.NotNull(actualError);
        }
    }

    [Fact]
    public async Task Reasoning_and_thinking_are_not_text()
    {
        using var client = RecordedStream.Client(RecordedStream.Bytes("anthropic-messages-thinking.sse"));
        var request = new CreateMessageParams { Model = AnthropicMessagesModel.ClaudeSonnet4_5, MaxTokens = 16, Messages = [] };

        var thinking = new List<string>();
        await foreach (var e in client.AnthropicMessages.StreamAsync(request))
        {
            if (e is ContentBlockDeltaEvent { Delta: ThinkingContentBlockDelta t })
            {
                thinking.Add(t.Thinking);
            }
        }

        var text = await StreamTerminalTests.Collect(client.AnthropicMessages.StreamTextAsync(request));

        var answer = string.Concat(text.Values);
        Assert.StartsWith("This is a straightforward question", string.Concat(thinking));
        Assert.StartsWith("Here are the basic steps", answer);
        Assert.DoesNotContain("straightforward question", answer);
    }

    // The text stream of the fixture's route, and the same text taken from the typed events.
    private static (IAsyncEnumerable<string> Text, IAsyncEnumerable<string> Typed) Streams(FoundryLlmClient client, string fixture)
    {
        switch (Recorded.RecordedRoutes.Route(fixture))
        {
            case "xai-responses":
                var xai = new Foundry.Generated.Xai.CreateResponse { Model = XaiResponsesModel.Grok4_3, Input = "x" };
                return (client.XaiResponses.StreamTextAsync(xai), Typed(client.XaiResponses.StreamAsync(xai), e => e is ResponseTextDeltaEvent d ? [d.Delta] : []));
            case "openai-responses":
                var responses = new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "x" };
                return (client.OpenAiResponses.StreamTextAsync(responses), Typed(client.OpenAiResponses.StreamAsync(responses), e => e is ResponseTextDeltaEvent d ? [d.Delta] : []));
            case "anthropic-messages":
                var messages = new CreateMessageParams { Model = AnthropicMessagesModel.ClaudeSonnet4_5, MaxTokens = 16, Messages = [] };
                return (client.AnthropicMessages.StreamTextAsync(messages), Typed(client.AnthropicMessages.StreamAsync(messages), e => e is ContentBlockDeltaEvent { Delta: TextContentBlockDelta t } ? [t.Text] : []));
            case "gemini-stream":
                var contents = new GenerateContentRequest { Contents = [] };
                return (client.GoogleGenerateContent.StreamTextAsync(GeminiModel.Gemini3Flash, contents), Typed(client.GoogleGenerateContent.StreamAsync(GeminiModel.Gemini3Flash, contents), c =>
                    [string.Concat(c.Candidates?.FirstOrDefault()?.Content?.Parts?.Where(p => p.Thought != true).Select(p => p.Text) ?? [])]));
            default:
                // openai-chat, xai-chat, groq-chat, openrouter-chat: chat-completions framing.
                var chat = new CreateChatCompletionRequest { Model = ChatCompletionsModel.Gpt4o, Messages = [] };
                return (client.OpenAiChatCompletions.StreamTextAsync(chat), Typed(client.OpenAiChatCompletions.StreamAsync(chat), c => (c.Choices ?? []).Where(x => x.Index == 0).Select(x => x.Delta.Content ?? string.Empty)));
        }
    }

    private static async IAsyncEnumerable<string> Typed<TEvent>(IAsyncEnumerable<TEvent> events, Func<TEvent, IEnumerable<string>> text)
    {
        await foreach (var e in events)
        {
            foreach (var piece in text(e))
            {
                if (piece.Length > 0)
                {
                    yield return piece;
                }
            }
        }
    }
}
