using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Foundry.Generated.OpenAi;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Sse;

/// <summary>
/// A streaming call answered 2xx with something other than an event stream (another content type, or an event
/// stream without any event) fails with <see cref="FoundryStreamFailure.NotAnEventStream"/> before any event, naming
/// the content type and showing at most 256 first bytes of the body with the token masked.
/// </summary>
public sealed class NotAnEventStreamTests
{
    private const string Token = "sk-test-token-0123456789abcdef";

    public static TheoryData<int> ReadSizes()
    {
        var data = new TheoryData<int>();
        foreach (var size in RecordedStream.ReadSizes)
        {
            data.Add(size);
        }

        return data;
    }

    private static CreateResponse Request() => new() { Model = ResponsesModel.Gpt5Mini, Input = "x" };

    private static async Task<FoundryStreamException> Fail(byte[] body, int readSize, string? contentType, bool text = false)
    {
        using var client = RecordedStream.Client(body, readSize, o => o.Token = Token, contentType);
        if (text)
        {
            var (pieces, textError) = await StreamTerminalTests.Collect(client.OpenAiResponses.StreamTextAsync(Request()));
            Assert.Empty(pieces);
            return textError ?? throw new Xunit.Sdk.XunitException("the text stream did not fail");
        }

        var (events, error) = await StreamTerminalTests.Collect(client.OpenAiResponses.StreamAsync(Request()));
        Assert.Empty(events);
        return error ?? throw new Xunit.Sdk.XunitException("the stream did not fail");
    }

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public async Task A_json_answer_to_a_streaming_call_names_its_content_type_and_shows_the_body(int readSize)
    {
        var body = """{"errorCode":"INTERNAL","errorName":"Default:Internal","errorInstanceId":"abc","parameters":{}}"""u8.ToArray();

        foreach (var text in new[] { false, true })
        {
            var error = await Fail(body, readSize, "application/json; charset=utf-8", text);

            Assert.Equal(FoundryStreamFailure.NotAnEventStream, error.Failure);
            Assert.Equal(0, error.EventsReceived);
            Assert.Contains("the 200 response is application/json; charset=utf-8, not text/event-stream", error.Message);
            Assert.Contains($"the body ({body.Length} bytes): \"{Encoding.UTF8.GetString(body)}\"", error.Message);
        }
    }

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public async Task Only_the_first_256_bytes_of_a_long_body_are_shown(int readSize)
    {
        var body = Encoding.UTF8.GetBytes("<html>\r\n<body>" + new string('x', 300) + "AFTER-THE-PREVIEW</body></html>");

        var error = await Fail(body, readSize, "text/html");

        Assert.Contains("is text/html, not text/event-stream; the body begins (first 256 bytes): \"<html>\\r\\n<body>xxx", error.Message);
        Assert.Contains("xxx\"…", error.Message);
        Assert.DoesNotContain("AFTER-THE-PREVIEW", error.Message);
    }

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public async Task A_body_without_a_content_type_is_not_taken_for_an_event_stream(int readSize)
    {
        // Even a real event stream: without the header it could be anything.
        var error = await Fail(RecordedStream.Bytes("openai-responses-text.sse"), readSize, contentType: null);

        Assert.Equal(FoundryStreamFailure.NotAnEventStream, error.Failure);
        Assert.Contains("the 200 response has no content type, not text/event-stream; the body begins (first 256 bytes): \"event: response.created\\ndata: {", error.Message);
    }

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public async Task An_event_stream_of_comments_only_held_no_event(int readSize)
    {
        foreach (var text in new[] { false, true })
        {
            var error = await Fail(": keep-alive\n\n: OPENROUTER PROCESSING\n\n"u8.ToArray(), readSize, RecordedStream.EventStream, text);

            Assert.Equal(FoundryStreamFailure.NotAnEventStream, error.Failure);
            Assert.Contains("the text/event-stream response held no event; the body (39 bytes): \": keep-alive\\n\\n: OPENROUTER PROCESSING\\n\\n\"", error.Message);
        }
    }

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public async Task An_empty_event_stream_held_no_event(int readSize)
    {
        var error = await Fail([], readSize, RecordedStream.EventStream);

        Assert.Equal(FoundryStreamFailure.NotAnEventStream, error.Failure);
        Assert.Contains("held no event; the body is empty", error.Message);
    }

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public async Task The_token_echoed_in_the_shown_bytes_is_masked_even_when_the_preview_cuts_it(int readSize)
    {
        // Once whole inside the 256 bytes, once cut by the end of the preview (it starts at byte 240).
        var start = "{\"echo\":\"Bearer " + Token + "\",\"pad\":\"";
        var body = Encoding.UTF8.GetBytes(start + new string('p', 240 - start.Length) + Token + "\"}");
        Assert.Equal(240, Encoding.UTF8.GetString(body).LastIndexOf(Token, StringComparison.Ordinal));

        var error = await Fail(body, readSize, "application/json");

        Assert.DoesNotContain(Token[..8], error.ToString());
        Assert.Contains("\"Bearer ***\"", error.Message);
        Assert.Contains("ppp***\"…", error.Message);
    }

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public async Task An_event_stream_with_a_charset_parameter_is_an_event_stream(int readSize)
    {
        using var client = RecordedStream.Client(RecordedStream.Bytes("openai-responses-text.sse"), readSize, contentType: "Text/Event-Stream; charset=utf-8");

        var (events, error) = await StreamTerminalTests.Collect(client.OpenAiResponses.StreamAsync(Request()));

        Assert.Null(error);
        Assert.Equal(15, events.Count);
    }
}
