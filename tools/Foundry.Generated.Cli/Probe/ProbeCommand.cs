using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Foundry.Generated.Cli.Chat;

namespace Foundry.Generated.Cli.Probe;

/// <summary><c>foundry-llm probe</c>: the plan, the run, the report, and optionally the catalog and the recordings.</summary>
internal static class ProbeCommand
{
    public static async Task<int> RunAsync(ProbeOptions options, TextWriter output, TextWriter error, Func<string, string?> environment, TimeProvider time, CancellationToken cancellationToken)
    {
        IReadOnlyList<ProbeTarget> plan;
        try
        {
            plan = ProbePlan.Build(FoundryModels.All, options);
        }
        catch (ArgumentException e)
        {
            error.WriteLine("error: " + e.Message);
            return ChatApp.BadArguments;
        }

        var budget = options.BudgetFor(plan.Count);
        if (budget < plan.Count)
        {
            error.WriteLine($"warning: --max-requests {budget} covers only {budget} of the {plan.Count} planned requests; the rest will not run (raise it to {plan.Count} or more, plus room for retries)");
        }

        if (options.DryRun)
        {
            foreach (var target in plan)
            {
                output.WriteLine($"{target.Model.Id} on {target.Route}" + (target.Model.SupportsRoute(target.Route) ? string.Empty : " (the catalog says it fails)"));
            }

            output.WriteLine($"{plan.Count} requests planned; budget {budget} (--max-requests, retries included); {options.Concurrency} at a time; nothing sent (--dry-run)");
            return ChatApp.Ok;
        }

        // Only the Foundry the user names is probed: no emulator stands in for it.
        var url = environment(FoundryClientOptions.UrlVariable);
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url, UriKind.Absolute, out var baseUrl))
        {
            error.WriteLine($"error: probe measures your Foundry: set {FoundryClientOptions.UrlVariable} (and {FoundryClientOptions.TokenVariable}).");
            return ChatApp.BadArguments;
        }

        var host = baseUrl.Authority;
        var date = time.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var token = environment(FoundryClientOptions.TokenVariable);
        var recorder = options.RecordDirectory is { } dir ? new ReplyRecorder(dir, host, date, token) : null;
        var capture = new ProbeCaptureHandler(budget, recorder != null);
        using var http = new HttpClient(capture) { Timeout = Timeout.InfiniteTimeSpan };
        using var client = new FoundryLlmClient(new FoundryClientOptions { BaseUrl = baseUrl, Token = token, TimeProvider = time }, http);
        var progress = new ProbeProgress(error, ProbeProgress.IsTerminal(error));
        var prober = new Prober(client, capture, options, progress) { Finished = recorder is null ? null : recorder.Save };

        IReadOnlyList<ProbeResult> results;
        try
        {
            results = await prober.RunAsync(plan, cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            // e.g. a token over plain http to another machine: nothing was sent.
            progress.Clear();
            error.WriteLine("error: " + e.Message);
            return ChatApp.Failed;
        }

        progress.Clear();

        recorder?.WriteManifest();
        if (options.Json)
        {
            ProbeReport.WriteJson(output, host, results);
        }
        else
        {
            ProbeReport.WriteTable(output, results);
        }

        error.WriteLine($"{capture.Sent} requests sent to {host}");
        if (options.WriteCatalog is { } catalogPath)
        {
            try
            {
                var (text, changes) = CatalogEvidence.Apply(await File.ReadAllTextAsync(catalogPath, CancellationToken.None), catalogPath, results, host, date);
                await File.WriteAllTextAsync(catalogPath, text, CancellationToken.None);
                foreach (var change in changes)
                {
                    error.WriteLine("catalog: " + change);
                }

                error.WriteLine($"wrote {catalogPath}; rebuild to let the analyzer use the new evidence");
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or System.Text.Json.JsonException)
            {
                error.WriteLine("error: " + e.Message);
                return ChatApp.Failed;
            }
        }

        return cancellationToken.IsCancellationRequested ? ChatApp.Cancelled : ChatApp.Ok;
    }
}
