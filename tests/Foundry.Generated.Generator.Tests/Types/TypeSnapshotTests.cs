using System.Linq;
using Foundry.Generated.Generator.Tests.Generation;
using Foundry.Generated.Generator.Tests.Infrastructure;
using Xunit;

namespace Foundry.Generated.Generator.Tests.Types;

/// <summary>
/// Constructs the construct fixture in Generation/ does not cover: a member shared by two discriminated unions,
/// a union struct choosing between object members, recursion, int64 and bounds, maps of records, optional constants.
/// </summary>
public sealed class TypeSnapshotTests(GeneratedTypes types) : IClassFixture<GeneratedTypes>
{
    [Fact]
    public void Type_fixture_generates_without_diagnostics_and_compiles_cleanly()
    {
        Assert.Empty(types.GeneratorDiagnostics);
        Assert.Empty(types.CompileProblems);
    }

    [Fact]
    public void Every_schema_that_is_a_type_gets_one_file()
    {
        var hints = types.Driver.GetRunResult().GeneratedTrees.Select(t => System.IO.Path.GetFileName(t.FilePath)).Where(h => h.StartsWith("Foundry.Generated.OpenAi.", System.StringComparison.Ordinal)).OrderBy(h => h, System.StringComparer.Ordinal).ToArray();
        Assert.Equal(
            new[]
            {
                "Foundry.Generated.OpenAi.Finished.g.cs",
                "Foundry.Generated.OpenAi.ImagePart.g.cs",
                "Foundry.Generated.OpenAi.Message.g.cs",
                "Foundry.Generated.OpenAi.MessageContent.g.cs",
                "Foundry.Generated.OpenAi.Node.g.cs",
                "Foundry.Generated.OpenAi.OutputItem.g.cs",
                "Foundry.Generated.OpenAi.OutputItemToolCall.g.cs",
                "Foundry.Generated.OpenAi.Role.g.cs",
                "Foundry.Generated.OpenAi.StreamEvent.g.cs",
                "Foundry.Generated.OpenAi.TextDelta.g.cs",
                "Foundry.Generated.OpenAi.TextPart.g.cs",
                "Foundry.Generated.OpenAi.ToolCall.g.cs",
            },
            hints);
    }

    [Theory]
    [InlineData("Foundry.Generated.OpenAi.OutputItem.g.cs")]
    [InlineData("Foundry.Generated.OpenAi.OutputItemToolCall.g.cs")]
    [InlineData("Foundry.Generated.OpenAi.ToolCall.g.cs")]
    [InlineData("Foundry.Generated.OpenAi.MessageContent.g.cs")]
    [InlineData("Foundry.Generated.OpenAi.Node.g.cs")]
    public void Generated_source_matches_its_snapshot(string hintName)
        => SnapshotAssert.Matches(GeneratorRun.Source(types.Driver, hintName), "Types." + hintName.Replace(".g.cs", string.Empty));
}
