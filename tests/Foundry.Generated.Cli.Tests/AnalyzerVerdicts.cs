using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Basic.Reference.Assemblies;
using Foundry.Generated.Generator.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Foundry.Generated.Cli.Tests;

/// <summary>What the model-id analyzer says about some code compiled against the precompiled clients, with a given catalog
/// (the in-memory equivalent of rebuilding after <c>probe --write</c>).</summary>
internal static class AnalyzerVerdicts
{
    public static async Task<IReadOnlyList<Diagnostic>> RunAsync(string catalog, string statement)
    {
        var references = Net100.References.All
            .Append(MetadataReference.CreateFromFile(typeof(Foundry.Generated.ResponsesModel).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(Foundry.Generated.Runtime.FoundryPipeline).Assembly.Location));
        var tree = CSharpSyntaxTree.ParseText("class C { void M() { " + statement + " } }");
        var compilation = CSharpCompilation.Create("Consumer", [tree], references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var options = new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(new CatalogText(catalog)));
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ModelIdAnalyzer()), options).GetAnalyzerDiagnosticsAsync();
        return diagnostics;
    }

    private sealed class CatalogText(string text) : AdditionalText
    {
        public override string Path => "/repo/spec/model-catalog.json";

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}
