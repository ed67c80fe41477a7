using System.Collections.Generic;
using System.IO;
using System.Linq;
using Foundry.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Foundry.Generated.Generator.Tests.Generation;

/// <summary>Runs the generator on named spec/catalog texts.</summary>
internal static class GeneratorRun
{
    public const string SpecPath = "/repo/spec/foundry-llm-proxy.openapi.json";
    public const string CatalogPath = "/repo/spec/model-catalog.json";

    public static string Fixture(string name)
        => File.ReadAllText(Path.Combine(RepoPaths.TestsDir("Foundry.Generated.Generator.Tests"), "Generation", "Fixtures", name));

    public static (Compilation Output, IReadOnlyList<Diagnostic> Diagnostics, GeneratorDriver Driver) Run(string? spec, string? catalog, params string[] sources)
    {
        var texts = new List<AdditionalText>();
        if (spec != null)
        {
            texts.Add(new InMemoryAdditionalText(SpecPath, spec));
        }

        if (catalog != null)
        {
            texts.Add(new InMemoryAdditionalText(CatalogPath, catalog));
        }

        var (output, diagnostics, driver) = GeneratorHarness.Run(new FoundryGenerator(), texts, null, sources);
        return (output, diagnostics, driver);
    }

    public static string Source(GeneratorDriver driver, string hintSuffix)
        => driver.GetRunResult().GeneratedTrees.Single(t => t.FilePath.EndsWith(hintSuffix, System.StringComparison.Ordinal)).GetText().ToString();

    public static IEnumerable<Diagnostic> Problems(Compilation compilation)
        => compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning);
}
