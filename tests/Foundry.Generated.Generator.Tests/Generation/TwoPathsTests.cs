using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Foundry.Generated.Generator.Analyzers;
using Foundry.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Foundry.Generated.Generator.Tests.Generation;

/// <summary>
/// The default path (types precompiled into a referenced assembly: the consumer generates nothing but the models its
/// own catalog adds) and the custom path's options (route selection, internal types).
/// </summary>
public sealed class TwoPathsTests
{
    private static readonly string Constructs = GeneratorRun.Fixture("constructs.openapi.json");
    private static readonly string SmallCatalog = GeneratorRun.Fixture("small-catalog.json");

    /// <summary>The small catalog plus a model of the user's own (on Responses).</summary>
    private static string CatalogWithExtraModel()
    {
        var catalog = JsonNode.Parse(SmallCatalog)!;
        var extra = catalog["models"]![0]!.DeepClone();
        extra["id"] = "my-model";
        extra["rid"] = "ri.language-model-service..language-model.my-model";
        extra["displayName"] = "My model";
        catalog["models"]!.AsArray().Add(extra);
        return catalog.ToJsonString();
    }

    private static (Compilation Output, ImmutableArray<Diagnostic> Diagnostics, string[] Hints) Generate(
        IEnumerable<MetadataReference> references, string? spec, string catalog, Dictionary<string, string>? properties = null, string assemblyName = "Consumer", params string[] sources)
    {
        var texts = new List<AdditionalText> { new InMemoryAdditionalText(GeneratorRun.CatalogPath, catalog) };
        if (spec != null)
        {
            texts.Add(new InMemoryAdditionalText(GeneratorRun.SpecPath, spec));
        }

        var compilation = GeneratorHarness.CreateCompilation(sources).WithAssemblyName(assemblyName).AddReferences(references);
        var driver = GeneratorHarness.CreateDriver(new FoundryGenerator(), texts, properties).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var hints = driver.GetRunResult().GeneratedTrees.Select(t => Path.GetFileName(t.FilePath)).OrderBy(h => h, System.StringComparer.Ordinal).ToArray();
        // Information (the fixture's one FDRY106 rename) is not a problem of either path.
        return (output, diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray(), hints);
    }

    private static MetadataReference Emit(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }

    /// <summary>A library that precompiles the small spec and catalog, as Foundry.Generated.Clients does the real ones.</summary>
    private static readonly MetadataReference Precompiled = Emit(Generate(System.Array.Empty<MetadataReference>(), Constructs, SmallCatalog, assemblyName: "Foundry.Generated.Clients").Output);

    private static async Task<IReadOnlyList<Diagnostic>> Analyze(Compilation compilation, string catalog)
    {
        var analyzers = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new ModelIdAnalyzer()),
            new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(GeneratorRun.CatalogPath, catalog))));
        return await analyzers.GetAnalyzerDiagnosticsAsync();
    }

    [Fact]
    public void Against_precompiled_types_the_consumer_generates_nothing_and_warns_about_no_spec()
    {
        var (output, diagnostics, hints) = Generate(new[] { Precompiled }, null, SmallCatalog, sources: "class A { object M() => Foundry.Generated.ResponsesModel.Gpt5_2; }");

        Assert.Empty(hints);
        Assert.Empty(diagnostics);
        Assert.Empty(GeneratorRun.Problems(output));
    }

    [Fact]
    public void A_catalog_that_adds_a_model_generates_only_that_model_as_AppModels()
    {
        var (output, diagnostics, hints) = Generate(new[] { Precompiled }, null, CatalogWithExtraModel(), sources:
            "class A { Foundry.Generated.ResponsesModel M() => Foundry.Generated.AppModels.Responses.MyModel; }");

        Assert.Equal(new[] { "Foundry.Generated.Models.AppModels.g.cs" }, hints);
        Assert.Empty(diagnostics);
        Assert.Empty(GeneratorRun.Problems(output));
        var appModels = output.GetTypeByMetadataName("Foundry.Generated.AppModels")!;
        Assert.Contains(appModels.GetMembers(), m => m.Name == "MyModel");
        Assert.DoesNotContain(appModels.GetMembers(), m => m.Name == "Gpt5_2");
    }

    [Fact]
    public async Task The_analyzer_still_checks_literals_against_the_consumers_catalog_and_points_extra_models_at_AppModels()
    {
        var catalog = CatalogWithExtraModel();
        var (output, _, _) = Generate(new[] { Precompiled }, null, catalog, sources: """
            class A
            {
                object Bad() => Foundry.Generated.ResponsesModel.Parse("gpt-5.2-2025-12-11");
                object Good() => Foundry.Generated.ResponsesModel.Parse("gpt-5.2");
                object Extra() => Foundry.Generated.ResponsesModel.Parse("my-model");
                object ExtraByRid() => Foundry.Generated.ResponsesModel.FromUncataloguedRid("ri.language-model-service..language-model.my-model");
            }
            """);

        var diagnostics = (await Analyze(output, catalog)).OrderBy(d => d.Location.SourceSpan.Start).ToList();

        Assert.Equal(new[] { "FDRY001", "FDRY007" }, diagnostics.Select(d => d.Id));
        Assert.Contains("did you mean 'gpt-5.2'", diagnostics[0].GetMessage());
        Assert.Contains("Foundry.Generated.AppModels.Responses.MyModel", diagnostics[1].GetMessage());
    }

    /// <summary>A model entry shaped like the small catalog's one, on Responses.</summary>
    private static JsonNode Model(string id, string displayName, string lifecycle = "ga")
    {
        var model = JsonNode.Parse(SmallCatalog)!["models"]![0]!.DeepClone();
        model["id"] = id;
        model["rid"] = "ri.language-model-service..language-model." + id;
        model["displayName"] = displayName;
        model["lifecycle"] = lifecycle;
        return model;
    }

    /// <summary>The catalog the overlay tests' precompiled clients are compiled with: the small catalog plus gpt-5-mini.</summary>
    private static readonly string PrecompiledCatalog = WithModels(SmallCatalog, Model("gpt-5-mini", "GPT-5 mini"));

    private static readonly MetadataReference PrecompiledWithMini = Emit(Generate(System.Array.Empty<MetadataReference>(), Constructs, PrecompiledCatalog, assemblyName: "Foundry.Generated.Clients").Output);

    /// <summary>A user's catalog (FoundryModelCatalog): the small catalog's routes and only the given models.</summary>
    private static string UserCatalog(params JsonNode[] models)
    {
        var catalog = JsonNode.Parse(SmallCatalog)!;
        catalog["models"] = new JsonArray();
        return WithModels(catalog.ToJsonString(), models);
    }

    private static string WithModels(string catalogJson, params JsonNode[] models)
    {
        var catalog = JsonNode.Parse(catalogJson)!;
        foreach (var model in models)
        {
            catalog["models"]!.AsArray().Add(model);
        }

        return catalog.ToJsonString();
    }

    /// <summary>The analyzer as the build files run it with a FoundryModelCatalog: the user's catalog and the precompiled one, told apart by FoundryKind.</summary>
    private static async Task<IReadOnlyList<Diagnostic>> AnalyzeOverlay(Compilation compilation, string userCatalog)
    {
        const string userPath = "/app/my-catalog.json";
        var files = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            [userPath] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.FoundryKind"] = "Catalog" },
            [GeneratorRun.CatalogPath] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.FoundryKind"] = "PrecompiledCatalog" },
        };
        var options = new AnalyzerOptions(
            ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(userPath, userCatalog), new InMemoryAdditionalText(GeneratorRun.CatalogPath, PrecompiledCatalog)),
            new TestAnalyzerConfigOptionsProvider(new Dictionary<string, string>(), files));
        var analyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ModelIdAnalyzer()), options);
        return (await analyzers.GetAnalyzerDiagnosticsAsync()).OrderBy(d => d.Location.SourceSpan.Start).ToList();
    }

    [Fact]
    public async Task A_user_catalog_with_only_its_own_model_overlays_the_precompiled_catalog()
    {
        var catalog = UserCatalog(Model("my-model", "My model"));
        var (output, diagnostics, hints) = Generate(new[] { PrecompiledWithMini }, null, catalog, sources: """
            class A
            {
                object Mini() => Foundry.Generated.ResponsesModel.Parse("gpt-5-mini");
                object Dated() => Foundry.Generated.ResponsesModel.Parse("gpt-5-mini-2025-08-07");
                object Extra() => Foundry.Generated.ResponsesModel.Parse("my-model");
                Foundry.Generated.ResponsesModel App() => Foundry.Generated.AppModels.Responses.MyModel;
            }
            """);

        Assert.Equal(new[] { "Foundry.Generated.Models.AppModels.g.cs" }, hints);
        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var responses = output.GetTypeByMetadataName("Foundry.Generated.AppModels+Responses")!;
        Assert.Equal(new[] { "MyModel" }, responses.GetMembers().OfType<IPropertySymbol>().Select(p => p.Name));

        var analyzed = await AnalyzeOverlay(output, catalog);

        Assert.Equal(new[] { "FDRY001", "FDRY007" }, analyzed.Select(d => d.Id));
        Assert.Contains("'gpt-5-mini-2025-08-07'", analyzed[0].GetMessage());
        Assert.Contains("did you mean 'gpt-5-mini'", analyzed[0].GetMessage());
        Assert.Contains("Foundry.Generated.AppModels.Responses.MyModel", analyzed[1].GetMessage());
    }

    [Fact]
    public async Task A_user_catalog_entry_with_a_precompiled_models_id_overrides_it_for_the_analyzer()
    {
        var catalog = UserCatalog(Model("my-model", "My model"), Model("gpt-5.2", "GPT-5.2 (retired here)", lifecycle: "deprecated"));
        var (output, diagnostics, hints) = Generate(new[] { PrecompiledWithMini }, null, catalog, sources: """
            class A
            {
                object Overridden() => Foundry.Generated.ResponsesModel.Parse("gpt-5.2");
                object Kept() => Foundry.Generated.ResponsesModel.Parse("gpt-5-mini");
            }
            """);

        Assert.Empty(diagnostics);
        // The override is a model the precompiled ResponsesModel has: nothing of it is generated again.
        var appModels = output.GetTypeByMetadataName("Foundry.Generated.AppModels")!;
        Assert.DoesNotContain(appModels.GetMembers(), m => m.Name == "Gpt5_2");

        var analyzed = await AnalyzeOverlay(output, catalog);

        var only = Assert.Single(analyzed);
        Assert.Equal("FDRY003", only.Id);
        Assert.Contains("'gpt-5.2'", only.GetMessage());
    }

    [Fact]
    public void Route_selection_emits_only_that_routes_client_and_the_types_it_reaches_and_compiles_without_warnings()
    {
        var spec = File.ReadAllText(RepoPaths.Spec("foundry-llm-proxy.openapi.json"));
        var catalog = File.ReadAllText(RepoPaths.Spec("model-catalog.json"));
        var (full, _, fullHints) = Generate(System.Array.Empty<MetadataReference>(), spec, catalog);
        var (output, diagnostics, hints) = Generate(System.Array.Empty<MetadataReference>(), spec, catalog, new() { ["build_property.FoundryRoutes"] = "anthropic-messages" });

        Assert.Empty(diagnostics);
        Assert.Empty(GeneratorRun.Problems(output));
        var clients = hints.Where(h => h.StartsWith("Foundry.Generated.Clients.", System.StringComparison.Ordinal)).ToArray();
        Assert.Equal(new[] { "Foundry.Generated.Clients.AnthropicMessagesClient.g.cs", "Foundry.Generated.Clients.FoundryLlmClient.g.cs" }, clients);
        Assert.DoesNotContain(hints, h => h.StartsWith("Foundry.Generated.OpenAi.", System.StringComparison.Ordinal) || h.StartsWith("Foundry.Generated.Gemini.", System.StringComparison.Ordinal));
        Assert.Contains("Foundry.Generated.Anthropic.MessageStreamEvent.g.cs", hints);
        Assert.True(hints.Length * 3 < fullHints.Length, $"{hints.Length} files for one route vs {fullHints.Length} for all");
        Assert.Empty(GeneratorRun.Problems(full));
    }

    [Fact]
    public void An_unknown_route_in_FoundryRoutes_is_reported()
    {
        var (_, diagnostics, _) = Generate(System.Array.Empty<MetadataReference>(), Constructs, SmallCatalog, new() { ["build_property.FoundryRoutes"] = "openai-responses;openai-respones" });

        var problem = Assert.Single(diagnostics);
        Assert.Equal("FDRY302", problem.Id);
        Assert.Contains("'openai-respones'", problem.GetMessage());
    }

    [Fact]
    public void Internal_mode_lets_two_generating_libraries_and_a_generating_app_live_side_by_side()
    {
        var properties = new Dictionary<string, string> { ["build_property.FoundryGeneratedVisibility"] = "internal" };
        var first = Generate(System.Array.Empty<MetadataReference>(), Constructs, SmallCatalog, properties, "First").Output;
        var second = Generate(System.Array.Empty<MetadataReference>(), Constructs, SmallCatalog, properties, "Second").Output;

        var (app, diagnostics, _) = Generate(new[] { Emit(first), Emit(second) }, Constructs, SmallCatalog, properties, "App",
            "class A { object M() => new Foundry.Generated.FoundryLlmClient(); object N() => Foundry.Generated.ResponsesModel.Gpt5_2; }");

        Assert.Empty(diagnostics);
        Assert.Empty(GeneratorRun.Problems(app));
        var generatedTypes = first.SyntaxTrees.Where(t => t.FilePath.EndsWith(".g.cs", System.StringComparison.Ordinal))
            .SelectMany(t => t.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax>())
            .Where(d => d.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.BaseNamespaceDeclarationSyntax)
            .Select(d => (Name: d.Identifier.Text, Symbol: first.GetSemanticModel(d.SyntaxTree).GetDeclaredSymbol(d)!))
            .ToList();
        Assert.NotEmpty(generatedTypes);
        Assert.All(generatedTypes, t => Assert.True(t.Symbol.DeclaredAccessibility == Accessibility.Internal, t.Name + " is " + t.Symbol.DeclaredAccessibility));
    }
}
