using System;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using Foundry.Generated.Consumer.Tests.Hostile;
using Foundry.Generated.OpenAi;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Errors;

/// <summary>
/// A successful call's response head (status, headers, request id) and body bytes reach the caller: the
/// <c>WithResponse</c> overloads return them with the decoded value, and <see cref="FoundryRequestOptions.OnResponseHead"/>
/// hands a stream's head over before its first event. A header that echoes the token is masked there too.
/// </summary>
public sealed class RawResponseTests
{
    private const string Token = "sk-raw-response-0123456789abcdef";

    private const string Answer = """{"id":"resp_1","object":"response","created_at":1,"status":"completed","model":"gpt-5-mini","output":[],"parallel_tool_calls":true,"tool_choice":"auto","tools":[],"x_vendor_extra":{"shard":7}}""";

    private static FoundryLlmClient Client(Uri baseUrl) => new(new FoundryClientOptions { BaseUrl = baseUrl, Token = Token, MaxRetries = 0 });

    private static CreateResponse Request() => new() { Model = ResponsesModel.Gpt5Mini, Input = "x" };

    [Fact]
    public async Task A_non_streaming_call_returns_the_value_with_its_status_headers_request_id_and_body()
    {
        await using var server = new RawHttpServer(exchange => exchange.WriteAsync(RawHttpServer.Head(200, "OK",
            "Content-Type: application/json", $"Content-Length: {Answer.Length}", "x-request-id: req-42", "openai-processing-ms: 815", $"x-echo: Bearer {Token}") + Answer));
        using var client = Client(server.BaseUrl);

        var response = await client.OpenAiResponses.CreateWithResponseAsync(Request());

        Assert.Equal("resp_1", response.Value.Id);
        Assert.Equal(HttpStatusCode.OK, response.Head.StatusCode);
        Assert.Equal("req-42", response.Head.RequestId);
        Assert.Equal(["815"], response.Head.Headers["OpenAI-Processing-Ms"]);
        Assert.Equal(["application/json"], response.Head.Headers["content-type"]);
        Assert.DoesNotContain(Token, string.Join(" ", response.Head.Headers["x-echo"]), StringComparison.Ordinal);
        Assert.Equal(Answer, Encoding.UTF8.GetString(response.Body.Span));
    }

    [Fact]
    public async Task A_stream_hands_over_its_head_before_its_first_event()
    {
        const string events = "event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\",\"delta\":\"hi\"}\n\n"
            + "event: response.completed\ndata: {\"type\":\"response.completed\",\"response\":{\"id\":\"resp_1\",\"status\":\"completed\"}}\n\n";
        await using var server = new RawHttpServer(exchange => exchange.WriteAsync(RawHttpServer.Head(200, "OK", "Content-Type: text/event-stream", "request-id: req-7") + events));
        using var client = Client(server.BaseUrl);
        FoundryResponseHead? head = null;
        var seenBeforeFirstEvent = false;

        await foreach (var text in client.OpenAiResponses.StreamTextAsync(Request(), new FoundryRequestOptions { OnResponseHead = h => head = h }))
        {
            seenBeforeFirstEvent |= head is not null;
        }

        Assert.True(seenBeforeFirstEvent);
        Assert.Equal("req-7", head!.RequestId);
        Assert.Equal(["text/event-stream"], head.Headers["Content-Type"]);
    }

    [Fact]
    public async Task A_failed_call_reports_no_head_its_exception_carries_the_status()
    {
        await using var server = new RawHttpServer(exchange => exchange.WriteAsync(RawHttpServer.Head(503, "Busy", "Content-Type: application/json", "Content-Length: 2") + "{}"));
        using var client = Client(server.BaseUrl);
        FoundryResponseHead? head = null;

        var error = await Assert.ThrowsAsync<FoundryApiException>(() => client.OpenAiResponses.CreateAsync(Request(), new FoundryRequestOptions { OnResponseHead = h => head = h }));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Null(head);
    }
}
