using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Foundry.Generated.Generator;
using Foundry.Generated.Generator.Emit.Clients;
using Foundry.Generated.Generator.Emit.Types;
using Foundry.Generated.Generator.Model;
using Foundry.Generated.Generator.OpenApi;
using Foundry.Generated.Generator.Operations;
using Foundry.Generated.Generator.Pipeline;
using Foundry.Generated.Generator.Schemas;
using Microsoft.CodeAnalysis;

namespace Foundry.Generated.Benchmarks.Generator;

/// <summary>
/// `generator` mode: the first generator run in a fresh process (JIT included, as in a compiler server's first
/// build), warm cold runs, where the time goes (spec parse, model build, emit, the driver's own work), and the
/// proof from Roslyn's tracked steps that an unrelated edit re-runs nothing. Exit code 1 if an edit re-ran a step.
/// </summary>
internal static class GeneratorRun
{
    public static int Run(string[] args)
    {
        var rounds = args.Length > 0 && int.TryParse(args[0], out var r) ? r : 10;
        var texts = GeneratorInputs.Texts();
        var compilation = GeneratorInputs.Compilation();

        // 1. First run in this process: JIT of the generator, Roslyn's driver and System.Text.Json included.
        var sw = Stopwatch.StartNew();
        var first = GeneratorInputs.Driver(texts, trackSteps: false).RunGenerators(compilation);
        var firstMs = sw.Elapsed.TotalMilliseconds;
        var result = first.GetRunResult();
        var files = result.GeneratedTrees.Length;
        var chars = result.GeneratedTrees.Sum(t => (long)t.Length);
        var lines = result.GeneratedTrees.Sum(t => (long)t.GetText().Lines.Count);
        Console.WriteLine($"Generated {files} files, {lines:N0} lines, {chars / 1024.0 / 1024.0:0.0} MB of text; {result.Diagnostics.Length} diagnostics");
        Console.WriteLine($"First run in a fresh process (JIT included): {firstMs:0} ms");

        // 2. Cold runs (new driver, warm process), with allocation counts.
        var cold = new List<double>();
        var coldBytes = new List<long>();
        for (var i = 0; i < rounds; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            sw.Restart();
            GeneratorInputs.Driver(texts, trackSteps: false).RunGenerators(compilation);
            cold.Add(sw.Elapsed.TotalMilliseconds);
            coldBytes.Add(GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Console.WriteLine($"Cold run, warm process ({rounds} runs): median {Median(cold):0} ms, min {cold.Min():0} ms, max {cold.Max():0} ms; allocated {Median(coldBytes.Select(b => (double)b).ToList()) / 1024 / 1024:0} MB per run");

        // 3. Where the time goes: tracked step times from one cold run with tracking, plus the phases inside the spec step.
        var tracked = GeneratorInputs.Driver(texts, trackSteps: true).RunGenerators(compilation);
        var run = tracked.GetRunResult().Results.Single();
        var total = tracked.GetTimingInfo().ElapsedTime.TotalMilliseconds;
        Console.WriteLine($"Tracked cold run: driver reports {total:0} ms for the generator");
        foreach (var (name, steps) in run.TrackedSteps.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  step {name,-24} {steps.Sum(s => s.ElapsedTime.TotalMilliseconds),8:0.0} ms  ({steps.Length} runs)");
        }

        foreach (var (name, steps) in run.TrackedOutputSteps)
        {
            Console.WriteLine($"  output {name,-22} {steps.Sum(s => s.ElapsedTime.TotalMilliseconds),8:0.0} ms  ({steps.Length} outputs: emit + AddSource)");
        }

        Phases(texts[0].GetText()!.ToString(), rounds);

        // 4. Incremental: an unrelated edit (a new tree, then a changed tree) on a warm driver.
        var ok = true;
        var edited = compilation.AddSyntaxTrees(GeneratorInputs.UnrelatedTree(1));
        ok &= Incremental("add an unrelated syntax tree", tracked, edited, rounds);
        var warm2 = tracked.RunGenerators(edited);
        var changed = edited.ReplaceSyntaxTree(edited.SyntaxTrees.Last(), GeneratorInputs.UnrelatedTree(2));
        ok &= Incremental("change an unrelated syntax tree", warm2, changed, rounds);
        Console.WriteLine(ok ? "Unrelated edits: every step Cached/Unchanged, no output re-emitted." : "FAILED: an unrelated edit re-ran a step");
        return ok ? 0 : 1;
    }

    private static bool Incremental(string what, GeneratorDriver warm, Compilation edited, int rounds)
    {
        var times = new List<double>();
        GeneratorDriver after = warm;
        for (var i = 0; i < rounds; i++)
        {
            var sw = Stopwatch.StartNew();
            after = warm.RunGenerators(edited);
            times.Add(sw.Elapsed.TotalMilliseconds);
        }

        var run = after.GetRunResult().Results.Single();
        var reasons = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var ok = true;
        foreach (var (name, steps) in run.TrackedSteps)
        {
            var outputs = steps.SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
            // Roslyn's own input steps (Compilation) change with the edit by definition; ours (Foundry.*) must not.
            ok &= !name.StartsWith("Foundry.", StringComparison.Ordinal) || outputs.All(o => o is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
            reasons[name] = Summary(outputs);
        }

        var emitted = run.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        ok &= emitted.All(o => o == IncrementalStepRunReason.Cached);
        Console.WriteLine($"Incremental, {what}: median {Median(times):0.00} ms, max {times.Max():0.00} ms ({rounds} runs)");
        foreach (var (name, summary) in reasons)
        {
            Console.WriteLine($"  {name,-24} {summary}");
        }

        Console.WriteLine($"  {"(source outputs)",-24} {Summary(emitted)}");
        return ok;
    }

    /// <summary>The spec step split into its phases, called directly (same code the step runs).</summary>
    private static void Phases(string spec, int rounds)
    {
        var parse = new List<double>();
        var build = new List<double>();
        var operations = new List<double>();
        var emitTypes = new List<double>();
        var emitClients = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            var problems = new List<GeneratorProblem>();
            var sw = Stopwatch.StartNew();
            var document = SpecDocument.Parse("/repo/spec/" + FoundryGenerator.SpecFileName, spec, problems, out var owner)!;
            document.CheckReferences();
            parse.Add(sw.Elapsed.TotalMilliseconds);
            using (owner)
            {
                sw.Restart();
                var types = SchemaModelBuilder.Build(document, "Foundry.Generated", CancellationToken.None);
                build.Add(sw.Elapsed.TotalMilliseconds);
                sw.Restart();
                var clients = OperationReader.Read(document, types, Foundry.Generated.Generator.Pipeline.GeneratorOptions.Default);
                operations.Add(sw.Elapsed.TotalMilliseconds);
                sw.Restart();
                foreach (var type in types)
                {
                    TypeEmitter.Emit(type, "Foundry.Generated", "public");
                }

                emitTypes.Add(sw.Elapsed.TotalMilliseconds);
                sw.Restart();
                foreach (var client in clients.Clients)
                {
                    ClientEmitter.Emit(client, "Foundry.Generated", "public");
                }

                ClientEmitter.EmitRoot(clients, "public");
                emitClients.Add(sw.Elapsed.TotalMilliseconds);
            }
        }

        Console.WriteLine($"Phases (median of {rounds}, warm): spec parse + reference check {Median(parse):0.0} ms, schema model build {Median(build):0.0} ms, operations {Median(operations):0.0} ms, emit types {Median(emitTypes):0.0} ms, emit clients {Median(emitClients):0.0} ms");
    }

    private static string Summary(List<IncrementalStepRunReason> reasons)
        => reasons.Count == 0 ? "(no outputs)" : string.Join(", ", reasons.GroupBy(r => r).OrderBy(g => g.Key).Select(g => $"{g.Key} ×{g.Count()}"));

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
