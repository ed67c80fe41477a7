using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Foundry.Generated.Cli;
using Foundry.Generated.Emulator;

namespace Foundry.Generated.Cli.Tests;

/// <summary>Runs <c>foundry-llm probe</c> against a loopback emulator standing in for an enrollment.</summary>
internal static class ProbeHarness
{
    public static readonly DateTimeOffset Today = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    public static string RepoRoot { get; } = typeof(ProbeHarness).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    public static string RepoFile(string relative) => Path.Combine(RepoRoot, relative);

    public static async Task<(int Exit, string Out, string Err)> RunAsync(FoundryProxyEmulator emulator, CancellationToken cancellationToken, TextWriter? error, params string[] args)
    {
        var output = new StringWriter();
        error ??= new StringWriter();
        var environment = new Dictionary<string, string?> { ["FOUNDRY_URL"] = emulator.BaseUrl.ToString(), ["FOUNDRY_TOKEN"] = emulator.Token };
        var exit = await CliApp.RunAsync(["probe", .. args], output, error, name => environment.GetValueOrDefault(name), new FixedTime(Today), cancellationToken);
        return (exit, output.ToString(), error.ToString()!);
    }

    public static Task<(int Exit, string Out, string Err)> RunAsync(FoundryProxyEmulator emulator, params string[] args)
        => RunAsync(emulator, CancellationToken.None, null, args);

    /// <summary>The <c>--json</c> results as (model, route) → (outcome, status, errorName).</summary>
    public static Dictionary<(string Model, string Route), (string Outcome, int? Status, string? ErrorName)> Results(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("results").EnumerateArray().ToDictionary(
            r => (r.GetProperty("model").GetString()!, r.GetProperty("route").GetString()!),
            r => (r.GetProperty("outcome").GetString()!, r.GetProperty("status").ValueKind == JsonValueKind.Number ? r.GetProperty("status").GetInt32() : (int?)null, r.GetProperty("errorName").GetString()));
    }

    /// <summary>A clock fixed at a date (the retry waits still use real time: only the date is read from it).</summary>
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
