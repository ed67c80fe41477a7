using System;
using System.IO;
using System.Threading.Tasks;
using Foundry.Generated.Emulator;
using Xunit;

namespace Foundry.Generated.Build.Tests;

/// <summary>
/// The README's "Structured output" snippet, read from README.md itself, builds warning-free as a new console app (the
/// System.Text.Json source generator makes its <c>JsonTypeInfo</c>) and runs against the emulator, which answers with
/// JSON that fits the schema the snippet's type gave: the value non-streaming, then the streamed text and value.
/// </summary>
public sealed partial class ReadmeSnippetBuildTests
{
    [Fact]
    public async Task The_structured_output_snippet_builds_and_runs_against_the_emulator()
    {
        var snippets = CSharpBlocks(File.ReadAllText(Path.Combine(PackageFeed.RepoRoot, "README.md")));
        var snippet = Assert.Single(snippets, s => s.Contains("new FoundryStructuredAccumulator<", StringComparison.Ordinal));
        using var folder = new ProjectFolder();
        var dir = folder.Project("ReadmeStructured", exe: true, code: snippet);

        var (exit, output) = folder.Build(dir, "-p:ImplicitUsings=enable");
        Assert.True(exit == 0, output);
        Assert.Contains("0 Warning(s)", output);

        await using var emulator = await FoundryProxyEmulator.StartAsync();
        var (runExit, runOutput) = Dotnet.Run(dir, [("FOUNDRY_URL", emulator.BaseUrl.ToString()), ("FOUNDRY_TOKEN", emulator.Token)], "run", "--no-build");
        Assert.True(runExit == 0, runOutput);
        // The emulator's strings are the prompt, its integers 1, its enums their first value.
        Assert.Contains("The weather in Paris today: 1 °C, Clear (", runOutput);
        Assert.Contains("{\"City\":\"The weather in Paris today\",\"HighCelsius\":1,\"Sky\":\"Clear\"", runOutput);
        Assert.Contains("streamed: The weather in Paris today", runOutput);
    }
}
