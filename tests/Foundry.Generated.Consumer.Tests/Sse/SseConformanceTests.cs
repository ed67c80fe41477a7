using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Foundry.Generated.OpenAi;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Sse;

/// <summary>
/// The WHATWG "interpreting an event stream" rules, through the real pipeline (SseParser + our decoding), with the
/// bytes delivered whole, one byte at a time, and split in two at every position.
/// </summary>
public sealed class SseConformanceTests
{
    private static string Delta(string text, int sequence = 1)
        => $"{{\"type\":\"response.output_text.delta\",\"sequence_number\":{sequence},\"item_id\":\"m\",\"output_index\":0,\"content_index\":0,\"delta\":\"{text}\",\"logprobs\":[]}}";

    public static TheoryData<string, string, string> Cases() => new()
    {
        { "LF line ends", $"event: response.output_text.delta\ndata: {Delta("a")}\n\ndata: {Delta("b")}\n\n", "ab" },
        { "CRLF line ends", $"event: response.output_text.delta\r\ndata: {Delta("a")}\r\n\r\ndata: {Delta("b")}\r\n\r\n", "ab" },
        { "CR line ends", $"event: response.output_text.delta\rdata: {Delta("a")}\r\rdata: {Delta("b")}\r\r", "ab" },
        { "mixed line ends", $"data: {Delta("a")}\r\n\ndata: {Delta("b")}\n\r\n", "ab" },
        { "byte order mark", $"\uFEFFdata: {Delta("a")}\n\n", "a" },
        { "comments and keep-alives", $": keep-alive\n\n: OPENROUTER PROCESSING\ndata: {Delta("a")}\n: inline comment\n\n", "a" },
        { "no space after the colon", $"data:{Delta("a")}\n\n", "a" },
        { "multi-line data joined with LF", "data: {\"type\":\"response.output_text.delta\",\ndata: \"sequence_number\":1,\"item_id\":\"m\",\"output_index\":0,\ndata: \"content_index\":0,\"delta\":\"a\",\"logprobs\":[]}\n\n", "a" },
        { "unknown fields, id and retry ignored", $"id: 7\nretry: 100\nfoo: bar\nfield-without-colon\ndata: {Delta("a")}\n\n", "a" },
        { "empty data dispatches nothing", $"data:\n\ndata: {Delta("a")}\n\n", "a" },
        { "event type resets after each event", $"event: response.output_text.delta\ndata: {Delta("a")}\n\ndata: {Delta("b")}\n\n", "ab" },
        { "trailing event without blank line is discarded", $"data: {Delta("a")}\n\ndata: {Delta("b")}\n", "a" },
        { "multi-byte UTF-8 text", $"data: {Delta("é🦅")}\n\n", "é🦅" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Stream_decodes_the_same_however_the_bytes_arrive(string name, string wire, string expected)
    {
        var bytes = Encoding.UTF8.GetBytes(wire);

        Assert.Equal(expected, await Decode(bytes, []));
        Assert.Equal(expected, await Decode(bytes, Enumerable.Range(1, bytes.Length).ToArray()));
        for (var cut = 1; cut < bytes.Length; cut++)
        {
            var text = await Decode(bytes, [cut]);
            Assert.True(expected == text, $"{name}: split at byte {cut} gave '{text}'");
        }
    }

    private static async Task<string> Decode(byte[] bytes, int[] cuts)
    {
        using var client = new FoundryLlmClient(
            // Framing only: these snippets have no response.completed (StreamTerminalTests covers the terminal event).
            new FoundryClientOptions { BaseUrl = new Uri("http://localhost/"), Token = "t", AllowMissingStreamTerminal = true },
            new HttpClient(new Handler(() => new SplitStream(bytes, cuts))));
        var text = new StringBuilder();
        await foreach (var e in client.OpenAiResponses.StreamAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "x" }))
        {
            text.Append((e as ResponseTextDeltaEvent)?.Delta);
        }

        return text.ToString();
    }

    private sealed class Handler(Func<System.IO.Stream> body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(body(), 1) };
            response.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/event-stream");
            return Task.FromResult(response);
        }
    }
}
