using System.Linq;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Foundry.Generated.Generator.Tests.Generation;

/// <summary>
/// Names from the spec that C# would reject — a union member named like the discriminator it inherits, a type named like
/// a member every record has, keywords, case twins, leading digits, Unicode — compile, each rename reported as FDRY106
/// (information) at its schema.
/// </summary>
public sealed class NamingTests
{
    private static void CompilesCleanly(SpecEdit.Result result)
    {
        Assert.True(result.CompileProblems.Count == 0, string.Join("\n", result.CompileProblems.Take(20)));
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
    }

    private static int Line(Diagnostic d) => d.Location.GetLineSpan().StartLinePosition.Line + 1;

    [Fact]
    public void A_union_member_named_like_the_discriminator_property_is_renamed_instead_of_CS0542()
    {
        // OpenAI's computer-use action "type" (openai-stainless-2025-12-19): record Type inherits the property Type.
        var spec = new SpecEdit()
            .Add("OpenAi.Action", """{ "oneOf": [{ "$ref": "#/components/schemas/OpenAi.Click" }, { "$ref": "#/components/schemas/OpenAi.Type" }], "discriminator": { "propertyName": "type", "mapping": { "click": "#/components/schemas/OpenAi.Click", "type": "#/components/schemas/OpenAi.Type" } } }""")
            .Add("OpenAi.Click", """{ "type": "object", "properties": { "type": { "type": "string", "const": "click" }, "x": { "type": "integer" } }, "required": ["type", "x"] }""")
            .Add("OpenAi.Type", """{ "type": "object", "properties": { "type": { "type": "string", "const": "type" }, "text": { "type": "string" } }, "required": ["type", "text"] }""");

        var result = spec.Run();

        CompilesCleanly(result);
        var rename = result.Rename("Schema 'OpenAi.Type'");
        Assert.Equal("Schema 'OpenAi.Type' would be named 'Type', which is taken by the discriminator property 'type' it inherits from union 'OpenAi.Action'; it is named 'Type2' instead", rename.GetMessage());
        Assert.Equal(DiagnosticSeverity.Info, rename.Severity);
        Assert.Equal((GeneratorRun.SpecPath, spec.LineOf("\"OpenAi.Type\": {")), (rename.Location.GetLineSpan().Path, Line(rename)));
        using var loaded = result.Load();
        var action = loaded.Read("Foundry.Generated.OpenAi.Action", """{"type":"type","text":"hello"}""");
        Assert.Equal("Type2", action.GetType().Name);
        Assert.Equal("""{"type":"type","text":"hello"}""", SpecEdit.Loaded.Write(action));
    }

    [Fact]
    public void A_union_named_like_its_own_discriminator_and_a_discriminator_named_like_a_generated_member_compile()
    {
        var spec = new SpecEdit()
            .Add("OpenAi.Kind", """{ "oneOf": [{ "$ref": "#/components/schemas/OpenAi.A" }], "discriminator": { "propertyName": "kind", "mapping": { "a": "#/components/schemas/OpenAi.A" } } }""")
            .Add("OpenAi.A", """{ "type": "object", "properties": { "kind": { "type": "string" }, "raw": { "type": "string" } } }""")
            .Add("OpenAi.Raw", """{ "oneOf": [{ "$ref": "#/components/schemas/OpenAi.B" }], "discriminator": { "propertyName": "raw", "mapping": { "b": "#/components/schemas/OpenAi.B" } } }""")
            .Add("OpenAi.B", """{ "type": "object", "properties": { "raw": { "type": "string" }, "value": { "type": "string" } } }""");

        var result = spec.Run();

        CompilesCleanly(result);
        Assert.Contains("it is named 'Kind2' instead", result.Rename("Schema 'OpenAi.Kind'").GetMessage());
        Assert.Equal("The discriminator property 'raw' of 'OpenAi.Raw' would be named 'Raw', which is taken by a member of its Unknown… member; it is named 'RawValue' instead", result.Rename("The discriminator property 'raw'").GetMessage());
        Assert.Equal(spec.LineOf("\"propertyName\": \"raw\"") - 1, Line(result.Rename("The discriminator property 'raw'")));
    }

    [Theory]
    [InlineData("OpenAi.ToString")]
    [InlineData("OpenAi.AdditionalProperties")]
    [InlineData("OpenAi.EqualityContract")]
    [InlineData("OpenAi.WriteJson")]
    [InlineData("OpenAi.PrintMembers")]
    [InlineData("OpenAi.GetType")]
    [InlineData("OpenAi.MissingRequired")]
    public void A_record_named_like_a_member_every_record_has_is_renamed(string id)
    {
        var result = new SpecEdit().Add(id, """{ "type": "object", "properties": { "n": { "type": "integer" } }, "required": ["n"] }""").Run();

        CompilesCleanly(result);
        Assert.EndsWith("which is taken by a member every generated record has; it is named '" + id.Substring("OpenAi.".Length) + "2' instead", result.Rename("Schema '" + id + "'").GetMessage());
    }

    [Fact]
    public void Enums_and_union_structs_named_like_their_members_compile()
    {
        var result = new SpecEdit()
            .Add("OpenAi.Value", """{ "type": "string", "enum": ["value", "Value", "VALUE", "", "to-string", "ToString", "1st", "größe", "_value"] }""")
            .Add("OpenAi.IsString", """{ "oneOf": [{ "type": "string" }, { "type": "integer" }] }""")
            .Add("OpenAi.String", """{ "type": "object", "properties": { "s": { "type": "string" } } }""")
            .Add("OpenAi.Strings", """{ "anyOf": [{ "type": "string" }, { "$ref": "#/components/schemas/OpenAi.String" }, { "type": "null" }] }""")
            .Run();

        CompilesCleanly(result);
        var source = result.Source("OpenAi.Value2.g.cs");
        foreach (var member in new[] { "Value2 Value3 ", "Value2 Value4 ", "Value2 VALUE5 ", "Value2 Empty ", "Value2 ToString2 ", "Value2 ToString3 ", "Value2 _1st ", "Value2 Größe ", "Value2 Value6 " })
        {
            Assert.Contains("public static " + member, source);
        }

        Assert.Contains("public bool IsString2 =>", result.Source("OpenAi.IsString.g.cs"));
        Assert.Contains("public bool IsString2 =>", result.Source("OpenAi.Strings.g.cs"));
    }

    [Fact]
    public void Property_names_that_are_keywords_framework_names_members_case_twins_digits_or_Unicode_compile_and_keep_their_wire_names()
    {
        string[] names =
        {
            "class", "String", "Object", "Task", "Odd", "ODD", "AdditionalProperties", "GetType", "EqualityContract", "MissingRequired",
            "Equals", "Deconstruct", "1st", "größe", "日本語", "", "a-b", "A_B", "id", "ID", "Id", "__PropertyIndex", "_extra", "value", "reader",
        };
        var properties = string.Join(", ", names.Select(n => JsonSerializer.Serialize(n) + ": { \"type\": \"integer\" }"));
        var spec = new SpecEdit().Add("OpenAi.Odd", "{ \"type\": \"object\", \"properties\": { " + properties + " }, \"required\": " + JsonSerializer.Serialize(names) + " }");

        var result = spec.Run();

        CompilesCleanly(result);
        Assert.Contains("public required int OddValue { get; init; }", result.Source("OpenAi.Odd.g.cs"));
        Assert.Contains("public required int ODDValue2 { get; init; }", result.Source("OpenAi.Odd.g.cs"));
        using var loaded = result.Load();
        var json = "{" + string.Join(",", names.Select((n, i) => JsonSerializer.Serialize(n) + ":" + i)) + "}";
        var written = JsonDocument.Parse(SpecEdit.Loaded.Write(loaded.Read("Foundry.Generated.OpenAi.Odd", json))).RootElement;
        Assert.Equal(names.Select((n, i) => (n, i)), written.EnumerateObject().Select(p => (p.Name, p.Value.GetInt32())));
    }

    [Fact]
    public void Schemas_differing_only_in_case_or_taking_generated_names_are_renamed()
    {
        var spec = new SpecEdit()
            .Add("OpenAi.reply", """{ "type": "object", "properties": { "a": { "type": "string" } } }""")
            .Add("OpenAi.UnknownEvent", """{ "type": "object", "properties": { "a": { "type": "string" } } }""")
            .Add("Foundry.LlmClient", """{ "type": "object", "properties": { "a": { "type": "string" } } }""")
            .Add("OpenAiResponsesClient", """{ "type": "object", "properties": { "a": { "type": "string" } } }""")
            .Add("OpenAi", """{ "type": "object", "properties": { "a": { "type": "string" } } }""")
            .Add("Foundry", """{ "type": "object", "properties": { "a": { "type": "string" } } }""")
            .Add("ResponsesModel.X", """{ "type": "object", "properties": { "a": { "type": "string" } } }""")
            .Add("Clients.OpenAiResponsesClient", """{ "type": "object", "properties": { "a": { "type": "string" } } }""");

        var result = spec.Run();

        CompilesCleanly(result);
        Assert.Equal(
            new[]
            {
                "Namespace 'Foundry.Generated.ResponsesModel' of schema 'ResponsesModel.X' -> ResponsesModel2",
                "Schema 'Clients.OpenAiResponsesClient' -> OpenAiResponsesClient2",
                "Schema 'Foundry' -> Foundry2",
                "Schema 'Foundry.LlmClient' -> FoundryLlmClient2",
                "Schema 'OpenAi' -> OpenAi2",
                "Schema 'OpenAi.reply' -> Reply2",
                "Schema 'OpenAiResponsesClient' -> OpenAiResponsesClient2",
                "The member of union 'OpenAi.Event' for unknown values -> UnknownEvent2",
            },
            result.Renames.Where(d => !d.GetMessage().StartsWith("Property 'delta'", System.StringComparison.Ordinal))
                .Select(d => System.Text.RegularExpressions.Regex.Match(d.GetMessage(), "^(.*) would be named .* it is named '(.*)' instead$"))
                .Select(m => m.Groups[1].Value + " -> " + m.Groups[2].Value)
                .OrderBy(m => m, System.StringComparer.Ordinal));
        Assert.Equal(spec.LineOf("\"OpenAi.reply\": {"), Line(result.Rename("Schema 'OpenAi.reply'")));
        Assert.NotNull(result.Output.GetTypeByMetadataName("Foundry.Generated.OpenAi.UnknownEvent2"));
    }

    [Fact]
    public void Names_the_property_test_found_compile()
    {
        // NamingPropertyTests found these: a discriminator named Clone (CS8859: no record may declare Clone), a root
        // schema Runtime and a schema namespace Runtime (both took the place of the runtime's namespace), a union whose
        // mapping names no record (an empty switch, CS1522).
        var result = new SpecEdit()
            .Add("OpenAi.Cloned", """{ "oneOf": [{ "$ref": "#/components/schemas/OpenAi.ClonedItem" }], "discriminator": { "propertyName": "clone", "mapping": { "c": "#/components/schemas/OpenAi.ClonedItem" } } }""")
            .Add("OpenAi.ClonedItem", """{ "type": "object", "properties": { "clone": { "type": "string" }, "n": { "type": "integer" } } }""")
            .Add("Runtime", """{ "type": "object", "properties": { "a": { "type": "string" } } }""")
            .Add("Runtime.FoundryPipeline", """{ "type": "object", "properties": { "a": { "type": "string" } } }""")
            .Add("Hosting.X", """{ "type": "object", "properties": { "a": { "type": "string" } } }""")
            .Add("OpenAi.Empty", """{ "oneOf": [{ "$ref": "#/components/schemas/OpenAi.Tier" }], "discriminator": { "propertyName": "type", "mapping": { "tier": "#/components/schemas/OpenAi.Tier" } } }""")
            .Run();

        CompilesCleanly(result);
        Assert.Contains("it is named 'CloneValue' instead", result.Rename("The discriminator property 'clone'").GetMessage());
        Assert.Equal("Schema 'Runtime' would be named 'Runtime', which is taken by namespace 'Foundry.Generated.Runtime', which the generated code uses; it is named 'Runtime3' instead", result.Rename("Schema 'Runtime'").GetMessage());
        Assert.Equal("Namespace 'Foundry.Generated.Runtime' of schema 'Runtime.FoundryPipeline' would be named 'Runtime', which is taken by namespace 'Foundry.Generated.Runtime', which the generated code uses; it is named 'Runtime2' instead", result.Rename("Namespace 'Foundry.Generated.Runtime'").GetMessage());
        Assert.NotNull(result.Output.GetTypeByMetadataName("Foundry.Generated.Runtime2.FoundryPipeline"));
        Assert.NotNull(result.Output.GetTypeByMetadataName("Foundry.Generated.Hosting2.X"));
    }

    [Fact]
    public void A_wrapper_name_another_schema_holds_gets_a_number()
    {
        // Delta is primarily a member of Event; in Other it is wrapped as OtherDelta, a name a schema already has.
        var result = new SpecEdit()
            .Add("OpenAi.Other", """{ "oneOf": [{ "$ref": "#/components/schemas/OpenAi.Delta" }], "discriminator": { "propertyName": "type", "mapping": { "delta": "#/components/schemas/OpenAi.Delta" } } }""")
            .Add("OpenAi.OtherDelta", """{ "type": "object", "properties": { "a": { "type": "string" } } }""")
            .Run();

        CompilesCleanly(result);
        Assert.Contains("it is named 'OtherDelta2' instead", result.Rename("The wrapper of 'OpenAi.Delta' in union 'OpenAi.Other'").GetMessage());
    }

    [Fact]
    public void A_member_wrapped_in_a_second_union_converts_to_that_union()
    {
        // Delta derives from Event; in Other it is held by the wrapper OtherDelta.
        var result = new SpecEdit()
            .Add("OpenAi.Other", """{ "oneOf": [{ "$ref": "#/components/schemas/OpenAi.Delta" }], "discriminator": { "propertyName": "type", "mapping": { "delta": "#/components/schemas/OpenAi.Delta" } } }""")
            .Run(sources: "static class Use { static Foundry.Generated.OpenAi.Other M() => new Foundry.Generated.OpenAi.Delta { DeltaValue = \"hi\", Index = 1 }; }");

        CompilesCleanly(result);
        using var loaded = result.Load();
        var other = loaded.Type("Use").GetMethod("M", System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic)!.Invoke(null, null)!;
        Assert.Equal("OtherDelta", other.GetType().Name);
        Assert.Equal("""{"type":"delta","delta":"hi","index":1}""", SpecEdit.Loaded.Write(other));
    }

    [Fact]
    public void Client_names_that_FoundryLlmClient_declares_are_renamed()
    {
        var spec = new SpecEdit();
        spec.Root["paths"]!["/api/v2/llm/proxy/openai/v1/responses"]!["post"]!["x-foundry-client"] = "pipeline";

        var result = spec.Run();

        CompilesCleanly(result);
        Assert.Contains("it is named 'Pipeline2' instead", result.Rename("The client 'pipeline'").GetMessage());
        Assert.NotNull(result.Output.GetTypeByMetadataName("Foundry.Generated.Pipeline2Client"));
    }

    [Theory]
    [InlineData("max_output_tokens", "MaxOutputTokens")]
    [InlineData("class", "Class")]
    [InlineData("1st", "_1st")]
    [InlineData("größe", "Größe")]
    [InlineData("日本語", "日本語")]
    [InlineData("", "Value")]
    [InlineData("-.-", "Value")]
    [InlineData("a b\u2028c", "ABC")]
    public void Every_wire_name_becomes_an_identifier(string wire, string expected)
    {
        var identifier = Foundry.Generated.Generator.Naming.CSharpIdentifiers.Identifier(System.Text.RegularExpressions.Regex.Unescape(wire));

        Assert.Equal(expected, identifier);
        Assert.True(Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(identifier));
    }
}
