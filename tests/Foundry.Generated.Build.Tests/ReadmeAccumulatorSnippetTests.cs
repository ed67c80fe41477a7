using System;
using System.IO;
using System.Threading.Tasks;
using Foundry.Generated.Emulator;
using Xunit;

namespace Foundry.Generated.Build.Tests;

/// <summary>
/// The README's "Render live, persist whole" snippet, read from README.md itself, builds warning-free as a new console
/// app and runs against the emulator: it streams the text, then writes the accumulated response to a file.
/// </summary>
public sealed partial class ReadmeSnippetBuildTests
{
    [Fact]
    public async Task The_render_live_persist_whole_snippet_builds_and_runs_against_the_emulator()
    {
        var snippets = CSharpBlocks(File.ReadAllText(Path.Combine(PackageFeed.RepoRoot, "README.md")));
        var snippet = Assert.Single(snippets, s => s.Contains("new FoundryStreamAccumulator<", StringComparison.Ordinal));
        using var folder = new ProjectFolder();
        var dir = folder.Project("ReadmeAccumulator", exe: true, code: snippet);

        var (exit, output) = folder.Build(dir, "-p:ImplicitUsings=enable");
        Assert.True(exit == 0, output);
        Assert.Contains("0 Warning(s)", output);

        await using var emulator = await FoundryProxyEmulator.StartAsync();
        var (runExit, runOutput) = Dotnet.Run(dir, [("FOUNDRY_URL", emulator.BaseUrl.ToString()), ("FOUNDRY_TOKEN", emulator.Token)], "run", "--no-build");
        Assert.True(runExit == 0, runOutput);
        Assert.Contains("completed: 1 output item(s),", runOutput);
        var saved = Assert.Single(Directory.GetFiles(dir, "resp_*.json"));
        Assert.Contains("\"output_text\"", File.ReadAllText(saved));
    }
}
