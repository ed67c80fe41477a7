using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Foundry.Generated.Generator.Analyzers;
using Foundry.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Foundry.Generated.Generator.Tests.Analyzers;

/// <summary>Model ids in user code, checked at compile time against the checked-in catalog and generated types.</summary>
public sealed class ModelIdAnalyzerTests
{
    private static readonly string Catalog = File.ReadAllText(RepoPaths.Spec("model-catalog.json"));
    private static readonly string Spec = File.ReadAllText(RepoPaths.Spec("foundry-llm-proxy.openapi.json"));

    // The generated code is the same for every test: generate once, then add each test's code to it.
    private static readonly Compilation Generated = GeneratorHarness.Run(
        new FoundryGenerator(),
        new AdditionalText[] { new InMemoryAdditionalText("/repo/spec/foundry-llm-proxy.openapi.json", Spec), new InMemoryAdditionalText("/repo/spec/model-catalog.json", Catalog) }).Output;

    private static async Task<IReadOnlyList<Diagnostic>> Analyze(string code, string? catalog = null, ReportDiagnostic? fdry003 = null)
    {
        var catalogText = new InMemoryAdditionalText("/repo/spec/model-catalog.json", catalog ?? Catalog);
        var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(code, GeneratorHarness.ParseOptions);
        var compilation = Generated.AddSyntaxTrees(tree);
        if (fdry003 is { } severity)
        {
            // The same switch an .editorconfig line (dotnet_diagnostic.FDRY003.severity) sets.
            compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["FDRY003"] = severity }));
        }

        Assert.Empty(compilation.GetSemanticModel(tree).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var analyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ModelIdAnalyzer()), new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(catalogText)));
        var diagnostics = await analyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), null, default);
        return diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToList();
    }

    private static string At(Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        return $"{d.Id}@{span.StartLinePosition.Line + 1}:{span.StartLinePosition.Character + 1}";
    }

    private const string Prefix = "using Foundry.Generated;\nclass C {\n";

    [Fact]
    public async Task Unknown_id_is_an_error_that_suggests_the_catalogued_id()
    {
        var d = Assert.Single(await Analyze(Prefix + "    ResponsesModel M() => ResponsesModel.Parse(\"gpt-5-mini-2025-08-07\");\n}"));

        Assert.Equal("FDRY001@3:48", At(d));
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.StartsWith("'gpt-5-mini-2025-08-07' is not a model in the Foundry model catalog; did you mean 'gpt-5-mini'", d.GetMessage());
    }

    [Fact]
    public async Task A_model_on_the_wrong_route_names_the_routes_it_works_on()
    {
        var d = Assert.Single(await Analyze(Prefix + "    ChatCompletionsModel M() => ChatCompletionsModel.Parse(\"gpt-5.2\");\n}"));

        Assert.Equal("FDRY002@3:60", At(d));
        Assert.Equal("Model 'gpt-5.2' does not work on route 'openai-chat-completions' (reported: HTTP 500); it works on: openai-responses; use the openai-responses client", d.GetMessage());
    }

    [Fact]
    public async Task A_retired_model_is_a_warning_with_its_date_and_the_severity_is_configurable()
    {
        var code = Prefix + "    ResponsesModel M() => ResponsesModel.Parse(\"gpt-5.1-codex-max\");\n}";

        var warning = Assert.Single(await Analyze(code));
        var error = Assert.Single(await Analyze(code, fdry003: ReportDiagnostic.Error));

        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal("Model 'gpt-5.1-codex-max' is deprecated since 2026-07-09", warning.GetMessage());
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
    }

    [Fact]
    public async Task The_escape_hatch_checks_rid_form_and_notes_uncatalogued_rids()
    {
        var diagnostics = await Analyze(Prefix +
            "    ResponsesModel A() => ResponsesModel.FromUncataloguedRid(\"ri.language-model.byom\");\n" +
            "    ResponsesModel B() => ResponsesModel.FromUncataloguedRid(\"ri.language-model-service..language-model.my-byom\");\n}");

        Assert.Equal(new[] { "FDRY004@3:62", "FDRY005@4:62" }, diagnostics.Select(At));
        Assert.Equal(DiagnosticSeverity.Info, diagnostics[1].Severity);
    }

    [Fact]
    public async Task Constants_and_rids_are_followed_and_valid_ids_are_clean()
    {
        var diagnostics = await Analyze(Prefix +
            "    const string Good = \"GPT-5-MINI\";\n" +
            "    const string Bad = \"gpt-5-mni\";\n" +
            "    ResponsesModel A() => ResponsesModel.Parse(Good);\n" +
            "    ResponsesModel B() => ResponsesModel.Parse(\"ri.language-model-service..language-model.gpt-5-2\");\n" +
            "    ResponsesModel E() => ResponsesModel.Parse(Bad);\n" +
            "    ResponsesModel D(string fromConfig) => ResponsesModel.Parse(fromConfig);\n}");

        var d = Assert.Single(diagnostics);
        Assert.Equal("FDRY001@7:48", At(d));
    }

    [Fact]
    public async Task Attributed_user_properties_are_checked_too()
    {
        var diagnostics = await Analyze("using Foundry.Generated;\nclass Settings {\n    [FoundryModelId(\"anthropic-messages\")] public string Model { get; set; } = \"claude-sonnet-9\";\n}");

        Assert.Equal("FDRY001", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public async Task A_parameter_the_model_rejects_is_a_warning()
    {
        var diagnostics = await Analyze(
            "using Foundry.Generated;\nusing Foundry.Generated.OpenAi;\nclass C {\n" +
            "    object A() => new CreateResponse { Model = ResponsesModel.Gpt5, Temperature = 0.2 };\n" +
            "    object B() => new CreateChatCompletionRequest { Model = ChatCompletionsModel.Gpt4_1, Temperature = 0.2, MaxTokens = 10, Messages = [] };\n}");

        var d = Assert.Single(diagnostics);
        Assert.Equal("FDRY006@4:69", At(d));
        Assert.Equal("Model 'gpt-5' rejects 'Temperature': the catalog says it takes no sampling temperature (reasoning model)", d.GetMessage());
    }

    private const string StructuredPrefix =
        "using System.Text.Json.Serialization.Metadata;\nusing System.Threading.Tasks;\nusing Foundry.Generated;\nusing Foundry.Generated.OpenAi;\n" +
        "sealed class Weather { public string City { get; set; } = \"\"; }\nclass C {\n";

    [Fact]
    public async Task A_structured_output_call_for_a_model_without_it_is_a_warning_suggesting_models_with_it()
    {
        var diagnostics = await Analyze(StructuredPrefix +
            "    Task A(FoundryLlmClient client, JsonTypeInfo<Weather> type) => client.OpenAiResponses.CreateAsync(new CreateResponse { Model = ResponsesModel.Gpt6_1Sol, Input = \"x\" }, type);\n" +
            "    Task B(FoundryLlmClient client, JsonTypeInfo<Weather> type)\n    {\n        var request = new CreateResponse { Model = ResponsesModel.Parse(\"gpt-6.1-sol\"), Input = \"x\" };\n" +
            "        return client.OpenAiResponses.StreamAsync(request, new FoundryStructuredAccumulator<Weather, Response>(type)).GetAsyncEnumerator().MoveNextAsync().AsTask();\n    }\n" +
            // Not structured output, or a model that has it: nothing.
            "    Task E(FoundryLlmClient client) => client.OpenAiResponses.CreateAsync(new CreateResponse { Model = ResponsesModel.Gpt6_1Sol, Input = \"x\" });\n" +
            "    Task D(FoundryLlmClient client, JsonTypeInfo<Weather> type) => client.OpenAiResponses.CreateAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = \"x\" }, type);\n}");

        var structured = diagnostics.Where(d => d.Id == "FDRY008").ToList();
        Assert.Equal(new[] { "FDRY008@7:68", "FDRY008@11:16" }, structured.Select(At));
        Assert.All(structured, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.StartsWith("Model 'gpt-6.1-sol' does not support structured output (its catalog entry says capabilities.structuredOutput: false); models that do on route 'openai-responses': ", structured[0].GetMessage());
        Assert.Contains("gpt-5-mini", structured[0].GetMessage());
        Assert.DoesNotContain("gpt-6.1-sol,", structured[0].GetMessage());
    }

    [Fact]
    public async Task A_structured_output_call_is_checked_through_locals_and_with_copies_but_not_a_reassigned_local()
    {
        var diagnostics = await Analyze(StructuredPrefix +
            // The model in a local, the request in a local, a copy with another input: the copy keeps the model.
            "    Task A(FoundryLlmClient client, JsonTypeInfo<Weather> type)\n    {\n        var model = ResponsesModel.Gpt6_1Sol;\n" +
            "        var request = new CreateResponse { Model = model, Input = \"x\" };\n        var again = request with { Input = \"y\" };\n" +
            "        return client.OpenAiResponses.CreateAsync(again, type);\n    }\n" +
            // A copy that names a model with structured output: nothing.
            "    Task B(FoundryLlmClient client, JsonTypeInfo<Weather> type)\n    {\n        var request = new CreateResponse { Model = ResponsesModel.Gpt6_1Sol, Input = \"x\" };\n" +
            "        return client.OpenAiResponses.CreateAsync(request with { Model = ResponsesModel.Gpt5Mini }, type);\n    }\n" +
            // Written after its declaration: which value reaches the call is control flow; no guess, no warning.
            "    Task F(FoundryLlmClient client, JsonTypeInfo<Weather> type, bool mini)\n    {\n        var request = new CreateResponse { Model = ResponsesModel.Gpt6_1Sol, Input = \"x\" };\n" +
            "        if (mini) { request = request with { Model = ResponsesModel.Gpt5Mini }; }\n" +
            "        return client.OpenAiResponses.CreateAsync(request, type);\n    }\n}");

        var structured = diagnostics.Where(d => d.Id == "FDRY008").ToList();
        Assert.Equal(new[] { "FDRY008@12:16" }, structured.Select(At));
    }

    [Fact]
    public async Task Editing_the_catalog_changes_the_verdict()
    {
        var code = Prefix + "    ResponsesModel M() => ResponsesModel.Parse(\"gpt-5.2\");\n}";
        var edited = Catalog.Replace("\"lifecycle\": \"ga\",\n      \"lifecycleDate\": null,\n      \"preferredRoute\": \"openai-responses\",\n      \"aliases\": [],\n      \"routes\": [\n        {\n          \"route\": \"openai-responses\",\n          \"evidence\": \"verified\",\n          \"source\": \"Palantir community thread 6055; nyrra", "\"lifecycle\": \"sunset\",\n      \"lifecycleDate\": null,\n      \"preferredRoute\": \"openai-responses\",\n      \"aliases\": [],\n      \"routes\": [\n        {\n          \"route\": \"openai-responses\",\n          \"evidence\": \"verified\",\n          \"source\": \"Palantir community thread 6055; nyrra");

        Assert.Empty(await Analyze(code));
        Assert.NotEqual(Catalog, edited);
        Assert.Contains(await Analyze(code, edited), d => d.Id == "FDRY003");
    }
}
