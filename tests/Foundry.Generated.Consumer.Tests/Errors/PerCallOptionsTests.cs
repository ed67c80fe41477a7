using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Foundry.Generated.Consumer.Tests.Hostile;
using Foundry.Generated.OpenAi;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Errors;

/// <summary>
/// <see cref="FoundryRequestOptions"/> override the client's options for one call only — attribution, headers, retries,
/// request and idle timeouts — and never the token; the next call without them is sent as the client says.
/// </summary>
public sealed class PerCallOptionsTests
{
    private const string Token = "sk-per-call-0123456789abcdef";

    private static FoundryLlmClient Client(Uri baseUrl) => new(new FoundryClientOptions
    {
        BaseUrl = baseUrl,
        Token = Token,
        AttributionRids = { "ri.compass.main.folder.client-wide" },
        MaxRetries = 0,
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
    });

    private static CreateResponse Request() => new() { Model = ResponsesModel.Gpt5Mini, Input = "x" };

    private const string Answer = """{"id":"resp_1","object":"response","created_at":1,"status":"completed","model":"gpt-5-mini","output":[],"parallel_tool_calls":true,"tool_choice":"auto","tools":[]}""";

    // Answers every request with one JSON body and keeps each request's head.
    private static RawHttpServer Recording(ConcurrentQueue<string> heads, int status = 200)
        => new(async exchange =>
        {
            heads.Enqueue(exchange.Head);
            await exchange.WriteAsync(RawHttpServer.Head(status, status == 200 ? "OK" : "Busy", "Content-Type: application/json", $"Content-Length: {Answer.Length}") + Answer);
        });

    [Fact]
    public async Task Attribution_and_extra_headers_apply_to_that_call_only()
    {
        var heads = new ConcurrentQueue<string>();
        await using var server = Recording(heads);
        using var client = Client(server.BaseUrl);

        await client.OpenAiResponses.CreateAsync(Request(), new FoundryRequestOptions
        {
            AttributionRids = ["ri.compass.main.folder.team-a", "ri.compass.main.folder.team-b"],
            Headers = new Dictionary<string, string> { ["x-correlation-id"] = "order-42" },
        });
        await client.OpenAiResponses.CreateAsync(Request());

        var (first, second) = (Assert.Single(heads, h => h.Contains("team-a", StringComparison.Ordinal)), Assert.Single(heads, h => !h.Contains("team-a", StringComparison.Ordinal)));
        Assert.Contains("attribution: ri.compass.main.folder.team-a,ri.compass.main.folder.team-b\r\n", first, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("x-correlation-id: order-42\r\n", first, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"Authorization: Bearer {Token}\r\n", first, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("attribution: ri.compass.main.folder.client-wide\r\n", second, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("x-correlation-id", second, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_header_that_would_replace_the_token_is_refused_before_anything_is_sent()
    {
        var heads = new ConcurrentQueue<string>();
        await using var server = Recording(heads);
        using var client = Client(server.BaseUrl);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.OpenAiResponses.CreateAsync(Request(), new FoundryRequestOptions
        {
            Headers = new Dictionary<string, string> { ["authorization"] = "Bearer other" },
        }));

        Assert.Contains("may not set 'authorization'", error.Message);
        Assert.Empty(heads);
    }

    [Fact]
    public async Task Max_retries_for_one_call_override_the_clients()
    {
        var heads = new ConcurrentQueue<string>();
        await using var server = Recording(heads, status: 503);
        using var client = Client(server.BaseUrl);

        await Assert.ThrowsAsync<FoundryApiException>(() => client.OpenAiResponses.CreateAsync(Request(), new FoundryRequestOptions { MaxRetries = 2 }));
        Assert.Equal(3, heads.Count);

        await Assert.ThrowsAsync<FoundryApiException>(() => client.OpenAiResponses.CreateAsync(Request()));
        Assert.Equal(4, heads.Count);
    }

    [Fact]
    public async Task A_request_timeout_for_one_call_is_named_in_the_timeout_exception()
    {
        await using var server = new RawHttpServer(exchange => Task.Delay(Timeout.Infinite, exchange.Stopping));
        using var client = Client(server.BaseUrl);

        var error = await Assert.ThrowsAsync<FoundryTimeoutException>(() => client.OpenAiResponses.CreateAsync(Request(), new FoundryRequestOptions { RequestTimeout = TimeSpan.FromMilliseconds(200) }));

        Assert.Equal(TimeSpan.FromMilliseconds(200), error.Timeout);
        Assert.Contains("FoundryRequestOptions.RequestTimeout", error.Message);
    }

    [Fact]
    public async Task A_stream_idle_timeout_for_one_call_ends_a_silent_stream()
    {
        await using var server = new RawHttpServer(async exchange =>
        {
            await exchange.WriteAsync(RawHttpServer.Head(200, "OK", "Content-Type: text/event-stream"));
            await Task.Delay(Timeout.Infinite, exchange.Stopping);
        });
        using var client = Client(server.BaseUrl);

        var error = await Assert.ThrowsAsync<FoundryStreamException>(async () =>
        {
            await foreach (var _ in client.OpenAiResponses.StreamAsync(Request(), new FoundryRequestOptions { StreamIdleTimeout = TimeSpan.FromMilliseconds(200) }))
            {
            }
        });

        Assert.Equal(FoundryStreamFailure.IdleTimeout, error.Failure);
    }
}
