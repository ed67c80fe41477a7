using Foundry.Generated.Generator.Tests.Infrastructure;
using Xunit;

namespace Foundry.Generated.Generator.Tests.Generation;

/// <summary>Reviewable snapshots of each construct, from a small spec, and proof they compile.</summary>
public sealed class ConstructSnapshotTests
{
    private static readonly (Microsoft.CodeAnalysis.Compilation Output, System.Collections.Generic.IReadOnlyList<Microsoft.CodeAnalysis.Diagnostic> Diagnostics, Microsoft.CodeAnalysis.GeneratorDriver Driver) Result
        = GeneratorRun.Run(GeneratorRun.Fixture("constructs.openapi.json"), GeneratorRun.Fixture("small-catalog.json"));

    [Fact]
    public void Construct_fixture_generates_without_diagnostics_and_compiles_cleanly()
    {
        // Delta's property 'delta' cannot be called Delta inside record Delta: the rename is information, not a warning.
        var rename = Assert.Single(Result.Diagnostics);
        Assert.Equal(("FDRY106", Microsoft.CodeAnalysis.DiagnosticSeverity.Info), (rename.Id, rename.Severity));
        Assert.Equal("Property 'delta' of 'OpenAi.Delta' would be named 'Delta', which is taken by the enclosing type; it is named 'DeltaValue' instead", rename.GetMessage());
        Assert.Equal(66, rename.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Empty(GeneratorRun.Problems(Result.Output));
    }

    [Theory]
    [InlineData("Foundry.Generated.OpenAi.Request.g.cs")]
    [InlineData("Foundry.Generated.OpenAi.Input.g.cs")]
    [InlineData("Foundry.Generated.OpenAi.Tier.g.cs")]
    [InlineData("Foundry.Generated.OpenAi.Reply.g.cs")]
    [InlineData("Foundry.Generated.OpenAi.Event.g.cs")]
    [InlineData("Foundry.Generated.OpenAi.Delta.g.cs")]
    [InlineData("Foundry.Generated.OpenAi.Done.g.cs")]
    [InlineData("Foundry.Generated.Clients.OpenAiResponsesClient.g.cs")]
    [InlineData("Foundry.Generated.Models.ResponsesModel.g.cs")]
    [InlineData("Foundry.Generated.Models.FoundryModels.g.cs")]
    public void Generated_source_matches_its_snapshot(string hintName)
        => SnapshotAssert.Matches(GeneratorRun.Source(Result.Driver, hintName), hintName.Replace(".g.cs", string.Empty));
}
