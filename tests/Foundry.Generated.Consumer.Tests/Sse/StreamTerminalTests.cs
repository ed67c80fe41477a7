using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.ServerSentEvents;
using System.Text;
using System.Threading.Tasks;
using Foundry.Generated.Anthropic;
using Foundry.Generated.Gemini;
using Foundry.Generated.OpenAi;
using Foundry.Generated.Runtime;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Sse;

/// <summary>
/// Every streaming dialect knows its terminal event; a body that closes cleanly without it fails with
/// <see cref="FoundryStreamFailure.Truncated"/> after the events that arrived, on <c>StreamAsync</c> and
/// <c>StreamTextAsync</c> alike, whatever the read size. Recorded transcripts cut just before their terminal event.
/// </summary>
public sealed class StreamTerminalTests
{
    public static TheoryData<string, int> RoutesAndReadSizes()
    {
        var data = new TheoryData<string, int>();
        foreach (var route in new[] { "responses", "chat", "xai-chat", "anthropic", "gemini" })
        {
            foreach (var size in RecordedStream.ReadSizes)
            {
                data.Add(route, size);
            }
        }

        return data;
    }

    public static TheoryData<int> ReadSizes()
    {
        var data = new TheoryData<int>();
        foreach (var size in RecordedStream.ReadSizes)
        {
            data.Add(size);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RoutesAndReadSizes))]
    public async Task A_stream_cut_before_its_terminal_event_is_truncated_after_the_events_that_arrived(string route, int readSize)
    {
        var whole = RecordedStream.Bytes(FixtureOf(route));
        var cut = CutBeforeTerminal(route, whole);
        var expected = EventsIn(cut);
        Assert.True(expected > 0);

        using var client = RecordedStream.Client(cut, readSize);
        var (events, error) = await Collect(Typed(client, route));

        Assert.NotNull(error);
        Assert.Equal(FoundryStreamFailure.Truncated, error.Failure);
        Assert.Equal(expected, events.Count);
        Assert.Equal(expected, error.EventsReceived);
        Assert.Contains("without its terminal event", error.Message);
        Assert.Contains(nameof(FoundryClientOptions.AllowMissingStreamTerminal), error.Message);
    }

    [Theory]
    [MemberData(nameof(RoutesAndReadSizes))]
    public async Task The_text_stream_of_a_cut_stream_is_truncated_after_the_text_that_arrived(string route, int readSize)
    {
        var whole = RecordedStream.Bytes(FixtureOf(route));
        using var wholeClient = RecordedStream.Client(whole, readSize);
        var (allText, wholeError) = await Collect(Text(wholeClient, route));
        Assert.Null(wholeError);

        using var client = RecordedStream.Client(CutBeforeTerminal(route, whole), readSize);
        var (text, error) = await Collect(Text(client, route));

        Assert.NotNull(error);
        Assert.Equal(FoundryStreamFailure.Truncated, error.Failure);
        Assert.Equal(text.Count, error.EventsReceived);
        Assert.Equal(allText.Take(text.Count), text);
    }

    [Theory]
    [MemberData(nameof(RoutesAndReadSizes))]
    public async Task The_whole_recording_ends_without_error(string route, int readSize)
    {
        var whole = RecordedStream.Bytes(FixtureOf(route));
        using var client = RecordedStream.Client(whole, readSize);

        var (events, error) = await Collect(Typed(client, route));

        Assert.Null(error);
        Assert.Equal(EventsIn(whole), events.Count);
    }

    [Theory]
    [MemberData(nameof(RoutesAndReadSizes))]
    public async Task AllowMissingStreamTerminal_lets_a_cut_stream_end_quietly(string route, int readSize)
    {
        var cut = CutBeforeTerminal(route, RecordedStream.Bytes(FixtureOf(route)));
        using var client = RecordedStream.Client(cut, readSize, o => o.AllowMissingStreamTerminal = true);

        var (events, error) = await Collect(Typed(client, route));
        var (_, textError) = await Collect(Text(client, route));

        Assert.Null(error);
        Assert.Null(textError);
        Assert.Equal(EventsIn(cut), events.Count);
    }

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public async Task Chat_without_done_is_whole_when_every_choice_has_a_finish_reason(int readSize)
    {
        var text = Encoding.UTF8.GetString(RecordedStream.Bytes("openai-chat-text-usage.sse"));
        var withoutDone = Encoding.UTF8.GetBytes(text[..text.LastIndexOf("data: [DONE]", StringComparison.Ordinal)]);
        using var client = RecordedStream.Client(withoutDone, readSize);

        var (events, error) = await Collect(Typed(client, "chat"));

        Assert.Null(error);
        Assert.Equal(11, events.Count);
    }

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public async Task Chat_with_two_choices_is_truncated_when_only_one_finished(int readSize)
    {
        static string Chunk(string choices) => "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[" + choices + "]}\n\n";
        static string Choice(int index, string content, string? finish) => $"{{\"index\":{index},\"delta\":{{\"content\":\"{content}\"}},\"finish_reason\":{(finish is null ? "null" : "\"" + finish + "\"")}}}";
        var open = Chunk(Choice(0, "a", null) + "," + Choice(1, "b", null)) + Chunk(Choice(0, "", "stop"));
        var closed = open + Chunk(Choice(1, "", "length"));

        using (var client = RecordedStream.Client(Encoding.UTF8.GetBytes(open), readSize))
        {
            var (events, error) = await Collect(Typed(client, "chat"));
            Assert.Equal(FoundryStreamFailure.Truncated, error?.Failure);
            Assert.Equal(2, events.Count);
        }

        using (var client = RecordedStream.Client(Encoding.UTF8.GetBytes(closed), readSize))
        {
            var (events, error) = await Collect(Typed(client, "chat"));
            Assert.Null(error);
            Assert.Equal(3, events.Count);
        }
    }

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public async Task Responses_without_event_lines_are_judged_by_the_json_type(int readSize)
    {
        // Some servers send data-only events; the terminal event is then known by its JSON "type".
        var text = Encoding.UTF8.GetString(RecordedStream.Bytes("openai-responses-text.sse"));
        var dataOnly = string.Join("\n", text.Split('\n').Where(line => !line.StartsWith("event:", StringComparison.Ordinal)));
        var cut = dataOnly[..dataOnly.IndexOf("data: {\"type\":\"response.completed\"", StringComparison.Ordinal)];

        using (var client = RecordedStream.Client(Encoding.UTF8.GetBytes(dataOnly), readSize))
        {
            var (events, error) = await Collect(Typed(client, "responses"));
            Assert.Null(error);
            Assert.IsType<ResponseCompletedEvent>(events[^1]);
        }

        using (var client = RecordedStream.Client(Encoding.UTF8.GetBytes(cut), readSize))
        {
            var (_, error) = await Collect(Typed(client, "responses"));
            Assert.Equal(FoundryStreamFailure.Truncated, error?.Failure);
        }
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public async Task The_terminal_event_is_recognised_with_every_line_end(string lineEnd)
    {
        var text = Encoding.UTF8.GetString(RecordedStream.Bytes("openai-responses-text.sse")).Replace("\n", lineEnd, StringComparison.Ordinal);
        var cut = text[..text.IndexOf("event: response.completed", StringComparison.Ordinal)];
        foreach (var size in RecordedStream.ReadSizes)
        {
            using (var client = RecordedStream.Client(Encoding.UTF8.GetBytes(text), size))
            {
                var (_, error) = await Collect(Typed(client, "responses"));
                Assert.Null(error);
            }

            using (var client = RecordedStream.Client(Encoding.UTF8.GetBytes(cut), size))
            {
                var (_, error) = await Collect(Typed(client, "responses"));
                Assert.Equal(FoundryStreamFailure.Truncated, error?.Failure);
            }
        }
    }

    [Theory]
    [InlineData("responses")]
    [InlineData("anthropic")]
    public async Task Done_does_not_stand_in_for_the_terminal_event_outside_chat(string route)
    {
        var cut = CutBeforeTerminal(route, RecordedStream.Bytes(FixtureOf(route)));
        using var client = RecordedStream.Client([.. cut, .. "data: [DONE]\n\n"u8.ToArray()], 7);

        var (events, error) = await Collect(Typed(client, route));

        Assert.Equal(FoundryStreamFailure.Truncated, error?.Failure);
        Assert.Equal(EventsIn(cut), events.Count);
    }

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public async Task A_gemini_prompt_blocked_by_prompt_feedback_is_a_whole_stream(int readSize)
    {
        var body = "data: {\"promptFeedback\": {\"blockReason\": \"SAFETY\"},\"usageMetadata\": {\"promptTokenCount\": 9,\"totalTokenCount\": 9},\"modelVersion\": \"gemini-2.5-flash\"}\r\n\r\n"u8.ToArray();
        using var client = RecordedStream.Client(body, readSize);

        var (events, error) = await Collect(Typed(client, "gemini"));

        Assert.Null(error);
        Assert.Single(events);
    }

    private static string FixtureOf(string route) => route switch
    {
        "responses" => "openai-responses-text.sse",
        "chat" or "xai-chat" => "openai-chat-text-usage.sse",
        "anthropic" => "anthropic-messages-text.sse",
        _ => "gemini-stream-text-crlf.sse",
    };

    // The recording up to the start of its terminal event (chat: the chunk with the finish_reason, so neither it nor
    // the usage chunk nor [DONE] remains; Gemini: the last chunk, which has the finishReason).
    private static byte[] CutBeforeTerminal(string route, byte[] whole)
    {
        var text = Encoding.UTF8.GetString(whole);
        var end = route switch
        {
            "responses" => text.IndexOf("event: response.completed", StringComparison.Ordinal),
            "anthropic" => text.IndexOf("event: message_stop", StringComparison.Ordinal),
            "chat" or "xai-chat" => text.LastIndexOf("data: ", text.IndexOf("\"finish_reason\":\"stop\"", StringComparison.Ordinal), StringComparison.Ordinal),
            _ => text.LastIndexOf("data: ", StringComparison.Ordinal),
        };
        Assert.True(end > 0, $"no terminal event found for {route}");
        return Encoding.UTF8.GetBytes(text[..end]);
    }

    // Events a typed stream yields for these bytes, counted by the BCL parser alone: non-empty data other than [DONE].
    private static int EventsIn(byte[] body)
        => SseParser.Create(new MemoryStream(body)).Enumerate().Count(e => e.Data.Trim().Length > 0 && e.Data.Trim() != "[DONE]");

    internal static IAsyncEnumerable<object> Typed(FoundryLlmClient client, string route) => route switch
    {
        "responses" => Box(client.OpenAiResponses.StreamAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "x" })),
        "chat" => Box(client.OpenAiChatCompletions.StreamAsync(ChatRequest())),
        // xai-chat-completions has the chat dialect but no catalogued model: through the pipeline with its route.
        "xai-chat" => Box(client.Pipeline.StreamAsync<CreateChatCompletionRequest, CreateChatCompletionStreamResponse>(XaiChat, ChatRequest())),
        "anthropic" => Box(client.AnthropicMessages.StreamAsync(AnthropicRequest())),
        _ => Box(client.GoogleGenerateContent.StreamAsync(GeminiModel.Gemini3Flash, new GenerateContentRequest { Contents = [] })),
    };

    internal static IAsyncEnumerable<string> Text(FoundryLlmClient client, string route) => route switch
    {
        "responses" => client.OpenAiResponses.StreamTextAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "x" }),
        "chat" => client.OpenAiChatCompletions.StreamTextAsync(ChatRequest()),
        "xai-chat" => client.Pipeline.StreamTextAsync(XaiChat, ChatRequest()),
        "anthropic" => client.AnthropicMessages.StreamTextAsync(AnthropicRequest()),
        _ => client.GoogleGenerateContent.StreamTextAsync(GeminiModel.Gemini3Flash, new GenerateContentRequest { Contents = [] }),
    };

    private static FoundryOperation XaiChat => new(FoundryRoutes.XaiChatCompletions, "xai/v1/chat/completions", ChatCompletionsModel.Gpt4o);

    private static CreateChatCompletionRequest ChatRequest() => new() { Model = ChatCompletionsModel.Gpt4o, Messages = [] };

    private static CreateMessageParams AnthropicRequest() => new() { Model = AnthropicMessagesModel.ClaudeSonnet4_5, MaxTokens = 16, Messages = [] };

    private static async IAsyncEnumerable<object> Box<T>(IAsyncEnumerable<T> source)
    {
        await foreach (var item in source)
        {
            yield return item!;
        }
    }

    internal static async Task<(List<T> Values, FoundryStreamException? Error)> Collect<T>(IAsyncEnumerable<T> stream)
    {
        var values = new List<T>();
        try
        {
            await foreach (var value in stream)
            {
                values.Add(value);
            }
        }
        catch (FoundryStreamException e)
        {
            return (values, e);
        }

        return (values, null);
    }
}
