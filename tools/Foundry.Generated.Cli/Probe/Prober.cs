using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Foundry.Generated.Cli.Chat;
using Foundry.Generated.OpenAi;
using Foundry.Generated.Runtime;

namespace Foundry.Generated.Cli.Probe;

/// <summary>Runs the plan with bounded concurrency; every target gets a result, in plan order, even after Ctrl+C.</summary>
internal sealed class Prober(FoundryLlmClient client, ProbeCaptureHandler capture, ProbeOptions options, ProbeProgress progress)
{
    /// <summary>What every streaming probe asks for: a few output tokens.</summary>
    private const int OutputTokens = 16;

    private int _done;

    /// <summary>Called with each finished probe and its exchange (for recording).</summary>
    public Action<ProbeTarget, ProbeResult, ProbeExchange>? Finished { get; init; }

    public async Task<IReadOnlyList<ProbeResult>> RunAsync(IReadOnlyList<ProbeTarget> plan, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(options.Concurrency);
        var tasks = new Task<ProbeResult>[plan.Count];
        for (var i = 0; i < plan.Count; i++)
        {
            var target = plan[i];
            tasks[i] = RunOneAsync(target, gate, plan.Count, cancellationToken);
        }

        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    private async Task<ProbeResult> RunOneAsync(ProbeTarget target, SemaphoreSlim gate, int total, CancellationToken cancellationToken)
    {
        try
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return NotRun(target, "cancelled");
        }

        try
        {
            if (capture.Exhausted)
            {
                return NotRun(target, "request budget spent");
            }

            var exchange = new ProbeExchange();
            ProbeCaptureHandler.Current = exchange;
            var result = await ProbeAsync(target, exchange, cancellationToken).ConfigureAwait(false);
            if (result.Outcome != ProbeOutcome.NotRun)
            {
                Finished?.Invoke(target, result, exchange);
            }

            progress.Finished(Interlocked.Increment(ref _done), total, $"{target.Model.Id} on {target.Route}: {Describe(result)}");

            return result;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<ProbeResult> ProbeAsync(ProbeTarget target, ProbeExchange exchange, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        var clock = Stopwatch.StartNew();
        TimeSpan? firstEvent = null;
        try
        {
            if (target.Route == FoundryRoutes.OpenAiEmbeddings)
            {
                var request = new CreateEmbeddingRequest { Model = EmbeddingsModel.FromCatalogEntry(target.OnRoute), Input = new List<string> { "ping" } };
                await client.OpenAiEmbeddings.CreateAsync(request, timeout.Token).ConfigureAwait(false);
                firstEvent = clock.Elapsed;
            }
            else
            {
                var chat = new ChatOptions("Say OK.", target.Model.Id, null, null, OutputTokens, false);
                await foreach (var _ in ChatStreams.StreamAsync(client, target.OnRoute, target.Route, chat, timeout.Token).ConfigureAwait(false))
                {
                    firstEvent ??= clock.Elapsed;
                }
            }

            // The stream ended without an exception, so it reached its terminal event (the runtime fails truncated streams).
            return new ProbeResult(target.Model.Id, target.Route, ProbeOutcome.Ok, exchange.Status, null, null, firstEvent, true, exchange.RequestId, null);
        }
        catch (FoundryApiException e)
        {
            // 401: the token, not the model; 408/429: the enrollment was busy (after the pipeline's own retries).
            var outcome = (int)e.StatusCode is 401 or 408 or 429 ? ProbeOutcome.Inconclusive : ProbeOutcome.Failed;
            return new ProbeResult(target.Model.Id, target.Route, outcome, (int)e.StatusCode, e.ErrorName, e.ErrorCode, null, false, e.RequestId ?? exchange.RequestId, e.Message);
        }
        catch (FoundryStreamException e) when (e.Failure is FoundryStreamFailure.IdleTimeout)
        {
            return new ProbeResult(target.Model.Id, target.Route, ProbeOutcome.Inconclusive, exchange.Status, e.Failure.ToString(), e.ErrorCode, firstEvent, false, exchange.RequestId, e.Message);
        }
        catch (FoundryStreamException e)
        {
            return new ProbeResult(target.Model.Id, target.Route, ProbeOutcome.Failed, exchange.Status, e.Failure.ToString(), e.ErrorCode, firstEvent, false, exchange.RequestId, e.Message);
        }
        catch (ProbeBudgetExhaustedException)
        {
            return NotRun(target, "request budget spent");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return NotRun(target, "cancelled");
        }
        catch (OperationCanceledException)
        {
            return new ProbeResult(target.Model.Id, target.Route, ProbeOutcome.Inconclusive, null, "Timeout", null, firstEvent, false, exchange.RequestId, $"no answer within {options.Timeout.TotalSeconds:0} s");
        }
        catch (FoundryConnectionException e)
        {
            return new ProbeResult(target.Model.Id, target.Route, ProbeOutcome.Inconclusive, null, "ConnectionFailed", null, null, false, null, e.Message);
        }
    }

    private static ProbeResult NotRun(ProbeTarget target, string why)
        => new(target.Model.Id, target.Route, ProbeOutcome.NotRun, null, null, null, null, false, null, why);

    private static string Describe(ProbeResult r) => r.Outcome switch
    {
        ProbeOutcome.Ok => $"ok, first event {r.FirstEvent?.TotalMilliseconds:0} ms",
        ProbeOutcome.Failed or ProbeOutcome.Inconclusive => $"{r.Outcome.ToString().ToLowerInvariant()} {r.Status} {r.ErrorName}".TrimEnd(),
        _ => "not run: " + r.Message,
    };
}
