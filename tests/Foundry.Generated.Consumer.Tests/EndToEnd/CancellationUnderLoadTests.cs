using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Foundry.Generated.Anthropic;
using Foundry.Generated.Emulator;
using Foundry.Generated.Gemini;
using Foundry.Generated.OpenAi;
using Xunit;
using InputMessage = Foundry.Generated.Anthropic.InputMessage;
using InputMessageRole = Foundry.Generated.Anthropic.InputMessageRole;

namespace Foundry.Generated.Consumer.Tests.EndToEnd;

/// <summary>
/// Many concurrent streams on all four dialects, each stopped at a random point (or not at all): only completion or
/// <see cref="OperationCanceledException"/> comes out, and no connection is left open on either side.
/// Set FOUNDRY_LOAD_SEED to replay a failing run.
/// </summary>
public sealed class CancellationUnderLoadTests
{
    private const string Prompt = "Tell me a 24 word story";
    private static readonly TimeSpan EventDelay = TimeSpan.FromMilliseconds(4);

    private enum Route
    {
        Responses,
        ChatCompletions,
        Anthropic,
        Gemini,
    }

    private enum Stop
    {
        /// <summary>Cancel the token from inside the loop after N events.</summary>
        CancelAfterEvents,

        /// <summary>Cancel the token from a timer (possibly before the request is sent or after the stream ended).</summary>
        CancelAfterDelay,

        /// <summary>Leave the <c>await foreach</c> after N events.</summary>
        Break,

        /// <summary>Read to the end.</summary>
        Complete,
    }

    [Fact]
    public async Task Random_cancellation_of_many_concurrent_streams_leaves_no_connection_open()
    {
        const int streams = 96;
        var seed = Seed();
        var random = new Random(seed);
        await using var emulator = await FoundryProxyEmulator.StartAsync(new EmulatorOptions { EventDelay = EventDelay });
        var counter = new ConnectionCounter();
        using var http = new HttpClient(counter.CreateHandler());
        using var client = new FoundryLlmClient(new FoundryClientOptions { BaseUrl = emulator.BaseUrl, Token = emulator.Token }, http);
        var clock = Stopwatch.StartNew();

        var reference = await ReferenceRunsAsync(client);
        var plans = Enumerable.Range(0, streams).Select(i => NextPlan(random, i, (Stop)(i % 4), reference)).ToList();
        var outcomes = await RunAllAsync(client, plans, seed);

        var problems = Check(outcomes, reference);
        Assert.True(problems.Count == 0, $"seed {seed}: {problems.Count} stream(s) misbehaved:\n" + string.Join("\n", problems));

        // The mix really happened: cancelled before the first event, cancelled mid-stream, left early, completed.
        Assert.True(outcomes.Any(o => o.Error is OperationCanceledException && o.Events == 0), $"seed {seed}: no stream was cancelled before its first event");
        Assert.True(outcomes.Any(o => o.Error is OperationCanceledException && o.Events > 0), $"seed {seed}: no stream was cancelled mid-stream");
        Assert.True(outcomes.Any(o => o.Error is null && o.Plan.Stop == Stop.Break), $"seed {seed}: no stream was left early");
        Assert.True(outcomes.Count(o => o.Error is null && o.Text == reference[o.Plan.Route].Text) >= streams / 4, $"seed {seed}: too few streams completed");

        await WaitUntil(() => emulator.ActiveStreams == 0);
        Assert.True(emulator.ActiveStreams == 0, $"seed {seed}: {emulator.ActiveStreams} stream(s) still running on the server");
        Assert.True(counter.Peak > 1, $"seed {seed}: the streams did not run concurrently (peak {counter.Peak} connection)");

        client.Dispose();
        http.Dispose();
        await WaitUntil(() => counter.Open == 0 && emulator.OpenConnections == 0);
        Assert.True(counter.Open == 0, $"seed {seed}: {counter.Open} of {counter.Opened} client connection(s) still open after disposing the client");
        Assert.True(emulator.OpenConnections == 0, $"seed {seed}: the server still has {emulator.OpenConnections} connection(s) open");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"seed {seed}: took {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task Rounds_of_cancelled_streams_on_one_http_client_do_not_grow_the_connection_pool()
    {
        const int concurrency = 16;
        const int rounds = 6;
        var seed = Seed();
        var random = new Random(seed);
        await using var emulator = await FoundryProxyEmulator.StartAsync(new EmulatorOptions { EventDelay = EventDelay });
        var counter = new ConnectionCounter();

        // Idle pooled connections close after a second: a connection the handler lost track of would stay open.
        using var http = new HttpClient(counter.CreateHandler(idleTimeout: TimeSpan.FromSeconds(1)));
        using var client = new FoundryLlmClient(new FoundryClientOptions { BaseUrl = emulator.BaseUrl, Token = emulator.Token }, http);
        var reference = await ReferenceRunsAsync(client);
        var pool = new List<int>();

        for (var round = 0; round < rounds; round++)
        {
            // Mostly cancelled streams, with a few completed ones so pooled connections get reused.
            var stops = new[] { Stop.CancelAfterEvents, Stop.CancelAfterDelay, Stop.CancelAfterEvents, Stop.Complete };
            var plans = Enumerable.Range(0, concurrency).Select(i => NextPlan(random, (round * concurrency) + i, stops[i % stops.Length], reference)).ToList();
            var outcomes = await RunAllAsync(client, plans, seed);
            var problems = Check(outcomes, reference);
            Assert.True(problems.Count == 0, $"seed {seed}, round {round}: {problems.Count} stream(s) misbehaved:\n" + string.Join("\n", problems));

            // Settled: no stream left on the server and both ends agree on the open connections.
            await WaitUntil(() => emulator.ActiveStreams == 0 && counter.Open == emulator.OpenConnections);
            Assert.True(emulator.ActiveStreams == 0, $"seed {seed}, round {round}: {emulator.ActiveStreams} stream(s) still running on the server");
            Assert.True(counter.Open == emulator.OpenConnections, $"seed {seed}, round {round}: client has {counter.Open} connection(s) open, server {emulator.OpenConnections}");
            pool.Add(counter.Open);
            Assert.True(counter.Open <= concurrency, $"seed {seed}: the pool grew beyond the concurrency of {concurrency}; open connections after each round: {string.Join(", ", pool)}");
        }

        Assert.True(counter.Opened > concurrency, $"seed {seed}: only {counter.Opened} connection(s) were ever opened; cancelled streams should have closed theirs");

        // Without disposing anything, the idle timeout empties the pool: every connection is accounted for.
        await WaitUntil(() => counter.Open == 0 && emulator.OpenConnections == 0);
        Assert.True(counter.Open == 0, $"seed {seed}: {counter.Open} client connection(s) still open after the idle timeout; after each round: {string.Join(", ", pool)}");
        Assert.True(emulator.OpenConnections == 0, $"seed {seed}: the server still has {emulator.OpenConnections} connection(s) open");
    }

    private sealed record StreamPlan(int Index, Route Route, Stop Stop, int Events, TimeSpan Delay)
    {
        public override string ToString() => Stop switch
        {
            Stop.CancelAfterDelay => $"#{Index} {Route} cancel after {Delay.TotalMilliseconds:0} ms",
            Stop.Complete => $"#{Index} {Route} read to the end",
            _ => $"#{Index} {Route} {Stop} at event {Events}",
        };
    }

    private sealed record Outcome(StreamPlan Plan, int Events, string Text, Exception? Error, bool Cancelled);

    private sealed record Reference(string Text, int Events);

    private static int Seed()
        => int.TryParse(Environment.GetEnvironmentVariable("FOUNDRY_LOAD_SEED"), out var seed) ? seed : Random.Shared.Next();

    private static StreamPlan NextPlan(Random random, int index, Stop stop, IReadOnlyDictionary<Route, Reference> reference)
    {
        var route = (Route)random.Next(4);
        var total = reference[route].Events;

        // Stop somewhere before the last event, so a stop always leaves something unread.
        var events = random.Next(1, total);

        // A third of the timers fire at once (before the request is even sent), the rest anywhere up to past the end.
        var delay = random.Next(3) == 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(random.Next(1, Math.Max(2, (int)(total * EventDelay.TotalMilliseconds * 1.5))));
        return new StreamPlan(index, route, stop, events, delay);
    }

    private static async Task<Dictionary<Route, Reference>> ReferenceRunsAsync(FoundryLlmClient client)
    {
        var reference = new Dictionary<Route, Reference>();
        foreach (var route in Enum.GetValues<Route>())
        {
            var text = new StringBuilder();
            var events = 0;
            await foreach (var piece in Texts(client, route, CancellationToken.None))
            {
                events++;
                text.Append(piece);
            }

            // The emulator answers "N word story" with N words: the reference is the whole reply.
            Assert.Equal(24, text.ToString().Split(' ').Length);
            reference[route] = new Reference(text.ToString(), events);
        }

        return reference;
    }

    private static async Task<List<Outcome>> RunAllAsync(FoundryLlmClient client, IReadOnlyList<StreamPlan> plans, int seed)
    {
        var tasks = plans.Select(plan => Task.Run(() => RunAsync(client, plan))).ToList();
        try
        {
            await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            var stuck = plans.Where((_, i) => !tasks[i].IsCompleted);
            Assert.Fail($"seed {seed}: streams did not end within 30 s: {string.Join("; ", stuck)}");
        }

        return tasks.Select(t => t.Result).ToList();
    }

    private static async Task<Outcome> RunAsync(FoundryLlmClient client, StreamPlan plan)
    {
        using var cancel = new CancellationTokenSource();
        if (plan.Stop == Stop.CancelAfterDelay)
        {
            cancel.CancelAfter(plan.Delay);
        }

        var text = new StringBuilder();
        var events = 0;
        try
        {
            await foreach (var piece in Texts(client, plan.Route, cancel.Token))
            {
                events++;
                text.Append(piece);
                if (events == plan.Events && plan.Stop == Stop.CancelAfterEvents)
                {
                    cancel.Cancel();
                }
                else if (events == plan.Events && plan.Stop == Stop.Break)
                {
                    break;
                }
            }

            return new Outcome(plan, events, text.ToString(), null, cancel.IsCancellationRequested);
        }
        catch (Exception e)
        {
            return new Outcome(plan, events, text.ToString(), e, cancel.IsCancellationRequested);
        }
    }

    /// <summary>What each stream should have seen, given how it was stopped; one line per stream that did not.</summary>
    private static List<string> Check(IEnumerable<Outcome> outcomes, IReadOnlyDictionary<Route, Reference> reference)
    {
        var problems = new List<string>();
        foreach (var o in outcomes)
        {
            var full = reference[o.Plan.Route];
            var problem = o switch
            {
                { Error: not null and not OperationCanceledException } => $"threw {o.Error.GetType().FullName}: {o.Error.Message}",
                { Error: OperationCanceledException, Cancelled: false } => "OperationCanceledException without cancellation",
                { Error: OperationCanceledException } when o.Plan.Stop is Stop.Break or Stop.Complete => "OperationCanceledException though never cancelled",
                { Error: OperationCanceledException } when o.Plan.Stop == Stop.CancelAfterEvents && o.Events != o.Plan.Events => $"saw {o.Events} events, cancelled after {o.Plan.Events}",
                { Error: null } when o.Plan.Stop == Stop.CancelAfterEvents => "ended normally although cancelled with events left",
                { Error: null } when o.Plan.Stop == Stop.Break && o.Events != o.Plan.Events => $"left after {o.Events} events instead of {o.Plan.Events}",
                { Error: null } when o.Plan.Stop != Stop.Break && (o.Text != full.Text || o.Events != full.Events) => $"completed with {o.Events} events and text '{o.Text}', expected {full.Events} events and '{full.Text}'",
                _ when !full.Text.StartsWith(o.Text, StringComparison.Ordinal) => $"text '{o.Text}' is not a prefix of '{full.Text}'",
                _ => null,
            };

            if (problem != null)
            {
                problems.Add($"{o.Plan}: {problem}" + (o.Error is { } e ? "\n  " + e.ToString().Replace("\n", "\n  ", StringComparison.Ordinal) : string.Empty));
            }
        }

        return problems;
    }

    /// <summary>Each event of one route's stream as its text (empty for events without text).</summary>
    private static IAsyncEnumerable<string> Texts(FoundryLlmClient client, Route route, CancellationToken cancellationToken) => route switch
    {
        Route.Responses => Pieces(
            client.OpenAiResponses.StreamAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = Prompt }, cancellationToken),
            e => e is ResponseTextDeltaEvent d ? d.Delta : null),
        Route.ChatCompletions => Pieces(
            client.OpenAiChatCompletions.StreamAsync(
                new CreateChatCompletionRequest { Model = ChatCompletionsModel.Gpt4_1, Messages = [new ChatCompletionRequestUserMessage { Content = Prompt }] },
                cancellationToken),
            chunk => string.Concat((chunk.Choices ?? []).Select(c => c.Delta.Content))),
        Route.Anthropic => Pieces(
            client.AnthropicMessages.StreamAsync(
                new CreateMessageParams { Model = AnthropicMessagesModel.ClaudeSonnet4_5, MaxTokens = 256, Messages = [new InputMessage { Role = InputMessageRole.User, Content = Prompt }] },
                cancellationToken),
            e => e is ContentBlockDeltaEvent { Delta: TextContentBlockDelta d } ? d.Text : null),
        _ => Pieces(
            client.GoogleGenerateContent.StreamAsync(
                GeminiModel.Gemini3Flash,
                new GenerateContentRequest { Contents = [new Content { Role = "user", Parts = [new Part { Text = Prompt }] }] },
                cancellationToken),
            chunk => chunk.Candidates?[0].Content?.Parts?[0].Text),
    };

    private static async IAsyncEnumerable<string> Pieces<T>(IAsyncEnumerable<T> events, Func<T, string?> text)
    {
        await foreach (var e in events)
        {
            yield return text(e) ?? string.Empty;
        }
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition() && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
        }
    }
}
