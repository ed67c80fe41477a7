using System;
using System.Collections.Generic;
using System.Net;
using System.Threading.Tasks;
using Foundry.Generated.OpenAi;
using Foundry.Generated.Runtime;
using Foundry.Generated.Testing;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Testing;

/// <summary>Scripted faults give the client the same typed errors as the real proxy's (see EndToEnd/FaultTests).</summary>
public sealed class ScriptedFaultTests
{
    private static CreateResponse Request() => new() { Model = ResponsesModel.Gpt5Mini, Input = "Tell me a 10 word story" };

    [Fact]
    public async Task A_scripted_429_carries_retry_after_and_foundry_s_error_name()
    {
        var foundry = new FakeFoundry();
        foundry.Enqueue(FoundryReply.RateLimited(retryAfterSeconds: 7));
        using var client = foundry.CreateClient(o => o.MaxRetries = 0);

        var error = await Assert.ThrowsAsync<FoundryApiException>(() => client.OpenAiResponses.CreateAsync(Request()));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal("LanguageModelService:RateLimited", error.ErrorName);
        Assert.Equal("TOO_MANY_REQUESTS", error.ErrorCode);
        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        Assert.Equal(429, foundry.LastRequest.Status);
    }

    [Fact]
    public async Task A_429_then_an_answer_is_retried_by_the_client()
    {
        var foundry = new FakeFoundry();
        foundry.Enqueue(FoundryReply.RateLimited(retryAfterSeconds: 0)).Enqueue(FoundryReply.Text("after the wait"));
        using var client = foundry.CreateClient();

        await client.OpenAiResponses.CreateAsync(Request());

        Assert.Equal(new[] { 429, 200 }, Statuses(foundry));
    }

    [Fact]
    public async Task A_scripted_http_error_has_the_conjure_body()
    {
        var foundry = new FakeFoundry();
        foundry.Enqueue(FoundryReply.HttpError(403, "LanguageModelService:PermissionDenied", "not for you"));
        using var client = foundry.CreateClient();

        var error = await Assert.ThrowsAsync<FoundryApiException>(() => client.OpenAiResponses.CreateAsync(Request()));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("PERMISSION_DENIED", error.ErrorCode);
        Assert.Equal("LanguageModelService:PermissionDenied", error.ErrorName);
        Assert.NotNull(error.ErrorInstanceId);
    }

    [Fact]
    public async Task A_stream_cut_after_n_events_is_truncated_after_delivering_them()
    {
        var foundry = new FakeFoundry();
        foundry.Enqueue(FoundryReply.Text("a", "b", "c", "d").CutAfter(4));
        using var client = foundry.CreateClient();
        var received = new List<ResponseStreamEvent>();

        var error = await Assert.ThrowsAsync<FoundryStreamException>(async () =>
        {
            await foreach (var e in client.OpenAiResponses.StreamAsync(Request()))
            {
                received.Add(e);
            }
        });

        Assert.Equal(FoundryStreamFailure.Truncated, error.Failure);
        Assert.Equal(4, received.Count);
        Assert.Equal("cut:after=4", foundry.LastRequest.Fault);
    }

    [Theory]
    [InlineData("error-event", FoundryStreamFailure.ErrorEvent)]
    [InlineData("reset", FoundryStreamFailure.ConnectionLost)]
    [InlineData("not-sse", FoundryStreamFailure.NotAnEventStream)]
    public async Task Each_stream_fault_is_the_client_s_typed_failure(string fault, FoundryStreamFailure expected)
    {
        var foundry = new FakeFoundry();
        var text = FoundryReply.Text("a", "b", "c");
        foundry.Enqueue(fault switch
        {
            "error-event" => text.ErrorEventAfter(3),
            "reset" => text.ResetAfter(3),
            _ => FoundryReply.NotEventStream(),
        });
        using var client = foundry.CreateClient();

        var error = await Assert.ThrowsAsync<FoundryStreamException>(async () =>
        {
            await foreach (var _ in client.OpenAiResponses.StreamAsync(Request()))
            {
            }
        });

        Assert.Equal(expected, error.Failure);
    }

    [Fact]
    public async Task A_stalled_stream_fails_with_the_client_s_idle_timeout()
    {
        var foundry = new FakeFoundry();
        foundry.Enqueue(FoundryReply.Text("a", "b").StallAfter(2));
        using var client = foundry.CreateClient(o => o.StreamIdleTimeout = TimeSpan.FromMilliseconds(200));

        var error = await Assert.ThrowsAsync<FoundryStreamException>(async () =>
        {
            await foreach (var _ in client.OpenAiResponses.StreamAsync(Request()))
            {
            }
        });

        Assert.Equal(FoundryStreamFailure.IdleTimeout, error.Failure);
    }

    [Fact]
    public async Task A_model_the_catalog_rules_out_on_a_route_gets_the_proxy_s_answer_even_when_scripted()
    {
        var foundry = new FakeFoundry();
        foundry.Enqueue(FoundryReply.Text("never sent"));
        using var client = foundry.CreateClient();
        var request = FoundryJson.Deserialize<CreateChatCompletionRequest>("""{"model":"gpt-5-mini","messages":[{"role":"user","content":"hi"}]}""");

        var error = await Assert.ThrowsAsync<FoundryApiException>(() => client.OpenAiChatCompletions.CreateAsync(request));

        Assert.Equal("LanguageModelService:LanguageModelNotAvailable", error.ErrorName);
    }

    private static IEnumerable<int> Statuses(FakeFoundry foundry) => System.Linq.Enumerable.Select(foundry.Requests, r => r.Status);
}
