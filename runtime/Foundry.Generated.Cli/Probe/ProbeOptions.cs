using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Foundry.Generated.Cli.Chat;

namespace Foundry.Generated.Cli.Probe;

/// <summary>The probe's command line. <see cref="Help"/>: <c>--help</c> was given, so only the usage is printed.</summary>
internal sealed record ProbeOptions(
    IReadOnlyList<string> Models,
    IReadOnlyList<string> Routes,
    IReadOnlyList<string> Providers,
    int Concurrency,
    int? MaxRequests,
    bool DryRun,
    bool Json,
    string? WriteCatalog,
    string? RecordDirectory,
    TimeSpan Timeout,
    bool Help)
{
    public const string Usage = """
        Usage: foundry-llm probe [options]

        Sends the smallest real request each catalogued model x route accepts (a few output tokens, streaming where the
        route streams) to the Foundry at FOUNDRY_URL (token: FOUNDRY_TOKEN) and reports what works.

        Options:
          --model <id>[,<id>]       only these models (friendly ids, aliases or RIDs)
          --route <route>[,...]     only these routes (route ids, or responses | chat | anthropic | gemini | xai | xai-chat | embeddings)
          --provider <p>[,...]      only these providers (openai, anthropic, google, xai, ...)
          --concurrency <n>         requests in flight at once (default 2)
          --max-requests <n>        stop after this many HTTP requests, retries included (default: twice the plan, at least 100)
          --timeout <seconds>       per probe (default 60)
          --dry-run                 print the plan and the number of requests; send nothing
          --json                    print the results as JSON instead of a table
          --write [catalog]         record the evidence in the catalog (default spec/model-catalog.json)
          --record <dir>            save each reply (status, content type, Foundry headers, body; no token) as a fixture
        Ctrl+C stops: what was measured is still reported (and written).
        """;

    public const string DefaultCatalog = "spec/model-catalog.json";

    /// <summary>The least default budget: room for the retries of a small plan.</summary>
    public const int MinimumDefaultBudget = 100;

    /// <summary>The request budget for a plan: <c>--max-requests</c>, or by default enough for every planned request
    /// and one retry each, so the default plan (the whole catalog) fits.</summary>
    public int BudgetFor(int planned) => MaxRequests ?? Math.Max(MinimumDefaultBudget, 2 * planned);

    public static ProbeOptions Parse(IReadOnlyList<string> args)
    {
        var models = new List<string>();
        var routes = new List<string>();
        var providers = new List<string>();
        var concurrency = 2;
        int? maxRequests = null;
        var timeout = TimeSpan.FromSeconds(60);
        var dryRun = false;
        var json = false;
        string? write = null;
        string? record = null;
        var help = false;
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--model": models.AddRange(List(Value())); break;
                case "--route": routes.AddRange(List(Value()).Select(RouteId)); break;
                case "--provider": providers.AddRange(List(Value())); break;
                case "--concurrency": concurrency = Positive("--concurrency", Value()); break;
                case "--max-requests": maxRequests = Positive("--max-requests", Value()); break;
                case "--timeout": timeout = TimeSpan.FromSeconds(Positive("--timeout", Value())); break;
                case "--dry-run": dryRun = true; break;
                case "--json": json = true; break;
                case "--write":
                    write = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : DefaultCatalog;
                    break;
                case "--record": record = Value(); break;
                case "-h" or "--help": help = true; break;
                default: throw new ArgumentException($"Unknown option {args[i]}.\n{Usage}");
            }
        }

        return new ProbeOptions(models, routes, providers, concurrency, maxRequests, dryRun, json, write, record, timeout, help);
    }

    private static IEnumerable<string> List(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int Positive(string option, string text)
        => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{option} needs a positive number, not '{text}'.");

    /// <summary>A route id, or the short names the chat command uses.</summary>
    private static string RouteId(string text)
    {
        if (ProbePlan.AllRoutes.Contains(text))
        {
            return text;
        }

        return text == "embeddings" ? Foundry.Generated.Runtime.FoundryRoutes.OpenAiEmbeddings
            : RouteChoice.FromShortName(text) ?? throw new ArgumentException($"Unknown route '{text}'; use a route id ({string.Join(", ", ProbePlan.AllRoutes)}) or a short name.");
    }
}
