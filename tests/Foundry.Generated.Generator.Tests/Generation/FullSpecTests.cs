using System.IO;
using System.Linq;
using Foundry.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace Foundry.Generated.Generator.Tests.Generation;

/// <summary>The checked-in spec and catalog generate code that compiles cleanly.</summary>
public sealed class FullSpecTests(ITestOutputHelper output)
{
    [Fact]
    public void Checked_in_spec_and_catalog_generate_code_with_zero_errors_and_zero_warnings()
    {
        var texts = new[]
        {
            new InMemoryAdditionalText(RepoPaths.Spec("foundry-llm-proxy.openapi.json"), File.ReadAllText(RepoPaths.Spec("foundry-llm-proxy.openapi.json"))),
            new InMemoryAdditionalText(RepoPaths.Spec("model-catalog.json"), File.ReadAllText(RepoPaths.Spec("model-catalog.json"))),
        };

        // Doc comments checked as in the precompiled clients' build (GenerateDocumentationFile, CS1591 off).
        var (compilation, generatorDiagnostics, driver) = GeneratorHarness.RunDocumented(new FoundryGenerator(), texts);

        // Renames the naming rule had to make are information (FDRY106), never warnings: the precompiled clients build
        // with warnings as errors.
        foreach (var d in generatorDiagnostics)
        {
            output.WriteLine(d.ToString());
        }

        Assert.Empty(generatorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var renames = generatorDiagnostics.Where(d => d.Id == "FDRY106")
            .Select(d => System.Text.RegularExpressions.Regex.Match(d.GetMessage(), "^(.*) would be named .* it is named '(.*)' instead$"))
            .Select(m => m.Groups[1].Value + " -> " + m.Groups[2].Value)
            .OrderBy(m => m, System.StringComparer.Ordinal);
        Assert.Equal(new[] { "Property 'embedding' of 'OpenAi.Embedding' -> EmbeddingValue", "Property 'logprob' of 'OpenAi.LogProb' -> LogprobValue" }, renames);
        var generated = driver.GetRunResult().GeneratedTrees;
        if (System.Environment.GetEnvironmentVariable("FOUNDRY_DUMP_GENERATED") is { Length: > 0 } dump)
        {
            // Debugging aid: write the generated files out for reading.
            Directory.CreateDirectory(dump);
            foreach (var tree in generated)
            {
                File.WriteAllText(Path.Combine(dump, Path.GetFileName(tree.FilePath)), tree.GetText().ToString());
            }
        }

        output.WriteLine($"{generated.Length} files, {generated.Sum(t => t.GetText().Lines.Count)} lines");
        Assert.True(generated.Length > 700, "expected one file per schema");
        var problems = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        foreach (var d in problems.Take(40))
        {
            output.WriteLine(d.ToString());
        }

        Assert.Empty(problems);
    }
}
