using System.Collections.Generic;
using System.Linq;
using Foundry.Generated.Anthropic;
using Foundry.Generated.Consumer.Tests.Sse;
using Foundry.Generated.Gemini;
using Foundry.Generated.OpenAi;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Accumulation;

/// <summary>
/// A regression guard without timing, like <see cref="AllocationBudgetTests"/>: accumulating a recorded stream scaled
/// up by repeating its text events may allocate at most a budget per event beyond the typed events alone (the text
/// builders' growth included). A change that parses every event into a tree, or makes a string per piece, fails here.
/// </summary>
public sealed class AccumulationAllocationTests
{
    // Route, recorded stream, what marks its text events, the extra bytes per event allowed: measured 2026-12-07 (typed
    // 197, 324, 176, 791; accumulating +18, +110, +25, +97; Gemini +3921 before chunks were read without a tree) plus
    // about 15 %. The repeated chunks repeat their usage, so a real Gemini stream also copies each new usage's bytes.
    public static TheoryData<string, string, string, int> Routes => new()
    {
        { "responses", "openai-responses-text.sse", "\"type\":\"response.output_text.delta\"", 25 },
        { "chat", "openai-chat-text-usage.sse", "\"delta\":{\"content\"", 130 },
        { "anthropic", "anthropic-messages-text.sse", "\"text_delta\"", 30 },
        { "gemini", "gemini-stream-text-crlf.sse", "\"text\"", 115 },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public void Accumulating_adds_at_most_its_budget_per_event(string route, string fixture, string textMarker, int budget)
    {
        var (body, events) = AllocationBudgetTests.Scaled(fixture, textMarker);

        var typed = AllocationBudgetTests.PerEvent(StreamTerminalTests.Typed(RecordedStream.Client(body), route), events);
        var accumulated = AllocationBudgetTests.PerEvent(Accumulating(RecordedStream.Client(body), route), events);

        Assert.True(accumulated - typed <= budget, $"{route}: typed {typed} B per event, accumulating {accumulated} B (+{accumulated - typed}), budget +{budget} B");
    }

    private static IAsyncEnumerable<object> Accumulating(FoundryLlmClient client, string route) => route switch
    {
        "responses" => Box(client.OpenAiResponses.StreamAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "x" }, new FoundryStreamAccumulator<Response>())),
        "chat" => Box(client.OpenAiChatCompletions.StreamAsync(new CreateChatCompletionRequest { Model = ChatCompletionsModel.Gpt4o, Messages = [] }, new FoundryStreamAccumulator<CreateChatCompletionResponse>())),
        "anthropic" => Box(client.AnthropicMessages.StreamAsync(new CreateMessageParams { Model = AnthropicMessagesModel.ClaudeSonnet4_5, MaxTokens = 16, Messages = [] }, new FoundryStreamAccumulator<Message>())),
        _ => Box(client.GoogleGenerateContent.StreamAsync(GeminiModel.Gemini3Flash, new GenerateContentRequest { Contents = [] }, new FoundryStreamAccumulator<GenerateContentResponse>())),
    };

    private static async IAsyncEnumerable<object> Box<T>(IAsyncEnumerable<T> stream)
    {
        await foreach (var e in stream)
        {
            yield return e!;
        }
    }
}
