using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Foundry.Generated.Emulator;
using Foundry.Generated.OpenAi;
using Foundry.Generated.Runtime;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.EndToEnd;

/// <summary>Each injected fault gives the documented behaviour (through generated clients, runtime and emulator).</summary>
public sealed class FaultTests : IAsyncLifetime
{
    private FoundryProxyEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await FoundryProxyEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private FoundryLlmClient Client(Action<FoundryClientOptions>? configure = null)
    {
        var options = new FoundryClientOptions { BaseUrl = _emulator.BaseUrl, Token = _emulator.Token, RetryBaseDelay = TimeSpan.FromMilliseconds(5) };
        configure?.Invoke(options);
        return new FoundryLlmClient(options);
    }

    private static CreateResponse Request(string prompt = "Tell me a 10 word story") => new() { Model = ResponsesModel.Gpt5Mini, Input = prompt };

    private static async Task<List<ResponseStreamEvent>> Collect(IAsyncEnumerable<ResponseStreamEvent> stream, List<ResponseStreamEvent>? into = null)
    {
        into ??= new List<ResponseStreamEvent>();
        await foreach (var e in stream)
        {
            into.Add(e);
        }

        return into;
    }

    [Fact]
    public async Task A_429_with_retry_after_is_retried_and_succeeds()
    {
        _emulator.EnqueueFault(EmulatorFault.Status(429, retryAfterSeconds: 0));
        using var client = Client();

        var events = await Collect(client.OpenAiResponses.StreamAsync(Request()));

        Assert.Equal(10, events.OfType<ResponseTextDeltaEvent>().Count());
        Assert.Equal(new[] { 429, 200 }, _emulator.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task Retries_stop_at_the_limit_with_a_typed_error()
    {
        for (var i = 0; i < 3; i++)
        {
            _emulator.EnqueueFault(EmulatorFault.Status(503));
        }

        using var client = Client(o => o.MaxRetries = 1);

        var error = await Assert.ThrowsAsync<FoundryApiException>(() => client.OpenAiResponses.CreateAsync(Request()));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(2, _emulator.Requests.Count);
    }

    [Fact]
    public async Task A_400_is_not_retried()
    {
        _emulator.EnqueueFault(EmulatorFault.Status(400));
        using var client = Client();

        await Assert.ThrowsAsync<FoundryApiException>(() => client.OpenAiResponses.CreateAsync(Request()));

        Assert.Single(_emulator.Requests);
    }

    [Fact]
    public async Task A_model_sent_to_a_route_the_catalog_rules_out_gets_the_500_with_a_hint()
    {
        // Requests built from configuration can still name a model on the wrong route; the runtime explains the 500.
        var request = FoundryJson.Deserialize<CreateChatCompletionRequest>("""{"model":"gpt-5-mini","messages":[{"role":"user","content":"hi"}]}""");
        using var client = Client();

        var error = await Assert.ThrowsAsync<FoundryApiException>(() => client.OpenAiChatCompletions.CreateAsync(request));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal("LanguageModelService:LanguageModelNotAvailable", error.ErrorName);
        Assert.Equal("INTERNAL", error.ErrorCode);
        Assert.NotNull(error.ErrorInstanceId);
        Assert.Contains("model gpt-5-mini does not support openai-chat-completions (works on: openai-responses); use the openai-responses client", error.Message);
    }

    [Fact]
    public async Task A_wrong_token_is_a_401_that_never_shows_the_token()
    {
        const string token = "do-not-print-this-token";
        using var client = Client(o => o.Token = token);

        var error = await Assert.ThrowsAsync<FoundryApiException>(() => client.OpenAiResponses.CreateAsync(Request()));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.DoesNotContain(token, error.ToString());
        Assert.DoesNotContain(token, client.Pipeline.Options.ToString());
    }

    [Theory]
    [InlineData("responses")]
    [InlineData("chat")]
    [InlineData("anthropic")]
    [InlineData("gemini")]
    public async Task A_mid_stream_error_surfaces_after_the_events_already_delivered(string route)
    {
        _emulator.EnqueueFault(EmulatorFault.Parse("midstream-error:after=3"));
        using var client = Client();
        var received = 0;

        var error = await Assert.ThrowsAsync<FoundryStreamException>(async () =>
        {
            await foreach (var _ in Stream(client, route))
            {
                received++;
            }
        });

        Assert.Equal(3, received);
        Assert.Equal(3, error.EventsReceived);
        Assert.Equal(FoundryStreamFailure.ErrorEvent, error.Failure);
        Assert.Contains("failed this stream on purpose", error.Message);
        Assert.Single(_emulator.Requests);
    }

    private static IAsyncEnumerable<object> Stream(FoundryLlmClient client, string route) => route switch
    {
        "chat" => Box(client.OpenAiChatCompletions.StreamAsync(new CreateChatCompletionRequest { Model = ChatCompletionsModel.Gpt4_1, Messages = [new ChatCompletionRequestUserMessage { Content = "hi" }] })),
        "anthropic" => Box(client.AnthropicMessages.StreamAsync(new Foundry.Generated.Anthropic.CreateMessageParams { Model = AnthropicMessagesModel.ClaudeHaiku4_5, MaxTokens = 100, Messages = [new Foundry.Generated.Anthropic.InputMessage { Role = Foundry.Generated.Anthropic.InputMessageRole.User, Content = "hi" }] })),
        "gemini" => Box(client.GoogleGenerateContent.StreamAsync(GeminiModel.Gemini3Flash, new Foundry.Generated.Gemini.GenerateContentRequest { Contents = [new Foundry.Generated.Gemini.Content { Role = "user", Parts = [new Foundry.Generated.Gemini.Part { Text = "hi" }] }] })),
        _ => Box(client.OpenAiResponses.StreamAsync(Request("hi"))),
    };

    private static async IAsyncEnumerable<object> Box<T>(IAsyncEnumerable<T> source)
    {
        await foreach (var item in source)
        {
            yield return item!;
        }
    }

    [Fact]
    public async Task A_dropped_connection_mid_stream_is_a_typed_error_and_is_not_replayed()
    {
        _emulator.EnqueueFault(EmulatorFault.Parse("drop:after=4"));
        using var client = Client();
        var events = new List<ResponseStreamEvent>();

        Exception? caught = null;
        try
        {
            await Collect(client.OpenAiResponses.StreamAsync(Request()), events);
        }
        catch (Exception e)
        {
            caught = e;
        }

        Assert.True(caught is FoundryStreamException, $"got {caught?.GetType().Name ?? "no exception"} after {events.Count} events: {caught}; requests: {string.Join(", ", _emulator.Requests)}");
        var error = (FoundryStreamException)caught!;
        Assert.Equal(FoundryStreamFailure.ConnectionLost, error.Failure);
        Assert.Equal(4, events.Count);
        Assert.Single(_emulator.Requests);
    }

    [Fact]
    public async Task A_stalled_stream_fails_with_the_idle_timeout()
    {
        _emulator.EnqueueFault(EmulatorFault.Parse("stall:after=2"));
        // 1 s, not less: the two events before the stall must arrive within it even on a loaded CI machine.
        using var client = Client(o => o.StreamIdleTimeout = TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<FoundryStreamException>(() => Collect(client.OpenAiResponses.StreamAsync(Request())));

        Assert.Equal(FoundryStreamFailure.IdleTimeout, error.Failure);
        Assert.Equal(2, error.EventsReceived);
        Assert.Contains("sent nothing for 1 s", error.Message);
    }

    [Fact]
    public async Task A_slow_but_steady_stream_outlives_its_idle_timeout_because_every_read_rearms_it()
    {
        await using var slow = await FoundryProxyEmulator.StartAsync(new EmulatorOptions { EventDelay = TimeSpan.FromMilliseconds(200) });
        var request = new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "Tell me a 20 word story" };
        // First decodes of each event type pay for JIT compilation (hundreds of ms); warm up on the undelayed emulator.
        using (var warm = Client())
        {
            await Collect(warm.OpenAiResponses.StreamAsync(request));
        }

        // Events 200 ms apart against a 2 s idle timeout: a CI machine loaded by parallel builds may stall a read for
        // over a second without failing the test (10x margin), while a timer that is not re-armed by each read still
        // fires mid-stream (~6 s long).
        using var client = new FoundryLlmClient(new FoundryClientOptions { BaseUrl = slow.BaseUrl, Token = slow.Token, StreamIdleTimeout = TimeSpan.FromSeconds(2) });
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var events = await Collect(client.OpenAiResponses.StreamAsync(request));

        Assert.True(clock.Elapsed > TimeSpan.FromSeconds(4), $"the stream took {clock.Elapsed.TotalMilliseconds:0} ms, not twice the idle timeout");
        Assert.IsType<ResponseCompletedEvent>(events[^1]);
    }

    [Fact]
    public async Task Invalid_json_in_one_event_names_it_and_keeps_the_earlier_events()
    {
        _emulator.EnqueueFault(EmulatorFault.Parse("invalid-json:at=2"));
        using var client = Client();
        var events = new List<ResponseStreamEvent>();

        var error = await Assert.ThrowsAsync<FoundryStreamException>(() => Collect(client.OpenAiResponses.StreamAsync(Request()), events));

        Assert.Equal(FoundryStreamFailure.InvalidEvent, error.Failure);
        Assert.Equal(2, events.Count);
        Assert.Contains("event #3 (response.output_item.added)", error.Message);
    }

    [Fact]
    public async Task An_oversized_event_is_refused_with_a_clear_error()
    {
        _emulator.EnqueueFault(EmulatorFault.Parse("oversized:bytes=50000"));
        using var client = Client(o => o.MaxEventBytes = 10_000);

        var error = await Assert.ThrowsAsync<FoundryStreamException>(() => Collect(client.OpenAiResponses.StreamAsync(Request())));

        Assert.Equal(FoundryStreamFailure.EventTooLarge, error.Failure);
        Assert.Contains("exceeds the 10,000-byte limit", error.Message);
    }

    [Fact]
    public async Task Byte_split_chunks_decode_to_the_same_events()
    {
        using var client = Client();
        var whole = await Collect(client.OpenAiResponses.StreamAsync(Request("Tell me a 12 word story")));
        _emulator.EnqueueFault(EmulatorFault.Parse("split:bytes=3"));

        var split = await Collect(client.OpenAiResponses.StreamAsync(Request("Tell me a 12 word story")));

        Assert.Equal(whole.Select(e => FoundryJson.Serialize(e)), split.Select(e => FoundryJson.Serialize(e)));
    }

    [Fact]
    public async Task Attribution_goes_in_its_header()
    {
        using var client = Client(o => o.AttributionRids.Add("ri.compass.main.folder.project-a"));

        await client.OpenAiResponses.CreateAsync(Request());

        Assert.Equal("ri.compass.main.folder.project-a", _emulator.Requests.Last().Attribution);
    }
}
