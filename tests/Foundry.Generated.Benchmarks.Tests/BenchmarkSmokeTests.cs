using System;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Foundry.Generated.Benchmarks;
using Foundry.Generated.Benchmarks.Generator;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Foundry.Generated.Benchmarks.Tests;

/// <summary>Each benchmark runs once (no timing): it starts, and rows compared side by side do the same work.</summary>
public sealed class BenchmarkSmokeTests
{
    private static MethodInfo[] Benchmarks<T>()
        => typeof(T).GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() != null).ToArray();

    private static string Description(MethodInfo method) => method.GetCustomAttribute<BenchmarkAttribute>()!.Description!;

    [Fact]
    public async Task Every_streaming_row_reads_the_same_text_as_the_others_of_its_stream()
    {
        var benchmarks = new StreamingDecodeBenchmarks();
        benchmarks.Setup();
        var results = new (string Stream, string Row, int Chars)[Benchmarks<StreamingDecodeBenchmarks>().Length];
        var i = 0;
        foreach (var method in Benchmarks<StreamingDecodeBenchmarks>())
        {
            var chars = await (Task<int>)method.Invoke(benchmarks, null)!;
            var description = Description(method);
            results[i++] = (description[..description.IndexOf(':')], description, chars);
        }

        Assert.Equal(new[] { "Chat", "Responses" }, results.Select(r => r.Stream).Distinct().Order().ToArray());
        foreach (var stream in results.GroupBy(r => r.Stream))
        {
            // Ours, the OpenAI SDK and the floors: at least four rows, one text, and all of it (every delta, none lost).
            Assert.True(stream.Count() >= 4, stream.Key);
            Assert.All(stream, r => Assert.True(r.Chars == stream.First().Chars, $"{r.Row}: {r.Chars} chars, {stream.First().Row}: {stream.First().Chars}"));
            Assert.True(stream.First().Chars >= StreamingDecodeBenchmarks.Deltas, $"{stream.Key}: {stream.First().Chars} chars");
        }
    }

    [Fact]
    public void The_generator_rows_generate_the_whole_spec_and_an_unrelated_edit_changes_no_output()
    {
        var benchmarks = new GeneratorBenchmarks();
        benchmarks.Setup();

        var cold = benchmarks.Cold().GetRunResult();
        var edited = benchmarks.UnrelatedEdit().GetRunResult();

        Assert.DoesNotContain(cold.Diagnostics, d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning);
        Assert.True(cold.GeneratedTrees.Length > 500, $"{cold.GeneratedTrees.Length} files");
        Assert.Equal(
            cold.Results.Single().GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())),
            edited.Results.Single().GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())));
    }
}
