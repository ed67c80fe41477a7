using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Foundry.Generated.OpenAi;
using Foundry.Generated.Runtime;
using Foundry.Generated.Testing;
using Microsoft.Extensions.AI;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Testing;

/// <summary>A replayed recording answers the request it recorded: a request that differs fails with the difference.</summary>
public sealed class RecordingMatchTests
{
    private static readonly string Manifest = Sse.RecordedStream.Manifest;

    private static FoundryRecording ResponsesText() => FoundryRecording.Load(Manifest).Single(r => r.File == "openai-responses-text.sse");

    private static CreateResponse Weather(string city, ResponsesModel? model = null) => new() { Model = model ?? ResponsesModel.Gpt5Mini, Input = $"Weather in {city}?", Stream = true };

    [Fact]
    public async Task The_recorded_request_gets_the_recording_and_a_different_input_fails_with_the_path_and_both_values()
    {
        // What the client sends for Paris is the recorded request (the model on the wire is a RID, recorded as its id).
        var recording = ResponsesText().WithRequest("""{"input":"Weather in Paris?","model":"gpt-5-mini","stream":true}""");
        var foundry = new FakeFoundry();
        foundry.Enqueue(FoundryReply.Recorded(recording), recording.Route);
        using var client = foundry.CreateClient(o => o.MaxRetries = 0);

        var error = await Assert.ThrowsAsync<FoundryApiException>(() => DrainAsync(client, Weather("Rome")));
        Assert.Single(foundry.PendingReplies); // a request that does not match leaves the recording scripted
        var events = await DrainAsync(client, Weather("Paris"));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Contains($"The request does not match {recording}: at $.input: expected \"Weather in Paris?\", actual \"Weather in Rome?\"", error.Message);
        Assert.Contains("RecordingMatch = RouteAndModel", error.Message);
        Assert.True(events > 0);
        foundry.VerifyAllRepliesUsed();
    }

    [Fact]
    public async Task A_tool_the_recording_did_not_have_is_named_by_its_path()
    {
        // The recorded request is exactly what the chat client sent without tools.
        var sent = new FakeFoundry();
        await sent.CreateClient().OpenAiResponses.AsIChatClient(ResponsesModel.Gpt5Mini).GetResponseAsync("Weather in Paris?");
        var recording = ResponsesText().WithRequest(sent.LastRequest.BodyText);
        var foundry = new FakeFoundry();
        foundry.Enqueue(FoundryReply.Recorded(recording), recording.Route);
        using var client = foundry.CreateClient(o => o.MaxRetries = 0);
        var tool = AIFunctionFactory.Create((string city) => "sunny", "get_weather", "The weather in a city");

        var error = await Assert.ThrowsAsync<FoundryApiException>(() => client.OpenAiResponses.AsIChatClient(ResponsesModel.Gpt5Mini).GetResponseAsync("Weather in Paris?", new ChatOptions { Tools = [tool] }));

        Assert.Contains("at $.tools: expected missing, actual [{", error.Message);
        Assert.Contains("get_weather", error.Message);
    }

    [Fact]
    public async Task Matching_on_route_and_model_only_replays_for_any_input_but_not_for_another_model()
    {
        var recording = ResponsesText().WithRequest("""{"input":"Weather in Paris?","model":"gpt-5-mini","stream":true}""");
        var foundry = new FakeFoundry(new FakeFoundryOptions { RecordingMatch = FoundryRecordingMatch.RouteAndModel });
        foundry.ReplyAlways(FoundryReply.Recorded(recording), recording.Route);
        using var client = foundry.CreateClient(o => o.MaxRetries = 0);

        var events = await DrainAsync(client, Weather("Rome"));
        var error = await Assert.ThrowsAsync<FoundryApiException>(() => DrainAsync(client, Weather("Rome", ResponsesModel.Gpt5)));

        Assert.True(events > 0);
        Assert.Contains("model: expected gpt-5-mini, actual gpt-5", error.Message);
        Assert.Equal("gpt-5-mini", recording.Model);
    }

    [Fact]
    public void A_manifest_entry_carries_its_request_inline_or_in_a_file()
    {
        var folder = Directory.CreateTempSubdirectory("foundry-match-");
        try
        {
            File.Copy(Path.Combine(Path.GetDirectoryName(Manifest)!, "openai-responses-text.sse"), Path.Combine(folder.FullName, "a.sse"));
            File.WriteAllText(Path.Combine(folder.FullName, "b.request.json"), """{"model":"gpt-5","input":"b"}""");
            File.WriteAllText(Path.Combine(folder.FullName, "manifest.json"), """
                [{"file":"a.sse","request_uri":"/api/v2/llm/proxy/openai/v1/responses","request":{"model":"gpt-5-mini","input":"a"}},
                 {"file":"a.sse","request_uri":"/api/v2/llm/proxy/openai/v1/responses","request_file":"b.request.json"}]
                """);

            var recordings = FoundryRecording.Load(Path.Combine(folder.FullName, "manifest.json"));

            Assert.Equal("""{"model":"gpt-5-mini","input":"a"}""", recordings[0].Request);
            Assert.Equal("gpt-5", recordings[1].Model);
            Assert.Null(ResponsesText().Request);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<int> DrainAsync(FoundryLlmClient client, CreateResponse request)
    {
        var events = 0;
        await foreach (var _ in client.OpenAiResponses.StreamAsync(request))
        {
            events++;
        }

        return events;
    }
}
