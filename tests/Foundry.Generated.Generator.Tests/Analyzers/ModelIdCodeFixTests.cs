using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Foundry.Generated.CodeFixes;
using Foundry.Generated.Generator.Analyzers;
using Foundry.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Foundry.Generated.Generator.Tests.Analyzers;

/// <summary>
/// The code fixes of FDRY001/002/003/006, applied in an in-memory workspace to code compiled against the clients
/// generated from the checked-in spec and catalog (referenced as a compiled assembly, as a package consumer has them);
/// each result is compared as exact text and analyzed again.
/// </summary>
public sealed class ModelIdCodeFixTests
{
    private static readonly string Catalog = File.ReadAllText(RepoPaths.Spec("model-catalog.json"));
    private static readonly string Spec = File.ReadAllText(RepoPaths.Spec("foundry-llm-proxy.openapi.json"));

    // Generated once and compiled to an assembly; every test's workspace references it.
    private static readonly MetadataReference Clients = CompileClients();

    private static MetadataReference CompileClients()
    {
        var generated = GeneratorHarness.Run(
            new FoundryGenerator(),
            new AdditionalText[] { new InMemoryAdditionalText("/repo/spec/foundry-llm-proxy.openapi.json", Spec), new InMemoryAdditionalText("/repo/spec/model-catalog.json", Catalog) }).Output;
        using var image = new MemoryStream();
        var emitted = generated.WithAssemblyName("Foundry.Generated.Clients").Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    private const string Usings = "using Foundry.Generated;\nusing Foundry.Generated.OpenAi;\n";

    // A successor for a deprecated model, in a copy of the catalog: the checked-in one names none (no cited source does).
    private static readonly string CatalogWithSuccessor = WithSuccessor("gpt-5.1-codex-max", "gpt-5.3-codex");

    private static string WithSuccessor(string id, string successor)
    {
        var catalog = JsonNode.Parse(Catalog)!;
        var model = catalog["models"]!.AsArray().Single(m => (string?)m!["id"] == id)!;
        model["successor"] = successor;
        return catalog.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private sealed record Opened(Document Document, IReadOnlyList<Diagnostic> Diagnostics);

    private static async Task<Opened> Open(string code, string? catalog = null)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Create(),
            "App",
            "App",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: GeneratorHarness.ParseOptions,
            metadataReferences: GeneratorHarness.References.Append(Clients)));
        var document = workspace.AddDocument(project.Id, "App.cs", SourceText.From(code));
        return new Opened(document, await Analyze(document, catalog));
    }

    private static async Task<IReadOnlyList<Diagnostic>> Analyze(Document document, string? catalog = null)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var options = new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/repo/spec/model-catalog.json", catalog ?? Catalog)));
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ModelIdAnalyzer()), options).GetAnalyzerDiagnosticsAsync();
        return diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToList();
    }

    private static async Task<IReadOnlyList<CodeAction>> Fixes(CodeFixProvider provider, Document document, Diagnostic diagnostic)
    {
        Assert.Contains(diagnostic.Id, provider.FixableDiagnosticIds);
        var actions = new List<CodeAction>();
        await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        return actions;
    }

    private static async Task<Document> Apply(CodeAction action, Document document)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var solution = Assert.Single(operations.OfType<ApplyChangesOperation>()).ChangedSolution;
        return solution.GetDocument(document.Id)!;
    }

    private static async Task<string> Text(Document document) => (await document.GetTextAsync()).ToString();

    /// <summary>
    /// Fix All in the document, as <c>dotnet format</c> runs it: the key is that of the first fix offered for the first
    /// diagnostic, and the provider's own fix-all provider applies it to every diagnostic.
    /// </summary>
    private static async Task<Document> FixAll(CodeFixProvider provider, Opened opened)
    {
        var fixAll = provider.GetFixAllProvider();
        Assert.NotNull(fixAll);
        var key = (await Fixes(provider, opened.Document, opened.Diagnostics[0]))[0].EquivalenceKey;
        var context = new FixAllContext(
            opened.Document, provider, FixAllScope.Document, key, provider.FixableDiagnosticIds,
            new FixedDiagnostics(opened.Diagnostics), CancellationToken.None);
        var action = await fixAll.GetFixAsync(context);
        Assert.NotNull(action);
        return await Apply(action, opened.Document);
    }

    private sealed class FixedDiagnostics(IReadOnlyList<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
    }

    // ---- FDRY001: unknown model id ----

    [Fact]
    public async Task Unknown_id_offers_each_suggestion_and_the_first_replaces_the_literal()
    {
        var opened = await Open(Usings + "class C {\n    ResponsesModel M() => ResponsesModel.Parse(\"gpt-5-mini-2025-08-07\");\n}");
        var diagnostic = Assert.Single(opened.Diagnostics);
        Assert.Equal("FDRY001", diagnostic.Id);

        var fixes = await Fixes(new UnknownModelIdCodeFixProvider(), opened.Document, diagnostic);
        var suggestions = diagnostic.Properties[ModelIdFixProperties.Suggestions]!.Split(ModelIdFixProperties.Separator);

        Assert.Equal(suggestions.Select(s => $"Use '{s}'"), fixes.Select(f => f.Title));
        Assert.Equal("Use 'gpt-5-mini'", fixes[0].Title);
        var fixedDocument = await Apply(fixes[0], opened.Document);
        Assert.Equal(Usings + "class C {\n    ResponsesModel M() => ResponsesModel.Parse(\"gpt-5-mini\");\n}", await Text(fixedDocument));
        Assert.Empty(await Analyze(fixedDocument));
    }

    [Fact]
    public async Task Unknown_id_in_an_attributed_property_is_replaced_too_but_a_constant_is_left_alone()
    {
        var code = "using Foundry.Generated;\nclass Settings {\n" +
            "    const string Name = \"claude-sonet-4.6\";\n" +
            "    [FoundryModelId(\"anthropic-messages\")] public string A { get; set; } = \"claude-sonet-4.5\";\n" +
            "    [FoundryModelId(\"anthropic-messages\")] public string B { get; set; } = Name;\n}";
        var opened = await Open(code);
        Assert.Equal(new[] { "FDRY001", "FDRY001" }, opened.Diagnostics.Select(d => d.Id));

        var onLiteral = await Fixes(new UnknownModelIdCodeFixProvider(), opened.Document, opened.Diagnostics[0]);
        var onConstant = await Fixes(new UnknownModelIdCodeFixProvider(), opened.Document, opened.Diagnostics[1]);

        Assert.Empty(onConstant);
        var fix = Assert.Single(onLiteral, f => f.Title == "Use 'claude-sonnet-4.5'");
        Assert.Equal(code.Replace("= \"claude-sonet-4.5\";", "= \"claude-sonnet-4.5\";"), await Text(await Apply(fix, opened.Document)));
    }

    [Fact]
    public async Task Fix_all_replaces_each_unknown_id_with_its_own_first_suggestion()
    {
        var code = Usings + "class C {\n" +
            "    ResponsesModel A() => ResponsesModel.Parse(\"gpt-5-mini-2025-08-07\");\n" +
            "    AnthropicMessagesModel B() => AnthropicMessagesModel.Parse(\"claude-sonet-4.5\");\n}";
        var opened = await Open(code);
        Assert.Equal(new[] { "FDRY001", "FDRY001" }, opened.Diagnostics.Select(d => d.Id));

        var fixedDocument = await FixAll(new UnknownModelIdCodeFixProvider(), opened);

        Assert.Equal(code.Replace("gpt-5-mini-2025-08-07", "gpt-5-mini").Replace("claude-sonet-4.5", "claude-sonnet-4.5"), await Text(fixedDocument));
        Assert.Empty(await Analyze(fixedDocument));
    }

    // ---- FDRY002: model not on this route ----

    [Fact]
    public async Task A_var_local_switches_to_the_model_type_of_a_route_the_model_works_on()
    {
        var opened = await Open(Usings + "class C {\n    void M() {\n        var m = ChatCompletionsModel.Parse(\"gpt-5.2\");\n        System.Console.WriteLine(m.Id);\n    }\n}");
        var diagnostic = Assert.Single(opened.Diagnostics);
        Assert.Equal("FDRY002", diagnostic.Id);

        var fix = Assert.Single(await Fixes(new ModelNotOnRouteCodeFixProvider(), opened.Document, diagnostic));

        Assert.Equal("Use ResponsesModel (route 'openai-responses')", fix.Title);
        var fixedDocument = await Apply(fix, opened.Document);
        Assert.Equal(Usings + "class C {\n    void M() {\n        var m = ResponsesModel.Parse(\"gpt-5.2\");\n        System.Console.WriteLine(m.Id);\n    }\n}", await Text(fixedDocument));
        Assert.Empty(await Analyze(fixedDocument));
    }

    [Fact]
    public async Task A_value_not_converted_to_the_old_type_offers_every_route_preferred_first_and_keeps_the_qualifier()
    {
        var code = "class C {\n    object M() => Foundry.Generated.EmbeddingsModel.Parse(\"gpt-4.1\");\n}";
        var opened = await Open(code);
        var diagnostic = Assert.Single(opened.Diagnostics);
        Assert.Equal("FDRY002", diagnostic.Id);

        var fixes = await Fixes(new ModelNotOnRouteCodeFixProvider(), opened.Document, diagnostic);

        Assert.Equal(new[] { "Use ResponsesModel (route 'openai-responses')", "Use ChatCompletionsModel (route 'openai-chat-completions')" }, fixes.Select(f => f.Title));
        Assert.Equal(code.Replace("EmbeddingsModel", "ChatCompletionsModel"), await Text(await Apply(fixes[1], opened.Document)));
    }

    [Fact]
    public async Task Fix_all_switches_every_call_site_to_the_chosen_routes_model_type()
    {
        var code = Usings + "class C {\n" +
            "    object A() => ChatCompletionsModel.Parse(\"gpt-5.2\");\n" +
            "    void B() { var m = ChatCompletionsModel.Parse(\"gpt-5.2\"); System.Console.WriteLine(m.Id); }\n}";
        var opened = await Open(code);
        Assert.Equal(new[] { "FDRY002", "FDRY002" }, opened.Diagnostics.Select(d => d.Id));

        var fixedDocument = await FixAll(new ModelNotOnRouteCodeFixProvider(), opened);

        Assert.Equal(code.Replace("ChatCompletionsModel", "ResponsesModel"), await Text(fixedDocument));
        Assert.Empty(await Analyze(fixedDocument));
    }

    [Theory]
    [InlineData("    ChatCompletionsModel M() => ChatCompletionsModel.Parse(\"gpt-5.2\");\n")]
    [InlineData("    void M() { ChatCompletionsModel m = ChatCompletionsModel.Parse(\"gpt-5.2\"); }\n")]
    [InlineData("    object M() => new CreateChatCompletionRequest { Model = ChatCompletionsModel.Parse(\"gpt-5.2\"), Messages = [] };\n")]
    [InlineData("    void M() { var m = ChatCompletionsModel.Parse(\"gpt-5.2\"); ChatCompletionsModel n = m; }\n")]
    public async Task Where_the_old_model_type_is_needed_no_fix_is_offered(string member)
    {
        // The second member is a control: the same provider fixes it in the same document.
        var opened = await Open(Usings + "class C {\n" + member + "    object Control() => ChatCompletionsModel.Parse(\"gpt-5.2\");\n}");
        Assert.Equal(new[] { "FDRY002", "FDRY002" }, opened.Diagnostics.Select(d => d.Id));
        Assert.Equal("openai-responses", opened.Diagnostics[0].Properties[ModelIdFixProperties.Routes]);

        Assert.Empty(await Fixes(new ModelNotOnRouteCodeFixProvider(), opened.Document, opened.Diagnostics[0]));
        Assert.Single(await Fixes(new ModelNotOnRouteCodeFixProvider(), opened.Document, opened.Diagnostics[1]));
    }

    // ---- FDRY003: deprecated or sunset model ----

    [Fact]
    public async Task A_retired_model_is_replaced_by_its_successor_when_the_catalog_names_one()
    {
        Assert.NotEqual(Catalog, CatalogWithSuccessor);
        var code = Usings + "class C {\n    ResponsesModel M() => ResponsesModel.Parse(\"gpt-5.1-codex-max\");\n}";
        var opened = await Open(code, CatalogWithSuccessor);
        var diagnostic = Assert.Single(opened.Diagnostics);
        Assert.Equal("Model 'gpt-5.1-codex-max' is deprecated since 2026-07-09; its successor is 'gpt-5.3-codex'", diagnostic.GetMessage());

        var fix = Assert.Single(await Fixes(new RetiredModelCodeFixProvider(), opened.Document, diagnostic));

        Assert.Equal("Use the successor 'gpt-5.3-codex'", fix.Title);
        var fixedDocument = await Apply(fix, opened.Document);
        Assert.Equal(code.Replace("gpt-5.1-codex-max", "gpt-5.3-codex"), await Text(fixedDocument));
        Assert.Empty(await Analyze(fixedDocument, CatalogWithSuccessor));
    }

    [Fact]
    public async Task A_retired_model_named_by_rid_is_replaced_by_the_successors_rid()
    {
        var code = Usings + "class C {\n    ResponsesModel M() => ResponsesModel.Parse(\"ri.language-model-service..language-model.gpt-5-1-codex-max\");\n}";
        var opened = await Open(code, CatalogWithSuccessor);

        var fix = Assert.Single(await Fixes(new RetiredModelCodeFixProvider(), opened.Document, Assert.Single(opened.Diagnostics)));

        Assert.Equal(code.Replace("gpt-5-1-codex-max", "gpt-5-3-codex"), await Text(await Apply(fix, opened.Document)));
    }

    [Fact]
    public async Task Without_a_successor_or_with_one_on_another_route_nothing_is_offered()
    {
        var code = Usings + "class C {\n    ResponsesModel M() => ResponsesModel.Parse(\"gpt-5.1-codex-max\");\n}";
        var offRoute = WithSuccessor("gpt-5.1-codex-max", "claude-opus-4.8");

        var plain = await Open(code);
        var elsewhere = await Open(code, offRoute);
        var control = await Open(code, CatalogWithSuccessor);

        foreach (var opened in new[] { plain, elsewhere })
        {
            var diagnostic = Assert.Single(opened.Diagnostics);
            Assert.Equal("FDRY003", diagnostic.Id);
            Assert.False(diagnostic.Properties.ContainsKey(ModelIdFixProperties.Successor));
            Assert.Empty(await Fixes(new RetiredModelCodeFixProvider(), opened.Document, diagnostic));
        }

        Assert.Single(await Fixes(new RetiredModelCodeFixProvider(), control.Document, Assert.Single(control.Diagnostics)));
    }

    [Fact]
    public async Task Fix_all_replaces_every_retired_model_with_its_successor()
    {
        var code = Usings + "class C {\n" +
            "    ResponsesModel A() => ResponsesModel.Parse(\"gpt-5.1-codex-max\");\n" +
            "    ResponsesModel B() => ResponsesModel.Parse(\"ri.language-model-service..language-model.gpt-5-1-codex-max\");\n}";
        var opened = await Open(code, CatalogWithSuccessor);
        Assert.Equal(new[] { "FDRY003", "FDRY003" }, opened.Diagnostics.Select(d => d.Id));

        var fixedDocument = await FixAll(new RetiredModelCodeFixProvider(), opened);

        Assert.Equal(code.Replace("gpt-5.1-codex-max", "gpt-5.3-codex").Replace("gpt-5-1-codex-max", "gpt-5-3-codex"), await Text(fixedDocument));
        Assert.Empty(await Analyze(fixedDocument, CatalogWithSuccessor));
    }

    [Theory]
    [InlineData("gpt-9-codex", "successor 'gpt-9-codex' of model 'gpt-5.1-codex-max' is not a model id in the catalog")]
    [InlineData("gpt-5.1-codex-max", "model 'gpt-5.1-codex-max' names itself as its successor")]
    public void A_successor_that_is_not_another_catalogued_id_is_a_catalog_error_at_its_line(string successor, string message)
    {
        var catalog = WithSuccessor("gpt-5.1-codex-max", successor);

        var (_, diagnostics, _) = Generation.GeneratorRun.Run(null, catalog);
        var (_, clean, _) = Generation.GeneratorRun.Run(null, CatalogWithSuccessor);

        var d = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("FDRY201", d.Id);
        Assert.EndsWith(message, d.GetMessage());
        var line = catalog.Split('\n').ToList().FindIndex(l => l.Contains("\"successor\": \"" + successor + "\"")) + 1;
        Assert.Equal(line, d.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.DoesNotContain(clean, d => d.Severity == DiagnosticSeverity.Error);
    }

    // ---- FDRY006: parameter rejected by model ----

    [Theory]
    [InlineData(
        "new CreateResponse { Model = ResponsesModel.Gpt5, Temperature = 0.2 }",
        "new CreateResponse { Model = ResponsesModel.Gpt5 }")]
    [InlineData(
        "new CreateResponse { Model = ResponsesModel.Gpt5, Temperature = 0.2, Instructions = \"Be brief.\" }",
        "new CreateResponse { Model = ResponsesModel.Gpt5, Instructions = \"Be brief.\" }")]
    [InlineData(
        "new CreateResponse { Temperature = 0.2, Model = ResponsesModel.Gpt5 }",
        "new CreateResponse { Model = ResponsesModel.Gpt5 }")]
    [InlineData(
        "new CreateResponse\n        {\n            Model = ResponsesModel.Gpt5,\n            Temperature = 0.2,\n            Instructions = \"Be brief.\",\n        }",
        "new CreateResponse\n        {\n            Model = ResponsesModel.Gpt5,\n            Instructions = \"Be brief.\",\n        }")]
    [InlineData(
        "new CreateResponse\n        {\n            Model = ResponsesModel.Gpt5,\n            Temperature = 0.2\n        }",
        "new CreateResponse\n        {\n            Model = ResponsesModel.Gpt5\n        }")]
    public async Task A_rejected_parameter_is_removed_from_the_initializer(string before, string after)
    {
        var opened = await Open(Usings + "class C {\n    object M() => " + before + ";\n}");
        var diagnostic = Assert.Single(opened.Diagnostics);
        Assert.Equal("FDRY006", diagnostic.Id);

        var fix = Assert.Single(await Fixes(new RejectedParameterCodeFixProvider(), opened.Document, diagnostic));

        Assert.Equal("Remove the 'Temperature' assignment", fix.Title);
        var fixedDocument = await Apply(fix, opened.Document);
        Assert.Equal(Usings + "class C {\n    object M() => " + after + ";\n}", await Text(fixedDocument));
        Assert.Empty(await Analyze(fixedDocument));
    }

    [Theory]
    [InlineData(
        "new CreateResponse { Model = ResponsesModel.Gpt5, Temperature = 0.2, TopP = 0.9 }",
        "new CreateResponse { Model = ResponsesModel.Gpt5 }")]
    [InlineData(
        "new CreateResponse { Temperature = 0.2, TopP = 0.9, Model = ResponsesModel.Gpt5 }",
        "new CreateResponse { Model = ResponsesModel.Gpt5 }")]
    [InlineData(
        "new CreateResponse { Temperature = 0.2, Model = ResponsesModel.Gpt5, TopP = 0.9 }",
        "new CreateResponse { Model = ResponsesModel.Gpt5 }")]
    [InlineData(
        "new CreateResponse\n        {\n            Model = ResponsesModel.Gpt5,\n            Temperature = 0.2,\n            TopP = 0.9\n        }",
        "new CreateResponse\n        {\n            Model = ResponsesModel.Gpt5\n        }")]
    public async Task Fix_all_removes_every_rejected_parameter_even_side_by_side_in_one_initializer(string before, string after)
    {
        var opened = await Open(Usings + "class C {\n    object M() => " + before + ";\n}");
        Assert.Equal(new[] { "FDRY006", "FDRY006" }, opened.Diagnostics.Select(d => d.Id));

        var fixedDocument = await FixAll(new RejectedParameterCodeFixProvider(), opened);

        Assert.Equal(Usings + "class C {\n    object M() => " + after + ";\n}", await Text(fixedDocument));
        Assert.Empty(await Analyze(fixedDocument));
    }
}
