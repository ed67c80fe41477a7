using System.Collections.Generic;
using System.Linq;
using Foundry.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Foundry.Generated.Generator.Tests.Generation;

/// <summary>MSBuild options reach the generator through <c>build_property.*</c>.</summary>
public sealed class OptionsTests
{
    private static (Compilation Output, System.Collections.Immutable.ImmutableArray<Diagnostic> Diagnostics, GeneratorDriver Driver) Run(string ns)
        => GeneratorHarness.Run(
            new FoundryGenerator(),
            new AdditionalText[]
            {
                new InMemoryAdditionalText(GeneratorRun.SpecPath, GeneratorRun.Fixture("constructs.openapi.json")),
                new InMemoryAdditionalText(GeneratorRun.CatalogPath, GeneratorRun.Fixture("small-catalog.json")),
            },
            new Dictionary<string, string> { ["build_property.FoundryGeneratedNamespace"] = ns },
            "class Use { object M() => new Contoso.Llm.OpenAi.Reply { Id = \"x\" }; object N() => Contoso.Llm.ResponsesModel.Gpt5_2; }");

    [Fact]
    public void The_root_namespace_of_generated_code_is_configurable()
    {
        var (output, diagnostics, _) = Run("Contoso.Llm");

        Assert.DoesNotContain(diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.NotNull(output.GetTypeByMetadataName("Contoso.Llm.FoundryLlmClient"));
    }

    [Fact]
    public void An_invalid_namespace_falls_back_with_a_warning()
    {
        var (output, diagnostics, _) = Run("Contoso..Llm-1");

        var d = Assert.Single(diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Equal("FDRY302", d.Id);
        Assert.NotNull(output.GetTypeByMetadataName("Foundry.Generated.FoundryLlmClient"));
    }
}
