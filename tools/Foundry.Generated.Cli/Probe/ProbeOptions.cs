using System;
using System.Collections.Generic;

namespace Foundry.Generated.Cli.Probe;

/// <summary>The probe's settings as the command line gave them (see <see cref="ProbeCommandLine"/>).</summary>
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
    TimeSpan Timeout)
{
    public const string DefaultCatalog = "spec/model-catalog.json";

    public const int DefaultConcurrency = 2;

    public const int DefaultTimeoutSeconds = 60;

    /// <summary>The least default budget: room for the retries of a small plan.</summary>
    public const int MinimumDefaultBudget = 100;

    /// <summary>The request budget for a plan: <c>--max-requests</c>, or by default enough for every planned request
    /// and one retry each, so the default plan (the whole catalog) fits.</summary>
    public int BudgetFor(int planned) => MaxRequests ?? Math.Max(MinimumDefaultBudget, 2 * planned);
}
