using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Foundry.Generated.OpenAi;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Errors;

/// <summary>
/// A server that echoes the bearer token it received (a real handler reads the request's Authorization header)
/// never gets it into an exception: not the message, not <c>ToString()</c>, not the error body's fields.
/// </summary>
public sealed class TokenEchoTests
{
    private const string Token = "sk-live-echo-0123456789abcdef";

    private static FoundryLlmClient Client(Func<string, HttpResponseMessage> answer)
        => new(new FoundryClientOptions { BaseUrl = new Uri("http://localhost/"), Token = Token, MaxRetries = 0 }, new HttpClient(new EchoHandler(answer)));

    private static CreateResponse Request() => new() { Model = ResponsesModel.Gpt5Mini, Input = "x" };

    [Fact]
    public async Task An_error_status_whose_body_echoes_the_token_does_not_leak_it()
    {
        using var client = Client(token => new HttpResponseMessage(HttpStatusCode.Unauthorized)
        {
            Content = new StringContent(
                "{\"errorCode\":\"PERMISSION_DENIED\",\"errorName\":\"Default:PermissionDenied\",\"errorInstanceId\":\"i-1\",\"parameters\":{"
                + $"\"message\":\"token {token} is not valid\",\"authorization\":\"Bearer {token}\","
                + $"\"responseBody\":\"{{\\\"error\\\":{{\\\"message\\\":\\\"bad key {token}\\\",\\\"type\\\":\\\"auth\\\",\\\"code\\\":\\\"{token}\\\"}}}}\"}}}}",
                Encoding.UTF8,
                "application/json"),
        });

        var error = await Assert.ThrowsAsync<FoundryApiException>(() => client.OpenAiResponses.CreateAsync(Request()));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains("bad key ***", error.Message);
        Assert.DoesNotContain(Token, error.ToString());
        Assert.DoesNotContain(Token, error.ProviderErrorMessage);
        Assert.DoesNotContain(Token, error.ProviderErrorCode);
        Assert.All(error.Parameters.Values, v => Assert.DoesNotContain(Token, v));
        Assert.Equal("Bearer ***", error.Parameters["authorization"]);
    }

    [Fact]
    public async Task An_error_event_that_echoes_the_token_does_not_leak_it()
    {
        using var client = Client(token =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent($"event: error\ndata: {{\"type\":\"error\",\"code\":\"{token}\",\"message\":\"quota exceeded for key {token}\",\"param\":null}}\n\n"),
            };
            response.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/event-stream");
            return response;
        });

        var error = await Assert.ThrowsAsync<FoundryStreamException>(async () =>
        {
            await foreach (var _ in client.OpenAiResponses.StreamAsync(Request()))
            {
            }
        });

        Assert.Equal(FoundryStreamFailure.ErrorEvent, error.Failure);
        Assert.Contains("quota exceeded for key ***", error.Message);
        Assert.DoesNotContain(Token, error.ToString());
        Assert.DoesNotContain(Token, error.ErrorCode);
    }

    [Fact]
    public async Task An_error_code_that_echoes_the_token_stays_out_of_the_span()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == FoundryTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        using var client = Client(token =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent($"event: error\ndata: {{\"type\":\"error\",\"code\":\"{token}\",\"message\":\"no\"}}\n\n") };
            response.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/event-stream");
            return response;
        });

        await Assert.ThrowsAsync<FoundryStreamException>(async () =>
        {
            await foreach (var _ in client.OpenAiResponses.StreamTextAsync(Request()))
            {
            }
        });

        Assert.Contains(stopped, a => (a.GetTagItem("error.type") as string) == "***");
        Assert.DoesNotContain(stopped, a => a.TagObjects.Any(t => t.Value?.ToString()?.Contains(Token, StringComparison.Ordinal) == true) || a.StatusDescription?.Contains(Token, StringComparison.Ordinal) == true);
    }

    // Answers with whatever the test builds from the bearer token the request really carried.
    private sealed class EchoHandler(Func<string, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var token = request.Headers.Authorization?.Parameter ?? throw new InvalidOperationException("no token sent");
            Assert.Equal(Token, token);
            return Task.FromResult(answer(token));
        }
    }
}
