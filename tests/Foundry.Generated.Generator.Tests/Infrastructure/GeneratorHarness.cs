using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Foundry.Generated.Generator.Tests.Infrastructure;

/// <summary>Runs a generator over an in-memory compilation (Basic.Reference.Assemblies, no downloads).</summary>
public static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>References a consumer has: the .NET 10 reference assemblies plus the Foundry runtime.</summary>
    public static IReadOnlyList<MetadataReference> References { get; } =
        Net100.References.All
            .Append(MetadataReference.CreateFromFile(typeof(Foundry.Generated.Runtime.FoundryPipeline).Assembly.Location))
            .ToArray();

    public static CSharpCompilation CreateCompilation(params string[] sources)
        => CSharpCompilation.Create(
            "Consumer",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions)),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(
        IIncrementalGenerator generator,
        IEnumerable<AdditionalText> additionalTexts,
        IReadOnlyDictionary<string, string>? buildProperties = null,
        bool trackSteps = true)
        => CSharpGeneratorDriver.Create(
            new[] { generator.AsSourceGenerator() },
            additionalTexts,
            ParseOptions,
            new TestAnalyzerConfigOptionsProvider(buildProperties ?? new Dictionary<string, string>()),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>
    /// As a project with <c>GenerateDocumentationFile</c> (Foundry.Generated.Clients): doc comments are parsed and checked
    /// (CS1570–CS1587, CS1573); CS1591 (a public member without one) is off, as that project has it.
    /// </summary>
    public static readonly CSharpParseOptions DocumentedParseOptions = ParseOptions.WithDocumentationMode(DocumentationMode.Diagnose);

    /// <summary>Runs the generator with <see cref="DocumentedParseOptions"/> over a compilation with <paramref name="extraReferences"/>.</summary>
    public static (Compilation Output, ImmutableArray<Diagnostic> Diagnostics, GeneratorDriver Driver) RunDocumented(
        IIncrementalGenerator generator,
        IEnumerable<AdditionalText> additionalTexts,
        IReadOnlyDictionary<string, string>? buildProperties = null,
        IEnumerable<MetadataReference>? extraReferences = null,
        params string[] sources)
    {
        var compilation = CSharpCompilation.Create(
            "Consumer",
            sources.Append("internal static class Consumer { }").Select(s => CSharpSyntaxTree.ParseText(s, DocumentedParseOptions)),
            References.Concat(extraReferences ?? Enumerable.Empty<MetadataReference>()),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1591"] = ReportDiagnostic.Suppress }));
        var driver = CSharpGeneratorDriver.Create(
            new[] { generator.AsSourceGenerator() },
            additionalTexts,
            DocumentedParseOptions,
            new TestAnalyzerConfigOptionsProvider(buildProperties ?? new Dictionary<string, string>()),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));
        var ran = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return (output, diagnostics, ran);
    }

    /// <summary>Runs the generator; returns the output compilation and the generator diagnostics.</summary>
    public static (Compilation Output, ImmutableArray<Diagnostic> Diagnostics, GeneratorDriver Driver) Run(
        IIncrementalGenerator generator,
        IEnumerable<AdditionalText> additionalTexts,
        IReadOnlyDictionary<string, string>? buildProperties = null,
        params string[] sources)
    {
        var driver = CreateDriver(generator, additionalTexts, buildProperties);
        driver = driver.RunGeneratorsAndUpdateCompilation(CreateCompilation(sources), out var output, out var diagnostics);
        return (output, diagnostics, driver);
    }
}
