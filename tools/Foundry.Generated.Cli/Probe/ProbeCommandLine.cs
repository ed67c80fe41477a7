using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Linq;
using Foundry.Generated.Catalog.Routes;
using Foundry.Generated.Cli.Chat;
using Foundry.Generated.Runtime;

namespace Foundry.Generated.Cli.Probe;

/// <summary><c>foundry-llm probe [options]</c>: the options of <see cref="ProbeCommand"/>.</summary>
internal static class ProbeCommandLine
{
    public const string Description =
        "which model works on which route of your Foundry: sends the smallest real request each catalogued model x route accepts "
        + "(a few output tokens, streaming where the route streams) to FOUNDRY_URL (token: FOUNDRY_TOKEN) and reports what works; "
        + "Ctrl+C stops, and what was measured is still reported (and written)";

    public static Command Create(Func<string, string?> environment, TimeProvider time)
    {
        var models = List("--model", "id", "only these models (friendly ids, aliases or RIDs; comma-separated or repeated)");
        models.CompletionSources.Add(_ => FoundryModels.All.Select(m => m.Id));
        var routes = List("--route", "route", $"only these routes (route ids, or {string.Join(" | ", ProxyRoutes.All.Select(r => r.ShortName))})");
        routes.CustomParser = result => Split(result).Select(text => RouteId(text, result)).ToArray();
        routes.CompletionSources.Add(ProbePlan.AllRoutes.Concat(ProxyRoutes.All.Select(r => r.ShortName)).ToArray());
        var providers = List("--provider", "p", "only these providers (openai, anthropic, google, xai, ...)");
        var concurrency = Positive("--concurrency", "requests in flight at once");
        concurrency.DefaultValueFactory = _ => ProbeOptions.DefaultConcurrency;
        var maxRequests = new Option<int?>("--max-requests")
        {
            HelpName = "n",
            Description = $"stop after this many HTTP requests, retries included (default: twice the plan, at least {ProbeOptions.MinimumDefaultBudget})",
            CustomParser = result => PositiveNumber.Parse(result),
        };
        var timeout = Positive("--timeout", "per probe, in seconds");
        timeout.HelpName = "seconds";
        timeout.DefaultValueFactory = _ => ProbeOptions.DefaultTimeoutSeconds;
        var dryRun = new Option<bool>("--dry-run") { Description = "print the plan and the number of requests; send nothing" };
        var json = new Option<bool>("--json") { Description = "print the results as JSON instead of a table" };
        var write = new Option<string?>("--write")
        {
            HelpName = "catalog",
            Arity = ArgumentArity.ZeroOrOne,
            Description = $"record the evidence in the catalog (default {ProbeOptions.DefaultCatalog})",
        };
        var record = new Option<string?>("--record") { HelpName = "dir", Description = "save each reply (status, content type, Foundry headers, body; no token) as a fixture" };

        var command = new Command("probe", Description) { models, routes, providers, concurrency, maxRequests, timeout, dryRun, json, write, record };
        command.SetAction((parsed, cancellationToken) =>
        {
            var options = new ProbeOptions(
                parsed.GetValue(models) ?? [],
                parsed.GetValue(routes) ?? [],
                parsed.GetValue(providers) ?? [],
                parsed.GetValue(concurrency),
                parsed.GetValue(maxRequests),
                parsed.GetValue(dryRun),
                parsed.GetValue(json),
                parsed.GetResult(write) is null ? null : parsed.GetValue(write) ?? ProbeOptions.DefaultCatalog,
                parsed.GetValue(record),
                TimeSpan.FromSeconds(parsed.GetValue(timeout)));
            return ProbeCommand.RunAsync(options, parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error, environment, time, cancellationToken);
        });
        return command;
    }

    /// <summary>A filter given as <c>a,b</c>, repeated, or both.</summary>
    private static Option<string[]> List(string name, string helpName, string description) => new(name)
    {
        HelpName = helpName + "[,...]",
        Description = description,
        CustomParser = result => Split(result).ToArray(),
    };

    private static Option<int> Positive(string name, string description)
        => new(name) { HelpName = "n", Description = description, CustomParser = PositiveNumber.Parse };

    private static IEnumerable<string> Split(ArgumentResult result)
        => result.Tokens.SelectMany(token => token.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>A route id, or the short names the chat command uses.</summary>
    private static string RouteId(string text, ArgumentResult result)
    {
        if (ProbePlan.AllRoutes.Contains(text))
        {
            return text;
        }

        var route = ProxyRoutes.FindByShortName(text)?.Id;
        if (route is null)
        {
            result.AddError($"Unknown route '{text}'; use a route id ({string.Join(", ", ProbePlan.AllRoutes)}) or a short name.");
            return text;
        }

        return route;
    }
}
