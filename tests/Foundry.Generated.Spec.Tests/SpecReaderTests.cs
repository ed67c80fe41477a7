using System.IO;
using System.Linq;
using System.Threading;
using Foundry.Generated.Spec.Reading;
using Xunit;

namespace Foundry.Generated.Spec.Tests;

public sealed class SpecReaderTests
{
    private static SpecReadResult Read(string fixture)
        => SpecReader.Read(TestPaths.ReadFixture(Path.Combine("Reading", fixture)), fixture);

    private static string Describe(SpecReadResult result) => string.Join("\n", result.Problems);

    [Fact]
    public void Valid_spec_reads_without_errors_and_exposes_foundry_extensions()
    {
        var result = Read("valid.json");

        Assert.False(result.HasErrors, Describe(result));
        var operation = result.Document!.Paths["/api/v2/llm/proxy/openai/v1/embeddings"].Operations!.Single().Value;
        Assert.Equal("openai-embeddings", SpecExtensions.GetString(operation.Extensions, SpecExtensions.Route));
        Assert.Equal("OpenAiEmbeddings", SpecExtensions.GetString(operation.Extensions, SpecExtensions.Client));
        Assert.Null(SpecExtensions.GetString(operation.Extensions, SpecExtensions.Method));
        var model = result.Document.Components!.Schemas!["OpenAi.CreateEmbeddingRequest"].Properties!["model"];
        Assert.Equal("openai-embeddings", SpecExtensions.GetString(model.Extensions, SpecExtensions.ModelRoute));
    }

    [Fact]
    public void Invalid_json_is_located_at_the_syntax_error()
    {
        var result = Read("invalid-json.json");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(SpecProblemKind.InvalidJson, problem.Kind);
        Assert.True(problem.IsError);
        Assert.Equal(5, problem.Position.Line);
        Assert.Equal(23, problem.Position.Column);
        Assert.Null(result.Document);
    }

    [Fact]
    public void Broken_ref_is_located_at_the_ref_itself()
    {
        var result = Read("broken-ref.json");

        var problem = Assert.Single(result.Problems, p => p.IsError);
        Assert.Equal(SpecProblemKind.BrokenReference, problem.Kind);
        Assert.Equal("#/paths/~1api~1v2~1llm~1proxy~1openai~1v1~1embeddings/post/responses/200/content/application~1json/schema/$ref", problem.Pointer);
        Assert.Equal(29, problem.Position.Line);
        Assert.Equal(27, problem.Position.Column);
        Assert.Contains("#/components/schemas/OpenAi.Nowhere", problem.Message);
    }

    [Fact]
    public void Unknown_route_is_located_and_lists_the_known_ids()
    {
        var result = Read("unknown-route.json");

        var problem = Assert.Single(result.Problems, p => p.IsError);
        Assert.Equal(SpecProblemKind.UnknownRoute, problem.Kind);
        Assert.Equal(11, problem.Position.Line);
        Assert.Contains("'openai-embedding'", problem.Message);
        Assert.Contains("openai-embeddings", problem.Message);
        Assert.NotNull(result.Document);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("{\"openapi\": 3}")]
    [InlineData("{\"openapi\": \"3.1.0\", \"paths\": {\"/x\": {\"post\": {\"responses\": {\"200\": {\"$ref\": 7}}}}}}")]
    public void Garbage_gives_errors_and_never_throws(string text)
    {
        var result = SpecReader.Read(text, "garbage.json");

        Assert.True(result.HasErrors, Describe(result));
        Assert.All(result.Problems, p => Assert.True(p.Position.Line >= 1));
    }

    [Fact]
    public void Cancellation_is_honoured()
        => Assert.ThrowsAny<System.OperationCanceledException>(() => SpecReader.Read(TestPaths.ReadFixture(Path.Combine("Reading", "valid.json")), "valid.json", new CancellationToken(canceled: true)));

    [Fact]
    public void The_checked_in_spec_reads_without_errors()
    {
        var result = SpecReader.Read(File.ReadAllText(TestPaths.CheckedInSpec), TestPaths.CheckedInSpec);

        Assert.False(result.HasErrors, Describe(result));
        Assert.Equal(8, result.Document!.Paths.Count);
        Assert.All(result.Document.Paths, path =>
            Assert.NotNull(SpecExtensions.GetString(path.Value.Operations!.Single().Value.Extensions, SpecExtensions.Route)));
    }
}
