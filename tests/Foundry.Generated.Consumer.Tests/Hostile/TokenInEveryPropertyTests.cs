using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Foundry.Generated.Consumer.Tests.EndToEnd;
using Foundry.Generated.OpenAi;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Hostile;

/// <summary>
/// A loopback server that echoes the bearer token it received into every place a server controls — request-id
/// headers, every field of an error body, SSE event types, error events, <c>response.failed</c>, a body that is not an
/// event stream — never gets it into any exception property, message, <c>ToString()</c>, <c>Data</c>, log line or span.
/// </summary>
public sealed class TokenInEveryPropertyTests
{
    private const string Token = "sk-live-echo-0123456789abcdef";

    public static TheoryData<string> Echoes => new()
    {
        "status with request-id headers and error body",
        "retry-after refused",
        "error event with the token as event type",
        "response.failed",
        "undecodable event",
        "not an event stream",
        "undecodable answer",
    };

    private static string Answer(string echo, string token) => echo switch
    {
        "status with request-id headers and error body" or "retry-after refused" => RawHttpServer.Head(
                429,
                "Too Many Requests",
                "Content-Type: application/json",
                $"x-request-id: {token}",
                $"request-id: req-{token}",
                $"x-foundry-request-id: {token}",
                echo == "retry-after refused" ? "Retry-After: 86400" : "X-Echo: 1")
            + $"{{\"errorCode\":\"{token}\",\"errorName\":\"Rate:{token}\",\"errorInstanceId\":\"{token}\",\"parameters\":{{\"{token}\":\"{token}\","
            + $"\"responseBody\":\"{{\\\"error\\\":{{\\\"message\\\":\\\"key {token}\\\",\\\"type\\\":\\\"{token}\\\",\\\"code\\\":\\\"{token}\\\"}}}}\"}}}}",
        "error event with the token as event type" => RawHttpServer.Head(200, "OK", "Content-Type: text/event-stream", $"x-request-id: {token}")
            + $"event: {token}\ndata: {{\"type\":\"error\",\"code\":\"{token}\",\"message\":\"bad {token}\",\"param\":\"{token}\"}}\n\n",
        "response.failed" => RawHttpServer.Head(200, "OK", "Content-Type: text/event-stream")
            + $"event: response.failed\ndata: {{\"type\":\"response.failed\",\"sequence_number\":0,\"response\":{{\"id\":\"{token}\",\"object\":\"response\",\"created_at\":1,\"status\":\"failed\",\"model\":\"{token}\",\"output\":[],\"error\":{{\"code\":\"{token}\",\"message\":\"{token}\"}}}}}}\n\n",
        "undecodable event" => RawHttpServer.Head(200, "OK", "Content-Type: text/event-stream")
            + $"event: {token}\ndata: {{\"type\":\"{token}\", {token}\n\n",
        "not an event stream" => RawHttpServer.Head(200, "OK", "Content-Type: application/json")
            + $"{{\"error\":\"{token}\"}}",
        _ => RawHttpServer.Head(200, "OK", "Content-Type: application/json")
            + $"{{\"id\":\"{token}\",\"object\":{token}",
    };

    [Theory]
    [MemberData(nameof(Echoes))]
    public async Task The_echoed_token_is_in_no_property_message_log_or_span(string echo)
    {
        await using var server = new RawHttpServer(async exchange => await exchange.WriteAsync(Answer(echo, exchange.Token)));
        var logs = new List<string>();
        using var loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new ListLoggerProvider(logs)));
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == FoundryTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        using var client = new FoundryLlmClient(new FoundryClientOptions { BaseUrl = server.BaseUrl, Token = Token, MaxRetries = 1, RetryMaxDelay = TimeSpan.FromSeconds(1), LoggerFactory = loggers });
        var request = new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "x" };

        var error = await Assert.ThrowsAnyAsync<FoundryException>(async () =>
        {
            if (echo == "undecodable answer")
            {
                await client.OpenAiResponses.CreateAsync(request);
                return;
            }

            await foreach (var _ in client.OpenAiResponses.StreamAsync(request))
            {
            }
        });

        var read = SecretSweep.AssertAbsent(error, Token);
        Assert.True(read >= 5, $"only {read} strings were read from the exception");
        if (echo != "undecodable answer")
        {
            // What the server sent is shown, masked (an undecodable answer's body is not shown at all).
            Assert.Contains("***", error.Message);
        }

        Assert.DoesNotContain(logs, line => line.Contains(Token, StringComparison.Ordinal));
        Assert.NotEmpty(logs);
        var ours = spans.Where(s => s.Tags.Any(t => t.Key == "foundry.route")).ToList();
        Assert.DoesNotContain(ours, s => s.TagObjects.Any(t => t.Value?.ToString()?.Contains(Token, StringComparison.Ordinal) == true) || s.StatusDescription?.Contains(Token, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task The_request_id_header_is_kept_with_the_token_masked()
    {
        await using var server = new RawHttpServer(async exchange => await exchange.WriteAsync(Answer("status with request-id headers and error body", exchange.Token)));
        using var client = new FoundryLlmClient(new FoundryClientOptions { BaseUrl = server.BaseUrl, Token = Token, MaxRetries = 0 });

        var error = await Assert.ThrowsAsync<FoundryApiException>(() => client.OpenAiResponses.CreateAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "x" }));

        Assert.Equal("***", error.RequestId);
        Assert.Contains("[request ***]", error.Message);
    }
}
