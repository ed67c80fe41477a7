using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using OpenAi = Foundry.Generated.OpenAi;
using Xai = Foundry.Generated.Xai;

namespace Foundry.Generated.Consumer.Tests.Structured;

/// <summary>
/// Structured output on xAI chat completions. No catalogued model serves this route (Foundry answers every xAI chat
/// probe with a 400, the analyzer refuses grok-4-3 there, and the fake Foundry mirrors it), so the typed client is
/// driven with an uncatalogued RID against a
/// handler that answers in xAI's own chat shapes (taken from the recordings <c>xai-chat-tool-call.json</c> and
/// <c>xai-chat-reasoning-text.sse</c>, with the answer text replaced by JSON): the request carries the OpenAI
/// <c>response_format</c>, and the answer parses into the caller's type, whole or streamed.
/// </summary>
public sealed class XaiChatStructuredOutputTests
{
    // What a model following the schema writes: the caller's own JSON contract.
    private static readonly string Json = JsonSerializer.Serialize(new Forecast { City = "Kyiv", HighCelsius = 3, Sky = Sky.Cloudy, Days = [new Day { Name = "Monday", RainMillimetres = 1.5 }] }, StructuredJson.Default.Forecast);

    private static readonly XaiChatCompletionsModel Grok = XaiChatCompletionsModel.FromUncataloguedRid("ri.language-model-service..language-model.grok-code-fast-1");

    private static Xai.CreateChatCompletionRequest Request()
        => new() { Model = Grok, Messages = [new OpenAi.ChatCompletionRequestUserMessage { Content = "Kyiv" }] };

    [Fact]
    public async Task The_request_carries_a_strict_json_schema_and_the_answer_parses()
    {
        var body = $$"""{"id":"61c0468b-2a98-413e-f654-dbffcdbb62c1","object":"chat.completion","created":1770774041,"model":"grok-3-mini","choices":[{"index":0,"message":{"role":"assistant","content":{{JsonSerializer.Serialize(Json)}},"refusal":null},"finish_reason":"stop"}],"usage":{"prompt_tokens":291,"completion_tokens":26,"total_tokens":317},"system_fingerprint":"fp_2a885414fb"}""";
        var handler = new Answer("application/json", body);
        using var client = Client(handler);

        var result = await client.XaiChatCompletions.CreateAsync(Request(), StructuredJson.Default.Forecast);

        Assert.Equal("Kyiv", result.Value.City);
        Assert.Equal(Sky.Cloudy, result.Value.Sky);
        Assert.Equal(1.5, result.Value.Days[0].RainMillimetres);
        Assert.Equal("stop", result.Response.Choices[0].FinishReason.ToString());
        AssertFormat(handler.RequestBody!);
    }

    [Fact]
    public async Task A_streamed_answer_parses_at_the_end_after_every_piece_was_delivered()
    {
        var sse = new StringBuilder();
        for (var i = 0; i < Json.Length; i += 9)
        {
            var piece = Json.Substring(i, Math.Min(9, Json.Length - i));
            sse.Append("data: {\"id\":\"7327b9f5-1c2f-0a15-3fef-c14a71c460d3\",\"object\":\"chat.completion.chunk\",\"created\":1770774058,\"model\":\"grok-3-mini\",\"choices\":[{\"index\":0,\"delta\":{\"content\":")
               .Append(JsonSerializer.Serialize(piece)).Append("}}],\"system_fingerprint\":\"fp_2a885414fb\"}\n\n");
        }

        sse.Append("data: {\"id\":\"7327b9f5-1c2f-0a15-3fef-c14a71c460d3\",\"object\":\"chat.completion.chunk\",\"created\":1770774058,\"model\":\"grok-3-mini\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],\"system_fingerprint\":\"fp_2a885414fb\"}\n\ndata: [DONE]\n\n");
        var handler = new Answer("text/event-stream", sse.ToString());
        using var client = Client(handler);
        var accumulator = new FoundryStructuredAccumulator<Forecast, OpenAi.CreateChatCompletionResponse>(StructuredJson.Default.Forecast);
        var text = new StringBuilder();

        await foreach (var chunk in client.XaiChatCompletions.StreamAsync(Request(), accumulator))
        {
            text.Append(chunk.Choices?[0].Delta.Content);
        }

        Assert.Equal(Json, text.ToString());
        Assert.Equal("Kyiv", accumulator.ToResult().Value.City);
        AssertFormat(handler.RequestBody!);
    }

    private static void AssertFormat(string requestBody)
    {
        using var sent = JsonDocument.Parse(requestBody);
        var format = sent.RootElement.GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        Assert.Equal("Forecast", format.GetProperty("json_schema").GetProperty("name").GetString());
        Assert.True(format.GetProperty("json_schema").GetProperty("strict").GetBoolean());
        Assert.Equal("ri.language-model-service..language-model.grok-code-fast-1", sent.RootElement.GetProperty("model").GetString());
    }

    private static FoundryLlmClient Client(HttpMessageHandler handler)
        => new(new FoundryClientOptions { BaseUrl = new Uri("http://localhost/"), Token = "t" }, new HttpClient(handler));

    private sealed class Answer(string contentType, string body) : HttpMessageHandler
    {
        public string? RequestBody { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Assert.EndsWith("/api/v2/llm/proxy/xai/v1/chat/completions", request.RequestUri!.AbsolutePath);
            RequestBody = await request.Content!.ReadAsStringAsync(cancellationToken);
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8) };
            response.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
            return response;
        }
    }
}
