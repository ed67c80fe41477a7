using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Basic.Reference.Assemblies;
using Foundry.Generated.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Foundry.Generated.Benchmarks.Generator;

/// <summary>
/// The checked-in spec and catalog as AdditionalFiles, a small consumer compilation (.NET 10 reference assemblies
/// plus the runtime), and drivers built the way the compiler builds them — the same setup as the generator tests'
/// GeneratorHarness.
/// </summary>
internal static class GeneratorInputs
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static AdditionalText[] Texts() =>
    [
        new MemoryText("/repo/spec/" + FoundryGenerator.SpecFileName, File.ReadAllText(SpecPath(FoundryGenerator.SpecFileName))),
        new MemoryText("/repo/spec/" + FoundryGenerator.CatalogFileName, File.ReadAllText(SpecPath(FoundryGenerator.CatalogFileName))),
    ];

    public static CSharpCompilation Compilation() => CSharpCompilation.Create(
        "Consumer",
        [CSharpSyntaxTree.ParseText("namespace App; public static class Program { public static int Main() => 0; }", ParseOptions)],
        Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(Foundry.Generated.Runtime.FoundryPipeline).Assembly.Location)),
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>An edit unrelated to the generator: one more source file.</summary>
    public static SyntaxTree UnrelatedTree(int n) => CSharpSyntaxTree.ParseText($"namespace App; internal sealed class Unrelated{n} {{ public int Value => {n}; }}", ParseOptions);

    public static GeneratorDriver Driver(AdditionalText[] texts, bool trackSteps) => CSharpGeneratorDriver.Create(
        [new FoundryGenerator().AsSourceGenerator()],
        texts,
        ParseOptions,
        new Options(),
        new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    private static string SpecPath(string name)
    {
        var local = Path.Combine(AppContext.BaseDirectory, "spec", name);
        return File.Exists(local) ? local : throw new FileNotFoundException("spec file not copied next to the benchmark", local);
    }

    private sealed class MemoryText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, System.Text.Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class Options : AnalyzerConfigOptionsProvider
    {
        private static readonly Values Empty = new(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;
    }

    private sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
