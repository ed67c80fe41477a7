using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Foundry.Generated.Emulator;
using Foundry.Generated.OpenAi;
using Foundry.Generated.Testing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Testing;

/// <summary>The in-memory front end of Foundry.Generated.Testing: the same engine as the loopback emulator, no port.</summary>
public sealed class InMemoryFakeTests
{
    private static CreateResponse Request(string prompt = "Tell me a 10 word story") => new() { Model = ResponsesModel.Gpt5Mini, Input = prompt, Stream = true };

    [Fact]
    public async Task A_client_from_the_fake_streams_the_emulated_answer_in_memory()
    {
        var foundry = new FakeFoundry();
        using var client = foundry.CreateClient();

        var text = new StringBuilder();
        await foreach (var e in client.OpenAiResponses.StreamAsync(Request()))
        {
            if (e is ResponseTextDeltaEvent delta)
            {
                text.Append(delta.Delta);
            }
        }

        Assert.Equal(10, text.ToString().Split(' ').Length);
        Assert.Equal(200, foundry.LastRequest.Status);
        Assert.Equal(0, foundry.ActiveStreams);
    }

    [Theory]
    [InlineData("openai/v1/responses", """{"model":"gpt-5-mini","input":"Tell me a 10 word story","stream":true}""")]
    [InlineData("anthropic/v1/messages", """{"model":"claude-haiku-4.5","max_tokens":100,"stream":true,"messages":[{"role":"user","content":"hi"}]}""")]
    [InlineData("google/v1/models/gemini-3-flash:streamGenerateContent?alt=sse", """{"contents":[{"role":"user","parts":[{"text":"hi"}]}]}""")]
    public async Task In_memory_and_loopback_answer_byte_for_byte_alike_because_they_share_one_engine(string path, string body)
    {
        var foundry = new FakeFoundry(new FakeFoundryOptions { Token = "t" });
        await using var emulator = await FoundryProxyEmulator.StartAsync(new EmulatorOptions { Token = "t" });
        using var inMemory = foundry.CreateHttpClient();
        using var loopback = new HttpClient();

        var a = await SendAsync(inMemory, new Uri(FakeFoundry.InMemoryBaseUrl, "api/v2/llm/proxy/" + path), body);
        var b = await SendAsync(loopback, new Uri(emulator.BaseUrl, "api/v2/llm/proxy/" + path), body);

        Assert.Equal("text/event-stream", a.ContentType);
        Assert.Equal(b.ContentType, a.ContentType);
        Assert.Equal(b.Body, a.Body);
    }

    [Fact]
    public async Task Two_fakes_share_nothing()
    {
        var first = new FakeFoundry();
        var second = new FakeFoundry();
        first.Enqueue(FoundryReply.Text("first"));
        using var client = second.CreateClient();

        await client.OpenAiResponses.CreateAsync(Request() with { Stream = null });

        Assert.False(second.LastRequest.Scripted);
        Assert.Single(first.PendingReplies);
        Assert.Empty(first.Requests);
        Assert.Single(second.Requests);
        Assert.NotEqual(first.Token, second.Token);
    }

    [Fact]
    public async Task A_stalled_stream_the_caller_stops_reading_is_aborted_on_the_fake()
    {
        // Nothing is written after the stall, so only the caller closing the body can end it (as a closed connection).
        var foundry = new FakeFoundry();
        foundry.Enqueue(FoundryReply.Text("a", "b").StallAfter(5)); // after the first text delta (event 4)
        using var client = foundry.CreateClient();

        await foreach (var e in client.OpenAiResponses.StreamAsync(Request()))
        {
            if (e is ResponseTextDeltaEvent)
            {
                break;
            }
        }

        await WaitUntil(() => foundry.AbortedStreams == 1 && foundry.ActiveStreams == 0);
    }

    [Fact]
    public async Task AddFoundryLlm_with_the_fake_registers_the_application_s_clients_against_it()
    {
        var foundry = new FakeFoundry();
        foundry.Enqueue(FoundryReply.Text("Hello", " from DI"));
        var services = new ServiceCollection();
        services.AddFoundryLlm(foundry, o => o.AttributionRids.Add("ri.foundry.main.project.test"));
        await using var provider = services.BuildServiceProvider();

        var chat = provider.GetRequiredService<OpenAiResponsesClient>().AsIChatClient(ResponsesModel.Gpt5Mini);
        var response = await chat.GetResponseAsync("hi");

        Assert.Equal("Hello from DI", response.Text);
        Assert.Equal("ri.foundry.main.project.test", foundry.LastRequest.Attribution);
    }

    [Fact]
    public async Task The_token_endpoint_answers_in_memory_too()
    {
        var foundry = new FakeFoundry();
        using var http = foundry.CreateHttpClient();

        using var response = await http.PostAsync(new Uri(FakeFoundry.InMemoryBaseUrl, "multipass/api/oauth2/token"), new FormUrlEncodedContent(new[]
        {
            KeyValuePair("grant_type", "client_credentials"),
            KeyValuePair("client_id", "emulator-client"),
            KeyValuePair("client_secret", "emulator-secret"),
        }));

        Assert.True(response.IsSuccessStatusCode);
        Assert.Contains(foundry.Token, await response.Content.ReadAsStringAsync());
        Assert.Equal(1, foundry.TokensIssued);
    }

    private static System.Collections.Generic.KeyValuePair<string, string> KeyValuePair(string key, string value) => new(key, value);

    private static async Task<(string? ContentType, byte[] Body)> SendAsync(HttpClient http, Uri uri, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "t");
        using var response = await http.SendAsync(request);
        return (response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsByteArrayAsync());
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
