using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Foundry.Generated.OpenAi;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Hostile;

/// <summary>
/// Small events and then one past <see cref="FoundryClientOptions.MaxEventBytes"/>, in a body a handler hands over in
/// reads as large as asked (as an in-memory handler does): the stream reads ahead, yet every complete event before the
/// oversized one reaches the caller before it fails.
/// </summary>
public sealed class OversizedAfterSmallEventsTests
{
    [Fact]
    public async Task Every_event_before_an_oversized_one_is_delivered_then_the_stream_fails()
    {
        var small = string.Concat(Enumerable.Range(0, 20).Select(i => $"event: response.output_text.delta\ndata: {{\"type\":\"response.output_text.delta\",\"delta\":\"w{i} \"}}\n\n"));
        var huge = "event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\",\"delta\":\"" + new string('x', 40_000) + "\"}\n\n";
        using var http = new System.Net.Http.HttpClient(new WholeBodyHandler(Encoding.UTF8.GetBytes(small + huge)));
        using var client = new FoundryLlmClient(new FoundryClientOptions { BaseUrl = new Uri("http://127.0.0.1:9/"), Token = "t", MaxEventBytes = 1024 }, http);
        var texts = new List<string>();

        var error = await Assert.ThrowsAsync<FoundryStreamException>(async () =>
        {
            await foreach (var text in client.OpenAiResponses.StreamTextAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "x" }))
            {
                texts.Add(text);
            }
        });

        Assert.Equal(FoundryStreamFailure.EventTooLarge, error.Failure);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"w{i} "), texts);
    }

    // Answers with the body from memory: a read takes as much of it as the reader asks for.
    private sealed class WholeBodyHandler(byte[] body) : System.Net.Http.HttpMessageHandler
    {
        protected override Task<System.Net.Http.HttpResponseMessage> SendAsync(System.Net.Http.HttpRequestMessage request, System.Threading.CancellationToken cancellationToken)
        {
            var response = new System.Net.Http.HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new System.Net.Http.ByteArrayContent(body) };
            response.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/event-stream");
            return Task.FromResult(response);
        }
    }
}
