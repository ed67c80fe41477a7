using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Foundry.Generated.Consumer.Tests.Sse;
using Foundry.Generated.OpenAi;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Errors;

/// <summary>
/// Retries on a clock the test moves (<see cref="ManualTimeProvider"/>): <c>Retry-After</c> in seconds and as an
/// HTTP date is waited exactly, connection failures are retried with backoff up to <c>MaxRetries</c>, and a
/// 408 is not retried because the policy does not claim it (429, 502, 503, 504 and connection failures only).
/// </summary>
public sealed class RetryTests
{
    private static readonly DateTimeOffset Start = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static FoundryLlmClient Client(ScriptedHandler handler, ManualTimeProvider time, int maxRetries = 3, Action<FoundryClientOptions>? configure = null)
    {
        var options = new FoundryClientOptions
        {
            BaseUrl = new Uri("http://localhost/"),
            Token = "t",
            TimeProvider = time,
            MaxRetries = maxRetries,
            RetryBaseDelay = TimeSpan.FromSeconds(1),
            RetryMaxDelay = TimeSpan.FromSeconds(60),
        };
        configure?.Invoke(options);
        return new(options, new HttpClient(handler));
    }

    private static Task<(List<ResponseStreamEvent> Values, FoundryStreamException? Error)> Stream(FoundryLlmClient client)
        => Task.Run(() => StreamTerminalTests.Collect(client.OpenAiResponses.StreamAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "x" })));

    private static async Task Until(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "timed out waiting for " + what);
            await Task.Delay(5);
        }
    }

    private static HttpResponseMessage Status(HttpStatusCode status, Action<HttpResponseHeaders>? headers = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent("{}") };
        headers?.Invoke(response.Headers);
        return response;
    }

    private static HttpResponseMessage Whole()
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(RecordedStream.Bytes("openai-responses-text.sse")) };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue(RecordedStream.EventStream);
        return response;
    }

    [Theory]
    [InlineData(7)]
    [InlineData(1)]
    public async Task Retry_after_in_seconds_is_waited_on_the_clock(int seconds)
    {
        var time = new ManualTimeProvider(Start);
        var handler = new ScriptedHandler(time, () => Status(HttpStatusCode.TooManyRequests, h => h.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds))), Whole);
        using var client = Client(handler, time);

        var run = Stream(client);
        await Until(() => time.Pending == 1, "the retry delay");

        Assert.Equal(TimeSpan.FromSeconds(seconds), Assert.Single(time.Armed));
        time.Advance(TimeSpan.FromSeconds(seconds) - TimeSpan.FromMilliseconds(1));
        await Task.Delay(100);
        Assert.Equal(1, handler.Requests);
        time.Advance(TimeSpan.FromMilliseconds(1));
        var (events, error) = await run;

        Assert.Null(error);
        Assert.Equal(15, events.Count);
        Assert.Equal([Start, Start.AddSeconds(seconds)], handler.Times);
    }

    [Fact]
    public async Task Retry_after_as_an_http_date_is_waited_until_that_date()
    {
        var time = new ManualTimeProvider(Start);
        var handler = new ScriptedHandler(time, () => Status(HttpStatusCode.ServiceUnavailable, h => h.TryAddWithoutValidation("Retry-After", Start.AddSeconds(20).ToString("R"))), Whole);
        using var client = Client(handler, time);

        var run = Stream(client);
        await Until(() => time.Pending == 1, "the retry delay");

        Assert.Equal(TimeSpan.FromSeconds(20), Assert.Single(time.Armed));
        time.Advance(TimeSpan.FromSeconds(19));
        await Task.Delay(100);
        Assert.Equal(1, handler.Requests);
        time.Advance(TimeSpan.FromSeconds(1));
        var (_, error) = await run;

        Assert.Null(error);
        Assert.Equal([Start, Start.AddSeconds(20)], handler.Times);
    }

    [Fact]
    public async Task A_connection_failure_is_retried_after_a_backoff()
    {
        var time = new ManualTimeProvider(Start);
        var handler = new ScriptedHandler(time, () => throw new HttpRequestException("connection refused"), Whole);
        using var client = Client(handler, time);

        var run = Stream(client);
        await Until(() => time.Pending == 1, "the backoff");

        // Backoff for the first retry: RetryBaseDelay plus up to RetryBaseDelay of jitter.
        var delay = Assert.Single(time.Armed);
        Assert.InRange(delay, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        Assert.Equal(1, handler.Requests);
        time.Advance(delay);
        var (events, error) = await run;

        Assert.Null(error);
        Assert.Equal(15, events.Count);
        Assert.Equal(2, handler.Requests);
        Assert.Equal(Start + delay, handler.Times[1]);
    }

    [Fact]
    public async Task Connection_failures_are_retried_up_to_MaxRetries_then_surface()
    {
        var time = new ManualTimeProvider(Start);
        var handler = new ScriptedHandler(time, () => throw new HttpRequestException("connection refused"));
        using var client = Client(handler, time, maxRetries: 2);

        var run = Stream(client);
        for (var i = 0; i < 100 && !run.IsCompleted; i++)
        {
            await Until(() => time.Pending == 1 || run.IsCompleted, "a backoff or the end");
            time.Advance(TimeSpan.FromSeconds(10));
            await Task.Delay(5);
        }

        var error = await Assert.ThrowsAsync<FoundryConnectionException>(() => run);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Equal("localhost", error.Host);
        Assert.Contains("could not reach localhost:80: connection refused; retries exhausted after 3 attempts", error.Message);
        Assert.Equal(3, handler.Requests);
        Assert.Equal(2, time.Armed.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task A_retry_after_longer_than_RetryMaxDelay_is_not_slept_and_fails_at_once_with_RetryAfter(HttpStatusCode status)
    {
        var time = new ManualTimeProvider(Start);
        var handler = new ScriptedHandler(time, () => Status(status, h => h.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromDays(1))), Whole);
        using var client = Client(handler, time);

        var error = await Assert.ThrowsAsync<FoundryApiException>(() => Stream(client));

        Assert.Equal(status, error.StatusCode);
        Assert.Equal(TimeSpan.FromDays(1), error.RetryAfter);
        Assert.Contains("the server asked to wait 1 d (86,400 s), longer than RetryMaxDelay (60 s)", error.Message);
        Assert.Equal(1, handler.Requests);
        Assert.Empty(time.Armed);
    }

    [Fact]
    public async Task The_retry_budget_caps_all_waits_of_a_call_together_and_each_wait_is_logged_with_its_reason()
    {
        var time = new ManualTimeProvider(Start);
        var handler = new ScriptedHandler(time, () => Status(HttpStatusCode.TooManyRequests, h => h.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(40))));
        var logs = new List<string>();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(new EndToEnd.ListLoggerProvider(logs)));
        using var client = Client(handler, time, maxRetries: 10, o =>
        {
            o.RetryBudget = TimeSpan.FromSeconds(100);
            o.LoggerFactory = loggers;
        });

        var run = Stream(client);
        for (var wait = 0; wait < 2; wait++)
        {
            await Until(() => time.Pending == 1, "retry wait " + (wait + 1));
            time.Advance(TimeSpan.FromSeconds(40));
        }

        var error = await Assert.ThrowsAsync<FoundryApiException>(() => run);

        // 40 s + 40 s were waited; a third 40 s would pass the 100 s budget, so the call fails instead of sleeping.
        Assert.Equal([TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(40)], time.Armed);
        Assert.Equal(3, handler.Requests);
        Assert.Equal(TimeSpan.FromSeconds(40), error.RetryAfter);
        Assert.Contains("waiting 40 s more would exceed RetryBudget (100 s, 80 s already waited)", error.Message);
        Assert.Equal(2, logs.Count(l => l.Contains("after 429, Retry-After, waiting 40000 ms", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_last_retryable_status_carries_the_wait_the_server_asked_for()
    {
        var time = new ManualTimeProvider(Start);
        var handler = new ScriptedHandler(time, () => Status(HttpStatusCode.TooManyRequests, h => h.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(5))));
        using var client = Client(handler, time, maxRetries: 0);

        var error = await Assert.ThrowsAsync<FoundryApiException>(() => Stream(client));

        Assert.Equal(TimeSpan.FromSeconds(5), error.RetryAfter);
        Assert.Contains("Not retried (MaxRetries is 0). The server asks to retry after 5 s (RetryAfter)", error.Message);
    }

    [Fact]
    public async Task A_408_is_not_retried_because_the_policy_does_not_claim_it()
    {
        var time = new ManualTimeProvider(Start);
        var handler = new ScriptedHandler(time, () => Status(HttpStatusCode.RequestTimeout), Whole);
        using var client = Client(handler, time);

        var error = await Assert.ThrowsAsync<FoundryApiException>(() => Stream(client));

        Assert.Equal(HttpStatusCode.RequestTimeout, error.StatusCode);
        Assert.False(error.IsTransient);
        Assert.Equal(1, handler.Requests);
        Assert.Empty(time.Armed);
    }

    // Answers request n with the n-th script entry (the last one repeats) and notes the fake time of each request.
    private sealed class ScriptedHandler(ManualTimeProvider time, params Func<HttpResponseMessage>[] script) : HttpMessageHandler
    {
        private readonly ConcurrentQueue<DateTimeOffset> _times = new();
        private int _requests;

        public int Requests => Volatile.Read(ref _requests);

        public DateTimeOffset[] Times => _times.ToArray();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var n = Interlocked.Increment(ref _requests);
            _times.Enqueue(time.GetUtcNow());
            return Task.FromResult(script[Math.Min(n, script.Length) - 1]());
        }
    }
}
