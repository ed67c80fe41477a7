using System.Collections.Generic;
using System.Linq;
using Foundry.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Foundry.Generated.Generator.Tests.Generation;

/// <summary>Adapters for optional libraries appear only when the consumer references the library and the spec has what they need.</summary>
public sealed class IntegrationTests
{
    private static readonly MetadataReference ExtensionsAi = MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.AI.IChatClient).Assembly.Location);
    // The hosting library and what a consumer gets with it transitively (DI abstractions, IHttpClientFactory).
    private static readonly MetadataReference[] Hosting =
    {
        MetadataReference.CreateFromFile(typeof(Foundry.Generated.Hosting.FoundryHosting).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.IHttpClientBuilder).Assembly.Location),
    };

    private static (Compilation Output, IReadOnlyList<Diagnostic> Diagnostics, string[] HintNames) Run(string spec, params MetadataReference[] extra)
        => Run(spec, warningsAsErrors: false, extra);

    private static (Compilation Output, IReadOnlyList<Diagnostic> Diagnostics, string[] HintNames) Run(string spec, bool warningsAsErrors, params MetadataReference[] extra)
        => Run(spec, warningsAsErrors, new Dictionary<string, string>(), extra);

    private static (Compilation Output, IReadOnlyList<Diagnostic> Diagnostics, string[] HintNames) Run(string spec, bool warningsAsErrors, Dictionary<string, string> properties, params MetadataReference[] extra)
    {
        var texts = new AdditionalText[]
        {
            new InMemoryAdditionalText(GeneratorRun.SpecPath, spec),
            new InMemoryAdditionalText(GeneratorRun.CatalogPath, GeneratorRun.Fixture("small-catalog.json")),
        };
        var compilation = GeneratorHarness.CreateCompilation("class A { }").AddReferences(extra);
        if (warningsAsErrors)
        {
            // <TreatWarningsAsErrors>: the compiler applies it to generator diagnostics too.
            compilation = compilation.WithOptions(compilation.Options.WithGeneralDiagnosticOption(ReportDiagnostic.Error));
        }

        var driver = GeneratorHarness.CreateDriver(new FoundryGenerator(), texts, properties).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var hints = driver.GetRunResult().GeneratedTrees.Select(t => System.IO.Path.GetFileName(t.FilePath)).ToArray();
        return (output, diagnostics, hints);
    }

    [Fact]
    public void Without_the_libraries_no_adapter_is_generated()
    {
        var (_, diagnostics, hints) = Run(GeneratorRun.Fixture("constructs.openapi.json"));

        Assert.DoesNotContain(hints, h => h.StartsWith("AI.") || h.StartsWith("Hosting."));
        Assert.DoesNotContain(diagnostics, d => d.Id == "FDRY303");
    }

    [Fact]
    public void A_spec_without_the_types_an_adapter_needs_skips_it_with_FDRY303_and_still_compiles()
    {
        var (output, diagnostics, hints) = Run(GeneratorRun.Fixture("constructs.openapi.json"), warningsAsErrors: true, Hosting.Append(ExtensionsAi).ToArray());

        var skipped = diagnostics.Where(d => d.Id == "FDRY303").Select(d => d.GetMessage()).ToList();
        Assert.Contains(skipped, m => m.StartsWith("The FoundryResponsesChatClient adapter is not generated: the spec has no type, member or client 'OpenAiResponsesClient'", System.StringComparison.Ordinal)
            || m.StartsWith("The FoundryResponsesChatClient adapter is not generated: the spec has no type, member or client 'OpenAi.", System.StringComparison.Ordinal));
        // Information, so a custom spec without an adapter's types does not fail a build that treats warnings as errors.
        Assert.All(diagnostics.Where(d => d.Id == "FDRY303"), d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.DoesNotContain(hints, h => h.StartsWith("AI.FoundryResponsesChatClient"));
        Assert.DoesNotContain(GeneratorRun.Problems(output), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void A_spec_without_a_member_an_adapter_uses_skips_it_with_FDRY303_and_still_compiles()
    {
        // The request type is there, but without previous_response_id (which the Responses adapters set); the request
        // takes it from OpenAi.ResponseProperties through allOf.
        var spec = System.Text.Json.Nodes.JsonNode.Parse(System.IO.File.ReadAllText(RepoPaths.Spec("foundry-llm-proxy.openapi.json")))!;
        var removed = spec["components"]!["schemas"]!["OpenAi.ResponseProperties"]!["properties"]!.AsObject().Remove("previous_response_id");
        Assert.True(removed);
        var (output, diagnostics, hints) = Run(spec.ToJsonString(), warningsAsErrors: true, Hosting.Append(ExtensionsAi).ToArray());

        var skipped = diagnostics.Where(d => d.Id == "FDRY303").Select(d => d.GetMessage()).ToList();
        Assert.Contains("The FoundryResponsesChatClient adapter is not generated: the spec has no type, member or client 'OpenAi.CreateResponse.PreviousResponseId' it needs", skipped);
        Assert.DoesNotContain(hints, h => h == "AI.FoundryResponsesChatClient.g.cs");
        Assert.Contains("AI.FoundryChatCompletionsChatClient.g.cs", hints);
        Assert.DoesNotContain(GeneratorRun.Problems(output), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void With_another_root_namespace_and_internal_types_the_same_bodies_compile_under_a_new_header()
    {
        var properties = new Dictionary<string, string> { ["build_property.FoundryGeneratedNamespace"] = "Acme.Llm", ["build_property.FoundryGeneratedVisibility"] = "internal" };
        var (output, diagnostics, _) = Run(System.IO.File.ReadAllText(RepoPaths.Spec("foundry-llm-proxy.openapi.json")), warningsAsErrors: false, properties, Hosting.Append(ExtensionsAi).ToArray());

        Assert.DoesNotContain(diagnostics, d => d.Id == "FDRY303");
        var adapterTrees = output.SyntaxTrees.Where(t => System.IO.Path.GetFileName(t.FilePath) is var f && (f.StartsWith("AI.") || f.StartsWith("Hosting."))).ToList();
        Assert.Equal(9, adapterTrees.Count);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning && adapterTrees.Contains(d.Location.SourceTree!)).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        foreach (var name in new[] { "Acme.Llm.AI.FoundryXaiResponsesChatClient", "Acme.Llm.AI.FoundryEmbeddingGenerator", "Acme.Llm.FoundryAIExtensions", "Acme.Llm.FoundryLlmServiceCollectionExtensions" })
        {
            Assert.Equal(Accessibility.Internal, output.GetTypeByMetadataName(name)!.DeclaredAccessibility);
        }
    }

    [Fact]
    public void Microsoft_Extensions_AI_without_the_compiled_adapter_base_of_Foundry_Generated_Hosting_generates_no_adapter()
    {
        var (_, diagnostics, hints) = Run(System.IO.File.ReadAllText(RepoPaths.Spec("foundry-llm-proxy.openapi.json")), ExtensionsAi);

        Assert.DoesNotContain(hints, h => h.StartsWith("AI."));
        Assert.DoesNotContain(diagnostics, d => d.Id == "FDRY303");
    }

    [Fact]
    public void Hosting_registers_each_route_client_of_the_spec()
    {
        var (output, diagnostics, hints) = Run(GeneratorRun.Fixture("constructs.openapi.json"), Hosting);

        Assert.DoesNotContain(diagnostics, d => d.Id == "FDRY303");
        Assert.Contains("Hosting.FoundryLlmServiceCollectionExtensions.g.cs", hints);
        var source = output.SyntaxTrees.Single(t => t.FilePath.EndsWith("Hosting.FoundryLlmServiceCollectionExtensions.g.cs", System.StringComparison.Ordinal)).ToString();
        var clients = output.SyntaxTrees.Count(t => System.IO.Path.GetFileName(t.FilePath).StartsWith("Foundry.Generated.Clients.", System.StringComparison.Ordinal)) - 1;
        Assert.Equal(clients, source.Split("services.TryAddSingleton(provider => Root(provider).").Length - 1);
        Assert.DoesNotContain(GeneratorRun.Problems(output), d => d.Severity == DiagnosticSeverity.Error);
        Assert.StartsWith("// <auto-generated/>\n", source);
        Assert.Contains("\n#nullable enable\n", source);
    }

    [Fact]
    public void With_the_checked_in_spec_every_adapter_compiles_without_warnings()
    {
        var (output, diagnostics, hints) = Run(System.IO.File.ReadAllText(RepoPaths.Spec("foundry-llm-proxy.openapi.json")), Hosting.Append(ExtensionsAi).ToArray());

        var skipped = diagnostics.Where(d => d.Id == "FDRY303").Select(d => d.GetMessage()).ToList();
        Assert.True(skipped.Count == 0, string.Join("\n", skipped));
        Assert.Equal(
            new[] { "AI.FoundryAIExtensions.g.cs", "AI.FoundryAnthropicChatClient.g.cs", "AI.FoundryChatCompletionsChatClient.g.cs", "AI.FoundryEmbeddingGenerator.g.cs", "AI.FoundryGeminiChatClient.g.cs", "AI.FoundryResponsesChatClient.g.cs", "AI.FoundryXaiChatCompletionsChatClient.g.cs", "AI.FoundryXaiResponsesChatClient.g.cs", "Hosting.FoundryLlmServiceCollectionExtensions.g.cs" },
            hints.Where(h => h.StartsWith("AI.") || h.StartsWith("Hosting.")).OrderBy(h => h, System.StringComparer.Ordinal).ToArray());
        var adapterTrees = output.SyntaxTrees.Where(t => System.IO.Path.GetFileName(t.FilePath) is var f && (f.StartsWith("AI.") || f.StartsWith("Hosting."))).ToList();
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning && adapterTrees.Contains(d.Location.SourceTree!)).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
