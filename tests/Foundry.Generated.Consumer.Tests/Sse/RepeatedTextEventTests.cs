using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.ServerSentEvents;
using System.Text;
using System.Threading.Tasks;
using Foundry.Generated.Anthropic;
using Foundry.Generated.OpenAi;
using Foundry.Generated.Runtime;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Sse;

/// <summary>
/// <c>StreamTextAsync</c>'s shortcut: an event that repeats the one before but for its text piece (and padding and
/// sequence number) is not read again. Anything else that differs sends it the full way: a finish reason, an error
/// member, another choice, another SSE type, a piece that is not valid JSON. And real recordings take it.
/// </summary>
public sealed class RepeatedTextEventTests
{
    private static string Chunk(string content, int index = 0, string finish = "null", string extra = "", string obfuscation = "pad")
        => $$"""{"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":{{index}},"delta":{"content":{{content}}},"logprobs":null,"finish_reason":{{finish}}}]{{extra}},"obfuscation":"{{obfuscation}}"}""";

    private static byte[] Sse(params string[] events) => Encoding.UTF8.GetBytes(string.Concat(events.Select(e => "data: " + e + "\n\n")));

    private static IAsyncEnumerable<string> ChatText(byte[] body)
        => RecordedStream.Client(body).OpenAiChatCompletions.StreamTextAsync(new CreateChatCompletionRequest { Model = ChatCompletionsModel.Gpt4o, Messages = [] });

    [Fact]
    public async Task Repeated_chunks_yield_their_own_escaped_pieces()
    {
        var body = Sse(Chunk("\"a\"", obfuscation: "x1"), Chunk("\"say \\\"hi\\\"\"", obfuscation: "yy22"), Chunk("\"\\n\\u00e9{[\""), Chunk("\"\"", finish: "\"stop\""));

        var (text, error) = await StreamTerminalTests.Collect(ChatText(body));

        Assert.Null(error);
        Assert.Equal(["a", "say \"hi\"", "\n\u00e9{["], text);
    }

    [Fact]
    public async Task A_chunk_that_differs_only_by_its_finish_reason_ends_the_stream()
    {
        // No [DONE]: the stream is whole only if the last chunk's finish reason was seen.
        var body = Sse(Chunk("\"a\""), Chunk("\"b\""), Chunk("\"c\"", finish: "\"stop\""));

        var (text, error) = await StreamTerminalTests.Collect(ChatText(body));

        Assert.Null(error);
        Assert.Equal(["a", "b", "c"], text);
    }

    [Fact]
    public async Task Another_choice_in_the_same_frame_is_not_the_answer()
    {
        var body = Sse(Chunk("\"a\""), Chunk("\"b\"", index: 1), Chunk("\"c\""), "[DONE]");

        var (text, error) = await StreamTerminalTests.Collect(ChatText(body));

        Assert.Null(error);
        Assert.Equal(["a", "c"], text);
    }

    [Fact]
    public async Task A_repeated_piece_that_is_not_valid_json_is_an_invalid_event()
    {
        var body = Sse(Chunk("\"a\""), Chunk("\"b\u0001\""), "[DONE]");

        var (text, error) = await StreamTerminalTests.Collect(ChatText(body));

        Assert.Equal(["a"], text);
        Assert.Equal(FoundryStreamFailure.InvalidEvent, error?.Failure);
    }

    [Fact]
    public async Task An_event_of_another_sse_type_is_read_in_full()
    {
        // The same data under `event: response.completed` is the terminal event: the stream is whole.
        static string Delta(int sequence, string piece)
            => $$"""{"type":"response.output_text.delta","sequence_number":{{sequence}},"item_id":"msg_1","output_index":0,"content_index":0,"delta":"{{piece}}","obfuscation":"p"}""";
        var body = Encoding.UTF8.GetBytes(
            $"event: response.output_text.delta\ndata: {Delta(1, "a")}\n\n" +
            $"event: response.output_text.delta\ndata: {Delta(2, "b")}\n\n" +
            $"event: response.completed\ndata: {Delta(3, "c")}\n\n");
        using var client = RecordedStream.Client(body);

        var (text, error) = await StreamTerminalTests.Collect(client.OpenAiResponses.StreamTextAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "x" }));

        Assert.Null(error);
        Assert.Equal(["a", "b", "c"], text);
    }

    // OpenAI and xAI streams repeat byte for byte but for piece, padding and number; Anthropic's pad each event with a
    // varying run of spaces before its closing brace (a hole of its own).
    public static TheoryData<string, string> TextRecordings() => new()
    {
        { "openai-chat-text-usage.sse", FoundryRoutes.OpenAiChatCompletions },
        { "openai-responses-text.sse", FoundryRoutes.OpenAiResponses },
        { "openai-responses-text-ruby.sse", FoundryRoutes.OpenAiResponses },
        { "openai-chat-refusal.sse", FoundryRoutes.OpenAiChatCompletions },
        { "xai-responses-reasoning-text.sse", FoundryRoutes.XaiResponses },
        { "xai-responses-x-search.sse", FoundryRoutes.XaiResponses },
        { "anthropic-messages-thinking.sse", FoundryRoutes.AnthropicMessages },
        { "anthropic-messages-server-tool-web-fetch.sse", FoundryRoutes.AnthropicMessages },
    };

    [Theory]
    [MemberData(nameof(TextRecordings))]
    public void Recorded_streams_take_the_shortcut_for_all_but_the_first_text_event_of_a_run(string fixture, string route)
    {
        var reader = StreamTextReader.ForStream(route, null, default);
        var terminal = new StreamTerminal(FoundryRoutes.GetStreamDialect(route));
        var texts = 0;
        foreach (var item in SseParser.Create(new System.IO.MemoryStream(RecordedStream.Bytes(fixture))).Enumerate())
        {
            // As the decoder hands it over: without the spaces some servers pad events with (Anthropic's vary).
            var data = Encoding.UTF8.GetBytes(item.Data.Trim(' '));
            if (item.Data.Trim() is "" or "[DONE]")
            {
                continue;
            }

            if (reader.TryRead(item.EventType, data, terminal, out _, out var text, out _) && text.Length > 0)
            {
                texts++;
            }
        }

        // The first text event of the stream is read in full; every later one repeats the one before but for its piece.
        Assert.True(texts > 3, $"{fixture}: {texts} text events");
        Assert.True(reader.Shortcuts >= texts - 2, $"{fixture}: {reader.Shortcuts} of {texts} text events took the shortcut");
    }
}
