using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Foundry.Generated.Generator.Tests.Generation;

/// <summary>Bad specs and catalogs become located diagnostics, never crashes.</summary>
public sealed class DiagnosticsTests
{
    private static Diagnostic Single(string id, string? spec, string? catalog)
    {
        var (_, diagnostics, _) = GeneratorRun.Run(spec, catalog);
        return Assert.Single(diagnostics, d => d.Id == id);
    }

    private static (string Path, int Line, int Column) Where(Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        return (span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
    }

    [Fact]
    public void Broken_ref_is_reported_at_the_reference()
    {
        var spec = GeneratorRun.Fixture("constructs.openapi.json").Replace("\"#/components/schemas/OpenAi.Tier\"", "\"#/components/schemas/OpenAi.Missing\"");

        var d = Single("FDRY102", spec, null);

        Assert.Equal((GeneratorRun.SpecPath, 40, 33), Where(d));
        Assert.Contains("'#/components/schemas/OpenAi.Missing'", d.GetMessage());
    }

    [Fact]
    public void Invalid_spec_json_is_reported_at_the_syntax_error()
    {
        var spec = GeneratorRun.Fixture("constructs.openapi.json").Replace("\"x-foundry-client\": \"OpenAiResponses\",", "\"x-foundry-client\": \"OpenAiResponses\"");

        var d = Single("FDRY100", spec, null);

        Assert.Equal(GeneratorRun.SpecPath, Where(d).Path);
        Assert.Equal(10, Where(d).Line);
    }

    [Fact]
    public void Unknown_route_is_reported_at_the_route()
    {
        var spec = GeneratorRun.Fixture("constructs.openapi.json").Replace("\"x-foundry-route\": \"openai-responses\"", "\"x-foundry-route\": \"openai-completions\"");

        var d = Single("FDRY104", spec, null);

        Assert.Equal((GeneratorRun.SpecPath, 8, 28), Where(d));
    }

    [Fact]
    public void Duplicate_catalog_model_is_reported_in_the_catalog_file()
    {
        var catalog = GeneratorRun.Fixture("small-catalog.json");
        var start = catalog.IndexOf("    {\n      \"id\"", System.StringComparison.Ordinal);
        var end = catalog.LastIndexOf("    }", System.StringComparison.Ordinal) + 5;
        var model = catalog.Substring(start, end - start);

        var d = Single("FDRY202", null, catalog.Replace(model, model + ",\n" + model));

        Assert.Equal(GeneratorRun.CatalogPath, Where(d).Path);
        Assert.Equal(18, Where(d).Line);
    }

    [Fact]
    public void Invalid_catalog_json_is_reported_at_the_syntax_error()
    {
        var d = Single("FDRY200", null, GeneratorRun.Fixture("small-catalog.json").Replace("\"provider\": \"openai\",\n      \"lifecycle\"", "\"provider\": \"openai\"\n      \"lifecycle\""));

        Assert.Equal((GeneratorRun.CatalogPath, 12), (Where(d).Path, Where(d).Line));
    }

    [Fact]
    public void Missing_spec_and_catalog_are_warnings_not_errors()
    {
        var (output, diagnostics, _) = GeneratorRun.Run(null, null);

        Assert.Equal(new[] { "FDRY300", "FDRY301" }, diagnostics.Select(d => d.Id).OrderBy(i => i));
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Empty(GeneratorRun.Problems(output));
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"paths\": 1}")]
    [InlineData("{\"paths\": {}, \"components\": {\"schemas\": {\"A.B\": {\"allOf\": [{\"$ref\": \"#/components/schemas/A.B\"}]}, \"A.C\": {\"oneOf\": [1, 2], \"discriminator\": {}}}}}")]
    [InlineData("{\"paths\": {\"/x\": {\"post\": {\"x-foundry-route\": \"openai-responses\"}}}}")]
    [InlineData("{\"openapi\": \"3.1.0\"}")]
    [InlineData("{\"paths\": {}, \"components\": {\"schemas\": {\"A.\\ud800\": {\"properties\": {\"x\": {\"type\": \"string\"}}}}}}")]
    [InlineData("{\"paths\": {\"/x\": {\"post\": {\"x-foundry-route\": 1, \"requestBody\": []}}}, \"components\": {\"schemas\": {\"A.B\": {\"properties\": [], \"required\": \"x\", \"discriminator\": 1, \"oneOf\": {}}, \"A.C\": {\"type\": [1, \"string\"], \"format\": 2, \"enum\": \"x\", \"allOf\": [1, {\"$ref\": 2}]}}}}")]
    public void Garbage_specs_give_diagnostics_and_never_crash_the_generator(string spec)
    {
        var (_, diagnostics, driver) = GeneratorRun.Run(spec, null);

        Assert.Null(driver.GetRunResult().Results.Single().Exception);
        Assert.DoesNotContain(diagnostics, d => d.Id == "CS8785");
        GeneratorFuzzTests.NoCaughtCrash(spec, diagnostics);
    }

    [Fact]
    public void A_client_name_that_is_not_an_identifier_is_sanitised_instead_of_crashing()
    {
        // Found by GeneratorFuzzTests (CsCheck seed 3l_YrFTztWL1): ':' reached AddSource as part of a hint name.
        var spec = GeneratorRun.Fixture("constructs.openapi.json").Replace("\"x-foundry-client\": \"OpenAiResponses\"", "\"x-foundry-client\": \":penAiResponses\"");

        var (output, diagnostics, driver) = GeneratorRun.Run(spec, GeneratorRun.Fixture("small-catalog.json"));

        Assert.Null(driver.GetRunResult().Results.Single().Exception);
        Assert.DoesNotContain(diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.NotNull(output.GetTypeByMetadataName("Foundry.Generated.PenAiResponsesClient"));
    }

    [Theory]
    [InlineData("[]", "it is not a JSON object", 1, 1)]
    [InlineData("{\n  \"openapi\": \"3.1.0\"\n}", "it has no 'paths'", 1, 1)]
    [InlineData("{\n  \"openapi\": \"3.1.0\",\n  \"paths\": 1\n}", "'paths' is not an object", 3, 12)]
    public void Json_that_is_no_OpenAPI_document_is_FDRY109_not_a_crash(string spec, string reason, int line, int column)
    {
        var d = Single("FDRY109", spec, null);

        Assert.Equal((GeneratorRun.SpecPath, line, column), Where(d));
        Assert.EndsWith(reason + "; no clients are generated", d.GetMessage());
    }

    [Fact]
    public void A_lone_surrogate_escape_in_a_name_is_FDRY100_at_its_object()
    {
        var spec = GeneratorRun.Fixture("constructs.openapi.json").Replace("\"user\": { \"type\": \"integer\" }", "\"us\\udc00er\": { \"type\": \"integer\" }");

        var d = Single("FDRY100", spec, null);

        // A property name that is no text has no pointer of its own: the object holding it is reported.
        Assert.Equal((GeneratorRun.SpecPath, 35), (Where(d).Path, Where(d).Line));
        Assert.Contains("not valid Unicode", d.GetMessage());
    }

    [Fact]
    public void An_operation_whose_request_has_no_model_is_skipped_with_FDRY110_and_the_rest_compiles()
    {
        var spec = GeneratorRun.Fixture("constructs.openapi.json").Replace("\"properties\": { \"model\": { \"type\": \"string\", \"x-foundry-model-route\": \"openai-responses\" } }, \"required\": [\"model\"]", "\"properties\": { \"engine\": { \"type\": \"string\" } }");

        var (output, diagnostics, _) = GeneratorRun.Run(spec, GeneratorRun.Fixture("small-catalog.json"));

        var d = Assert.Single(diagnostics, d => d.Id == "FDRY110");
        Assert.Equal((GeneratorRun.SpecPath, 6, 15), Where(d));
        Assert.Equal("Operation 'openAiCreateResponse' has no client method: its request 'OpenAi.Request' has no 'model' property bound to a route (x-foundry-model-route)", d.GetMessage());
        Assert.Empty(GeneratorRun.Problems(output));
    }

    [Fact]
    public void An_optional_model_property_is_checked_when_the_request_is_sent()
    {
        var spec = GeneratorRun.Fixture("constructs.openapi.json").Replace(", \"required\": [\"model\"] }", " }");

        var (output, diagnostics, driver) = GeneratorRun.Run(spec, GeneratorRun.Fixture("small-catalog.json"));

        Assert.DoesNotContain(diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Empty(GeneratorRun.Problems(output));
        Assert.Contains("request.Model ?? throw new global::System.ArgumentException(\"The request has no model.\", nameof(request))", GeneratorRun.Source(driver, "OpenAiResponsesClient.g.cs"));
    }
}
