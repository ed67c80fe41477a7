using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Foundry.Generated.Generator.Tests.Generation;

/// <summary>
/// A schema that says what its value is in a way C# is not given falls back to <c>JsonElement</c> with FDRY103 at the
/// construct; free-form values are <c>JsonElement</c> by design and are not reported.
/// </summary>
public sealed class UnsupportedConstructTests
{
    private static SpecEdit.Result WithProbe(string schema, out SpecEdit spec)
    {
        spec = new SpecEdit();
        spec.Schemas["OpenAi.Reply"]!["properties"]!.AsObject()["probe"] = JsonNode.Parse(schema);
        return spec.Run();
    }

    [Theory]
    [InlineData("""{ "anyOf": [{ "type": "string" }, { "type": "integer" }] }""", "OpenAi.Reply/properties/probe/anyOf", "an inline anyOf of 2 schemas (a union is generated only for a component)", "\"anyOf\": [")]
    [InlineData("""{ "type": "array", "items": { "oneOf": [{ "type": "string" }, { "type": "number" }, { "type": "null" }] } }""", "OpenAi.Reply/properties/probe/items/oneOf", "an inline oneOf of 2 schemas (a union is generated only for a component)", "\"oneOf\": [")]
    [InlineData("""{ "type": ["string", "integer", "null"] }""", "OpenAi.Reply/properties/probe", "several types (string, integer)", "\"probe\": {")]
    [InlineData("""{ "type": "strnig" }""", "OpenAi.Reply/properties/probe", "the type 'strnig'", "\"probe\": {")]
    [InlineData("""{ "type": 3 }""", "OpenAi.Reply/properties/probe", "a 'type' that is a JSON number", "\"probe\": {")]
    [InlineData("""{ "type": "object", "properties": { "a": { "type": "string" } } }""", "OpenAi.Reply/properties/probe", "an inline object with properties (a record is generated only for a component)", "\"probe\": {")]
    [InlineData("""{ "allOf": [{ "$ref": "#/components/schemas/OpenAi.Base" }] }""", "OpenAi.Reply/properties/probe", "an inline allOf (a record is generated only for a component)", "\"probe\": {")]
    [InlineData("""{ "enum": ["a", "b"] }""", "OpenAi.Reply/properties/probe", "'enum' without a type", "\"probe\": {")]
    [InlineData("""{ "not": { "type": "string" } }""", "OpenAi.Reply/properties/probe", "'not'", "\"probe\": {")]
    [InlineData("""{ "$ref": "#/paths" }""", "OpenAi.Reply/properties/probe", "a $ref to '#/paths', which is not a schema of #/components/schemas", "\"probe\": {")]
    [InlineData("""{ "$ref": "#/components/schemas/OpenAi.Reply/properties/id" }""", "OpenAi.Reply/properties/probe", "a $ref to '#/components/schemas/OpenAi.Reply/properties/id', which is not a schema of #/components/schemas", "\"probe\": {")]
    [InlineData("7", "OpenAi.Reply/properties/probe", "a schema that is a JSON number, not an object", "\"probe\": 7")]
    public void A_construct_that_falls_back_to_JsonElement_is_FDRY103_at_the_construct(string schema, string subject, string construct, string line)
    {
        var result = WithProbe(schema, out var spec);

        var d = Assert.Single(result.Diagnostics, d => d.Id == "FDRY103");
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal("Schema '" + subject + "' uses " + construct + "; it is generated as raw JSON", d.GetMessage());
        Assert.Equal((GeneratorRun.SpecPath, spec.LineOf(line, after: "\"probe\"")), (d.Location.GetLineSpan().Path, d.Location.GetLineSpan().StartLinePosition.Line + 1));
        Assert.Contains("global::System.Text.Json.JsonElement", result.Source("OpenAi.Reply.g.cs").Split('\n').Single(l => l.Contains(" Probe {")));
        Assert.Empty(result.CompileProblems);
    }

    [Fact]
    public void A_ref_cycle_through_aliases_is_FDRY103_at_the_reference()
    {
        var spec = new SpecEdit().Add("OpenAi.Loop1", """{ "$ref": "#/components/schemas/OpenAi.Loop2" }""").Add("OpenAi.Loop2", """{ "$ref": "#/components/schemas/OpenAi.Loop1" }""");
        spec.Schemas["OpenAi.Reply"]!["properties"]!.AsObject()["probe"] = JsonNode.Parse("""{ "$ref": "#/components/schemas/OpenAi.Loop1" }""");

        var result = spec.Run();

        var d = Assert.Single(result.Diagnostics, d => d.Id == "FDRY103");
        Assert.Equal("Schema 'OpenAi.Loop2' uses a $ref cycle through 'OpenAi.Loop1', which has no type of its own; it is generated as raw JSON", d.GetMessage());
        Assert.Equal(spec.LineOf("\"OpenAi.Loop2\": {"), d.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Empty(result.CompileProblems);
    }

    [Fact]
    public void A_ref_to_a_schema_id_with_a_slash_or_tilde_is_escaped_as_a_JSON_pointer_and_resolves()
    {
        var spec = new SpecEdit().Add("OpenAi.a/b~c", """{ "type": "object", "properties": { "x": { "type": "string" } } }""");
        spec.Schemas["OpenAi.Reply"]!["properties"]!.AsObject()["probe"] = JsonNode.Parse("""{ "$ref": "#/components/schemas/OpenAi.a~1b~0c" }""");

        var result = spec.Run();

        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Contains("public global::Foundry.Generated.OpenAi.ABC? Probe { get; init; }", result.Source("OpenAi.Reply.g.cs"));
        Assert.Empty(result.CompileProblems);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("true")]
    [InlineData("""{ "description": "anything" }""")]
    [InlineData("""{ "type": "object" }""")]
    [InlineData("""{ "type": "object", "additionalProperties": true }""")]
    [InlineData("""{ "type": ["object", "null"], "additionalProperties": {} }""")]
    [InlineData("""{ "type": "null" }""")]
    [InlineData("""{ "type": "array" }""")]
    public void Free_form_values_are_JsonElement_without_a_diagnostic(string schema)
    {
        var result = WithProbe(schema, out _);

        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "FDRY103");
        Assert.Empty(result.CompileProblems);
    }
}
