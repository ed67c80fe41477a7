using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using Foundry.Generated.OpenAi;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.EndToEnd;

/// <summary>Spans, metrics, trace propagation and logs — and no secret in any of them.</summary>
public sealed class TelemetryTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task A_stream_produces_a_gen_ai_span_with_usage_and_metrics_without_the_token()
    {
        using var trace = new TraceCapture("test.telemetry");
        var measurements = new List<(string Name, double Value)>();
        using var meters = new MeterListener { InstrumentPublished = (i, l) => { if (i.Meter.Name == FoundryTelemetry.SourceName) l.EnableMeasurementEvents(i); } };
        meters.SetMeasurementEventCallback<double>((i, v, _, _) => { lock (measurements) { measurements.Add((i.Name, v)); } });
        meters.SetMeasurementEventCallback<long>((i, v, _, _) => { lock (measurements) { measurements.Add((i.Name, v)); } });
        meters.Start();
        using var client = new FoundryLlmClient(fixture.Options());

        await foreach (var _ in client.OpenAiResponses.StreamAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "Tell me a 10 word story" }))
        {
        }

        var span = trace.FoundrySpan();
        Assert.Equal("chat gpt-5-mini", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("openai", span.GetTagItem("gen_ai.provider.name"));
        Assert.Equal(10L, span.GetTagItem("gen_ai.usage.output_tokens"));
        lock (measurements)
        {
            Assert.Contains(measurements, m => m.Name == "gen_ai.client.operation.time_to_first_chunk");
            Assert.Contains(measurements, m => m.Name == "gen_ai.client.token.usage" && m.Value == 10);
        }
        Assert.DoesNotContain(span.TagObjects, t => t.Value?.ToString()?.Contains(fixture.Emulator.Token) == true);
    }

    [Fact]
    public async Task A_text_stream_records_usage_from_events_that_carry_no_text()
    {
        // Responses report usage only on response.completed, which a text stream does not yield.
        using var trace = new TraceCapture("test.telemetry.text");
        using var client = new FoundryLlmClient(fixture.Options());

        var pieces = 0;
        await foreach (var _ in client.OpenAiResponses.StreamTextAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "Tell me a 10 word story" }))
        {
            pieces++;
        }

        var span = trace.FoundrySpan();
        Assert.Equal(10, pieces);
        Assert.Equal(10L, span.GetTagItem("gen_ai.usage.output_tokens"));
    }

    [Fact]
    public async Task The_current_trace_goes_out_as_traceparent()
    {
        using var source = new ActivitySource("test.caller");
        using var listener = new ActivityListener { ShouldListenTo = s => s.Name == "test.caller", Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded };
        ActivitySource.AddActivityListener(listener);
        using var parent = source.StartActivity("caller")!;
        var handler = new RecordingHandler();
        using var client = new FoundryLlmClient(fixture.Options(), new System.Net.Http.HttpClient(handler));

        await client.OpenAiResponses.CreateAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "hi" });

        Assert.Contains(parent.TraceId.ToString(), handler.TraceParent);
    }

    [Fact]
    public async Task Logs_never_contain_the_token_or_the_prompt()
    {
        var logs = new List<string>();
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new ListLoggerProvider(logs)));
        fixture.Emulator.EnqueueFault(Foundry.Generated.Emulator.EmulatorFault.Status(429, 0));
        using var client = new FoundryLlmClient(fixture.Options(o => o.LoggerFactory = factory));

        await foreach (var _ in client.OpenAiResponses.StreamAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "my secret prompt" }))
        {
        }

        Assert.Contains(logs, l => l.Contains("retry 1 after 429"));
        Assert.DoesNotContain(logs, l => l.Contains(fixture.Emulator.Token) || l.Contains("my secret prompt"));
    }

    /// <summary>
    /// Listeners are process-wide and other tests run in parallel: collect every stopped span safely, under a parent
    /// span of this test's own source, then pick the Foundry span of this test's trace.
    /// </summary>
    private sealed class TraceCapture : IDisposable
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<Activity> _stopped = new();
        private readonly ActivityListener _listener;
        private readonly ActivitySource _source;
        private readonly Activity _parent;

        public TraceCapture(string sourceName)
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = s => s.Name == FoundryTelemetry.SourceName || s.Name == sourceName,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = _stopped.Enqueue,
            };
            ActivitySource.AddActivityListener(_listener);
            _source = new ActivitySource(sourceName);
            _parent = _source.StartActivity("test")!;
        }

        public Activity FoundrySpan() => Assert.Single(_stopped, a => a.Source.Name == FoundryTelemetry.SourceName && a.TraceId == _parent.TraceId);

        public void Dispose()
        {
            _parent.Dispose();
            _source.Dispose();
            _listener.Dispose();
        }
    }

    private sealed class RecordingHandler : System.Net.Http.DelegatingHandler
    {
        public RecordingHandler()
            : base(new System.Net.Http.SocketsHttpHandler())
        {
        }

        public string TraceParent { get; private set; } = string.Empty;

        protected override Task<System.Net.Http.HttpResponseMessage> SendAsync(System.Net.Http.HttpRequestMessage request, System.Threading.CancellationToken cancellationToken)
        {
            TraceParent = request.Headers.TryGetValues("traceparent", out var values) ? values.First() : string.Empty;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
