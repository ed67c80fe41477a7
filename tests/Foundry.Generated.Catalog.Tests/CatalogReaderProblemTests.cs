using System.Linq;
using Xunit;

namespace Foundry.Generated.Catalog.Tests;

/// <summary>Bad catalogs give located problems, never exceptions.</summary>
public sealed class CatalogReaderProblemTests
{
    private const string Valid = """
        {
          "catalogVersion": "2026-11-24",
          "routes": [
            { "id": "openai-responses", "provider": "openai", "displayName": "R", "acceptsFriendlyIds": true, "pathTemplate": "openai/v1/responses" }
          ],
          "models": [
            {
              "id": "gpt-5-mini",
              "rid": "ri.language-model-service..language-model.gpt-5-mini",
              "displayName": "GPT-5 mini",
              "provider": "openai",
              "lifecycle": "ga",
              "preferredRoute": "openai-responses",
              "routes": [ { "route": "openai-responses", "evidence": "verified", "source": "test" } ],
              "capabilities": { "reasoning": true, "temperature": false, "tools": true, "vision": true, "structuredOutput": true }
            }
          ]
        }
        """;

    [Fact]
    public void Valid_catalog_reads_without_problems()
    {
        var result = CatalogReader.Read(Valid);

        Assert.False(result.HasErrors);
        Assert.Equal("Gpt5Mini", result.Catalog!.Models.Single().CSharpName);
    }

    [Fact]
    public void Invalid_json_is_located_at_the_syntax_error()
    {
        var broken = Valid.Replace("\"provider\": \"openai\",\n      \"lifecycle\"", "\"provider\": \"openai\"\n      \"lifecycle\"");

        var result = CatalogReader.Read(broken);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(CatalogProblemKind.InvalidJson, problem.Kind);
        Assert.Equal(12, problem.Position.Line);
        Assert.Null(result.Catalog);
    }

    [Fact]
    public void Unknown_route_points_at_the_route_value()
    {
        var result = CatalogReader.Read(Valid.Replace("{ \"route\": \"openai-responses\"", "{ \"route\": \"openai-completions\""));

        var problem = Assert.Single(result.Problems, p => p.Kind == CatalogProblemKind.UnknownRoute);
        Assert.Equal("/models/0/routes/0/route", problem.Pointer);
        Assert.Equal(14, problem.Position.Line);
        Assert.Equal(30, problem.Position.Column);
    }

    [Fact]
    public void Malformed_rid_points_at_the_rid()
    {
        var result = CatalogReader.Read(Valid.Replace("ri.language-model-service..language-model.gpt-5-mini", "ri.language-model.gpt-5-mini"));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(CatalogProblemKind.MalformedRid, problem.Kind);
        Assert.Equal(9, problem.Position.Line);
        Assert.Equal(14, problem.Position.Column);
    }

    [Fact]
    public void Duplicate_model_id_points_at_the_second_entry()
    {
        var start = Valid.IndexOf("    {\n      \"id\"", System.StringComparison.Ordinal);
        var end = Valid.LastIndexOf("    }", System.StringComparison.Ordinal) + 5;
        var entry = Valid.Substring(start, end - start);
        var twice = Valid.Replace(entry, entry + ",\n" + entry);

        var result = CatalogReader.Read(twice);

        var problems = result.Problems.Where(p => p.Kind == CatalogProblemKind.DuplicateModel).ToArray();
        Assert.NotEmpty(problems);
        Assert.Equal("/models/1/id", problems[0].Pointer);
        Assert.Equal(18, problems[0].Position.Line);
    }

    [Fact]
    public void Missing_required_field_is_reported_on_the_entry()
    {
        var result = CatalogReader.Read(Valid.Replace("\"displayName\": \"GPT-5 mini\",", string.Empty));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(CatalogProblemKind.InvalidEntry, problem.Kind);
        Assert.Contains("displayName", problem.Message);
        Assert.Equal("/models/0", problem.Pointer);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"models\": 3}")]
    [InlineData("{\"catalogVersion\": 1, \"routes\": [1], \"models\": [null, {\"id\": 2}]}")]
    public void Garbage_never_throws(string text)
    {
        var result = CatalogReader.Read(text);

        Assert.True(result.HasErrors);
        Assert.Null(result.Catalog);
    }
}
