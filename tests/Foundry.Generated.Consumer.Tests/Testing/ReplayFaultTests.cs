using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Foundry.Generated.OpenAi;
using Foundry.Generated.Runtime;
using Foundry.Generated.Testing;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Testing;

/// <summary>Faults on replayed recordings: cut after event N, an error event, a reset, a stall, as on scripted replies.</summary>
public sealed class ReplayFaultTests
{
    private static readonly string Manifest = Sse.RecordedStream.Manifest;

    private static FoundryRecording ResponsesText() => FoundryRecording.Load(Manifest).Single(r => r.File == "openai-responses-text.sse");

    [Theory]
    [InlineData("cut:after=3")]
    [InlineData("midstream-error:after=3")]
    [InlineData("drop:after=3")]
    public async Task A_replay_with_a_fault_fails_the_client_as_the_scripted_reply_with_that_fault_does(string fault)
    {
        var replayed = new FakeFoundry();
        replayed.Enqueue(FoundryReply.Recorded(ResponsesText()).WithFault(FoundryFault.Parse(fault)), FoundryRoutes.OpenAiResponses);
        var scripted = new FakeFoundry();
        scripted.Enqueue(FoundryReply.Text("a", "b", "c").WithFault(FoundryFault.Parse(fault)));

        var fromReplay = await FailureOf(replayed);
        var fromScript = await FailureOf(scripted);

        Assert.Equal(fromScript.GetType(), fromReplay.GetType());
        Assert.Equal(fromScript.Failure, fromReplay.Failure);
        Assert.Equal(3, fromReplay.EventsReceived);
        Assert.Equal(fromScript.EventsReceived, fromReplay.EventsReceived);
        replayed.VerifyAllRepliesUsed();
    }

    [Fact]
    public async Task A_cut_replay_sends_the_first_events_byte_for_byte_and_nothing_else()
    {
        var recording = ResponsesText();
        var foundry = new FakeFoundry(new FakeFoundryOptions { Token = "t" });
        foundry.Enqueue(FoundryReply.Recorded(recording).CutAfter(2), recording.Route);
        using var http = foundry.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(FakeFoundry.InMemoryBaseUrl, "api/v2/llm/proxy/openai/v1/responses")) { Content = new StringContent("""{"model":"gpt-5-mini","input":"hi","stream":true}""", Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "t");

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        var recorded = Encoding.UTF8.GetString(recording.Body.Span);
        var twoEvents = string.Join("\n\n", recorded.Split("\n\n").Take(2)) + "\n\n";
        Assert.Equal(twoEvents, Encoding.UTF8.GetString(body));
    }

    [Fact]
    public async Task A_stalled_replay_ends_with_the_client_s_idle_timeout()
    {
        var foundry = new FakeFoundry();
        foundry.Enqueue(FoundryReply.Recorded(ResponsesText()).StallAfter(4), FoundryRoutes.OpenAiResponses);
        using var client = foundry.CreateClient(o => o.StreamIdleTimeout = TimeSpan.FromMilliseconds(300));

        var error = await FailureOf(client);

        Assert.Equal(4, error.EventsReceived);
        for (var i = 0; i < 200 && foundry.AbortedStreams == 0; i++)
        {
            await Task.Delay(25);
        }

        Assert.Equal(1, foundry.AbortedStreams);
    }

    [Fact]
    public void A_fault_a_replay_cannot_apply_is_refused_when_scripted()
    {
        var stream = ResponsesText();
        var folder = Directory.CreateTempSubdirectory("foundry-replay-");
        File.WriteAllText(Path.Combine(folder.FullName, "limit.json"), """{"errorCode":"TOO_MANY_REQUESTS","errorName":"LanguageModelService:RateLimited","errorInstanceId":"x","parameters":{}}""");
        File.WriteAllText(Path.Combine(folder.FullName, "manifest.json"), """[{"file":"limit.json","request_uri":"/api/v2/llm/proxy/openai/v1/responses","http_status":{"code":429}}]""");
        var error = FoundryRecording.Load(Path.Combine(folder.FullName, "manifest.json")).Single();
        folder.Delete(recursive: true);

        Assert.Contains("split", Assert.Throws<InvalidOperationException>(() => FoundryReply.Recorded(stream).WithFault(FoundryFault.Parse("split:bytes=3"))).Message);
        Assert.Contains("not a 200 event stream", Assert.Throws<InvalidOperationException>(() => FoundryReply.Recorded(error).CutAfter(1)).Message);
    }

    private static async Task<FoundryStreamException> FailureOf(FakeFoundry foundry)
    {
        using var client = foundry.CreateClient(o => o.MaxRetries = 0);
        return await FailureOf(client);
    }

    private static async Task<FoundryStreamException> FailureOf(FoundryLlmClient client)
        => await Assert.ThrowsAnyAsync<FoundryStreamException>(async () =>
        {
            await foreach (var _ in client.OpenAiResponses.StreamAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "hi" }))
            {
            }
        });
}
