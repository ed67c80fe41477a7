using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Foundry.Generated.OpenAi;
using Foundry.Generated.Testing;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Testing;

/// <summary>The package's own loopback mode: the fake on a real 127.0.0.1 socket, no ASP.NET Core.</summary>
public sealed class LoopbackTests
{
    private static CreateResponse Request(string prompt = "Tell me a 10 word story") => new() { Model = ResponsesModel.Gpt5Mini, Input = prompt, Stream = true };

    public static TheoryData<FoundryReply, string, string> Replies => new()
    {
        { FoundryReply.Text("Sunny", " in Paris.").WithUsage(3, 4), "openai/v1/responses", """{"model":"gpt-5-mini","input":"Weather?","stream":true}""" },
        { FoundryReply.ToolCall("get_weather", """{"city":"Paris"}""").WithReasoning("think"), "anthropic/v1/messages", """{"model":"claude-haiku-4.5","max_tokens":100,"stream":true,"messages":[{"role":"user","content":"hi"}]}""" },
        { FoundryReply.Text("a", "b", "c").CutAfter(3), "openai/v1/chat/completions", """{"model":"gpt-4.1","stream":true,"messages":[{"role":"user","content":"hi"}]}""" },
        { FoundryReply.Text("x", "y").ErrorEventAfter(2), "google/v1/models/gemini-3-flash:streamGenerateContent?alt=sse", """{"contents":[{"role":"user","parts":[{"text":"hi"}]}]}""" },
        { FoundryReply.Text("whole"), "openai/v1/responses", """{"model":"gpt-5-mini","input":"hi"}""" },
    };

    [Theory]
    [MemberData(nameof(Replies))]
    public async Task A_scripted_reply_has_the_same_bytes_in_memory_and_on_the_package_s_loopback(FoundryReply reply, string path, string body)
    {
        var foundry = new FakeFoundry(new FakeFoundryOptions { Token = "t" });
        foundry.Enqueue(reply).Enqueue(reply);
        await using var server = await foundry.StartLoopbackAsync();
        using var inMemory = foundry.CreateHttpClient();
        using var loopback = new HttpClient();

        var a = await SendAsync(inMemory, new Uri(FakeFoundry.InMemoryBaseUrl, "api/v2/llm/proxy/" + path), body);
        var b = await SendAsync(loopback, new Uri(server.BaseAddress, "api/v2/llm/proxy/" + path), body);

        Assert.Equal(a.Status, b.Status);
        Assert.Equal(a.ContentType, b.ContentType);
        Assert.Equal(Encoding.UTF8.GetString(a.Body), Encoding.UTF8.GetString(b.Body));
        Assert.Equal(a.Body, b.Body);
        Assert.Equal(2, foundry.Requests.Count);
        Assert.Equal(foundry.Requests[0].BodyText, foundry.Requests[1].BodyText);
        foundry.VerifyAllRepliesUsed();
    }

    [Fact]
    public async Task The_loopback_server_captures_requests_from_a_client_built_on_its_base_address()
    {
        var foundry = new FakeFoundry();
        foundry.Enqueue(FoundryReply.Text("Hello", " loopback"));
        await using var server = await foundry.StartLoopbackAsync();
        using var client = new FoundryLlmClient(new FoundryClientOptions { BaseUrl = server.BaseAddress, Token = foundry.Token, AttributionRids = { "ri.foundry.main.project.loop" } });

        var text = new StringBuilder();
        await foreach (var e in client.OpenAiResponses.StreamAsync(Request()))
        {
            if (e is ResponseTextDeltaEvent delta)
            {
                text.Append(delta.Delta);
            }
        }

        Assert.Equal("Hello loopback", text.ToString());
        Assert.Equal(ResponsesModel.Gpt5Mini, foundry.LastRequest.Decode<CreateResponse>().Model);
        Assert.Equal("ri.foundry.main.project.loop", foundry.LastRequest.Attribution);
        Assert.StartsWith("http://127.0.0.1:", server.BaseAddress.ToString());
        foundry.VerifyAllRepliesUsed();
    }

    [Fact]
    public async Task Events_arrive_as_they_are_written_not_when_the_stream_ends()
    {
        // 300 ms between events: the first must arrive long before the last is written (chunked, flushed per event).
        var foundry = new FakeFoundry(new FakeFoundryOptions { EventDelay = TimeSpan.FromMilliseconds(300) });
        foundry.Enqueue(FoundryReply.Text("a", "b", "c", "d", "e", "f"));
        await using var server = await foundry.StartLoopbackAsync();
        using var client = server.CreateClient();

        var clock = Stopwatch.StartNew();
        TimeSpan? first = null;
        await foreach (var e in client.OpenAiResponses.StreamAsync(Request()))
        {
            first ??= clock.Elapsed;
        }

        Assert.True(first < TimeSpan.FromSeconds(1.5), $"first event after {first}, whole stream {clock.Elapsed}");
        Assert.True(clock.Elapsed > TimeSpan.FromSeconds(3), $"whole stream {clock.Elapsed}");
    }

    [Fact]
    public async Task A_stalled_stream_fails_with_the_client_s_idle_timeout_and_the_connection_is_closed()
    {
        var foundry = new FakeFoundry();
        foundry.Enqueue(FoundryReply.Text("a", "b").StallAfter(3));
        await using var server = await foundry.StartLoopbackAsync();
        using var client = server.CreateClient(o => o.StreamIdleTimeout = TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAnyAsync<FoundryStreamException>(async () =>
        {
            await foreach (var _ in client.OpenAiResponses.StreamAsync(Request()))
            {
            }
        });

        Assert.Equal(3, error.EventsReceived);
        await WaitUntil(() => foundry.AbortedStreams == 1 && foundry.ActiveStreams == 0 && server.OpenConnections == 0);
    }

    [Fact]
    public async Task Requests_on_one_kept_alive_connection_are_answered_in_turn()
    {
        var foundry = new FakeFoundry(new FakeFoundryOptions { Token = "t" });
        foundry.Enqueue(FoundryReply.Text("one")).Enqueue(FoundryReply.RateLimited(7)).Enqueue(FoundryReply.Text("three"));
        await using var server = await foundry.StartLoopbackAsync();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 });
        var uri = new Uri(server.BaseAddress, "api/v2/llm/proxy/openai/v1/responses");
        const string body = """{"model":"gpt-5-mini","input":"hi"}""";

        var one = await SendAsync(http, uri, body);
        var two = await SendAsync(http, uri, body);
        var three = await SendAsync(http, uri, body, chunkedRequest: true);

        Assert.Contains("\"one\"", Encoding.UTF8.GetString(one.Body));
        Assert.Equal(429, two.Status);
        Assert.Equal("7", two.RetryAfter);
        Assert.Contains("LanguageModelService:RateLimited", Encoding.UTF8.GetString(two.Body));
        Assert.Contains("\"three\"", Encoding.UTF8.GetString(three.Body));
        Assert.Equal(body, foundry.Requests[2].BodyText);
        Assert.Equal(1, server.OpenConnections);
    }

    [Fact]
    public async Task Disposing_the_server_stops_listening()
    {
        var foundry = new FakeFoundry();
        var server = await foundry.StartLoopbackAsync();
        var uri = server.BaseAddress;
        await server.DisposeAsync();
        using var http = new HttpClient();

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(uri));
    }

    private static async Task<(int Status, string? ContentType, string? RetryAfter, byte[] Body)> SendAsync(HttpClient http, Uri uri, string body, bool chunkedRequest = false)
    {
        HttpContent content = chunkedRequest ? new StreamContent(new System.IO.MemoryStream(Encoding.UTF8.GetBytes(body))) : new StringContent(body, Encoding.UTF8, "application/json");
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (chunkedRequest)
        {
            content.Headers.ContentLength = null;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "t");
        if (chunkedRequest)
        {
            request.Headers.TransferEncodingChunked = true;
        }

        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), await response.Content.ReadAsByteArrayAsync());
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        Assert.True(condition());
    }
}
