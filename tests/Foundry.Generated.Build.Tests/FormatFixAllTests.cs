using System.IO;
using Xunit;

namespace Foundry.Generated.Build.Tests;

/// <summary>
/// Fix All from the command line: <c>dotnet format analyzers</c> loads the code fixes from the consumer's analyzer
/// references and rewrites every unknown model id in the project to its first suggestion, in one run.
/// </summary>
public sealed class FormatFixAllTests
{
    private const string First = """
        using Foundry.Generated;

        public static class First
        {
            public static ResponsesModel Model => ResponsesModel.Parse("gpt-5-mini-2025-08-07");
        }
        """;

    private const string Second = """
        using Foundry.Generated;

        public static class Second
        {
            public static AnthropicMessagesModel Model => AnthropicMessagesModel.Parse("claude-sonet-4.5");
        }
        """;

    [Fact]
    public void Dotnet_format_rewrites_each_unknown_model_id_in_every_file_to_its_first_suggestion()
    {
        using var folder = new ProjectFolder();
        // The repository's props reference the analyzer only; the package ships the code fixes next to it.
        var codeFixes = $"""
            <ItemGroup>
              <ProjectReference Include="{PackageFeed.RepoRoot}/generator/Foundry.Generated.CodeFixes/Foundry.Generated.CodeFixes.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
            </ItemGroup>
            """;
        var dir = folder.Project("Consumer", exe: false, code: First, items: codeFixes);
        var second = Path.Combine(dir, "Second.cs");
        File.WriteAllText(second, Second);

        // Also builds the generator and the code fixes, which dotnet format loads from their output folders.
        var (buildExit, buildOutput) = folder.Build(dir);
        Assert.NotEqual(0, buildExit);
        Assert.Contains("Consumer.cs(5,64): error FDRY001", buildOutput);
        Assert.Contains("Second.cs(5,80): error FDRY001", buildOutput);

        var (exit, output) = Dotnet.Run(dir, "format", "analyzers", "--diagnostics", "FDRY001", "--severity", "info");

        Assert.True(exit == 0, output);
        Assert.Equal(First.Replace("gpt-5-mini-2025-08-07", "gpt-5-mini"), File.ReadAllText(Path.Combine(dir, "Consumer.cs")));
        Assert.Equal(Second.Replace("claude-sonet-4.5", "claude-sonnet-4.5"), File.ReadAllText(second));
    }
}
