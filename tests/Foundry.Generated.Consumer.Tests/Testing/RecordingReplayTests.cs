using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Foundry.Generated.OpenAi;
using Foundry.Generated.Runtime;
using Foundry.Generated.Testing;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Testing;

/// <summary>Recorded replies (the tests/fixtures manifest format) replayed by the fake, byte for byte.</summary>
public sealed class RecordingReplayTests
{
    private static readonly string Manifest = Sse.RecordedStream.Manifest;

    // A request each route's checks accept (a model the catalog has on it); xAI chat completions has none in the catalog.
    private static readonly Dictionary<string, (string Path, string Body)> Requests = new()
    {
        [FoundryRoutes.OpenAiChatCompletions] = ("openai/v1/chat/completions", """{"model":"gpt-4.1","stream":true,"messages":[{"role":"user","content":"hi"}]}"""),
        [FoundryRoutes.OpenAiResponses] = ("openai/v1/responses", """{"model":"gpt-5-mini","input":"hi","stream":true}"""),
        [FoundryRoutes.AnthropicMessages] = ("anthropic/v1/messages", """{"model":"claude-haiku-4.5","max_tokens":100,"stream":true,"messages":[{"role":"user","content":"hi"}]}"""),
        [FoundryRoutes.GoogleGenerateContent] = ("google/v1/models/gemini-3-flash:streamGenerateContent?alt=sse", """{"contents":[{"role":"user","parts":[{"text":"hi"}]}]}"""),
        [FoundryRoutes.XaiResponses] = ("xai/v1/responses", """{"model":"grok-4-3","input":"hi","stream":true}"""),
    };

    [Fact]
    public async Task Every_recorded_stream_on_a_route_the_catalog_serves_is_replayed_byte_for_byte()
    {
        var recordings = FoundryRecording.Load(Manifest);
        var replayed = 0;
        foreach (var recording in recordings)
        {
            if (recording.Route is not { } route || !Requests.TryGetValue(route, out var request))
            {
                continue;
            }

            var foundry = new FakeFoundry();
            foundry.Enqueue(FoundryReply.Recorded(recording), route);
            using var http = foundry.CreateHttpClient();
            using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(FakeFoundry.InMemoryBaseUrl, "api/v2/llm/proxy/" + request.Path)) { Content = new StringContent(request.Body, Encoding.UTF8, "application/json") };
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", foundry.Token);

            using var response = await http.SendAsync(message);

            Assert.True(response.StatusCode == (HttpStatusCode)recording.Status, $"{recording}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var body = await response.Content.ReadAsByteArrayAsync();
            Assert.True(recording.Body.Span.SequenceEqual(body), recording.File);
            replayed++;
        }

        // Everything but the recordings of xAI chat completions, a route no catalog model is on.
        Assert.Equal(recordings.Count(r => r.Route != FoundryRoutes.XaiChatCompletions), replayed);
    }

    [Fact]
    public async Task A_replayed_recording_reads_through_the_typed_client()
    {
        var recording = FoundryRecording.Load(Manifest).First(r => r.Route == FoundryRoutes.OpenAiResponses && r.Status == 200);
        var foundry = new FakeFoundry();
        foundry.Enqueue(FoundryReply.Recorded(recording), recording.Route);
        using var client = foundry.CreateClient();

        var events = new List<ResponseStreamEvent>();
        await foreach (var e in client.OpenAiResponses.StreamAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "hi" }))
        {
            events.Add(e);
        }

        Assert.NotEmpty(events);
        foundry.VerifyAllRepliesUsed();
    }

    [Fact]
    public async Task A_request_that_does_not_match_the_recording_fails_with_the_difference()
    {
        var recording = FoundryRecording.Load(Manifest).First(r => r.Route == FoundryRoutes.OpenAiChatCompletions);
        var foundry = new FakeFoundry(new FakeFoundryOptions { RequireScriptedReplies = true });
        foundry.Enqueue(FoundryReply.Recorded(recording), recording.Route);
        using var client = foundry.CreateClient(o => o.MaxRetries = 0);

        var error = await Assert.ThrowsAsync<FoundryApiException>(() => client.OpenAiResponses.CreateAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "hi" }));

        Assert.Contains("no scripted reply for openai-responses", error.Message);
        Assert.Contains($"recording {recording.File} (openai-chat-completions, 200) (route openai-chat-completions, model any) differs: route openai-chat-completions, not openai-responses", error.Message);
    }
}
