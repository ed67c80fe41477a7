using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Foundry.Generated.Emulator;
using Xunit;

namespace Foundry.Generated.Cli.Tests;

/// <summary>The probe output README.md shows is what the command prints today against the emulator program.</summary>
public sealed class ReadmeProbeSampleTests
{
    [Fact]
    public async Task Every_line_of_the_readme_probe_sample_is_printed_by_the_command()
    {
        var readme = File.ReadAllText(ProbeHarness.RepoFile("README.md")).ReplaceLineEndings("\n");
        var sample = Regex.Match(readme, "```text\n\\$ foundry-llm probe (?<args>[^\n]*)\n(?<shown>.*?)```", RegexOptions.Singleline);
        Assert.True(sample.Success, "README.md has no ```text block starting with $ foundry-llm probe");
        await using var emulator = await FoundryProxyEmulator.StartAsync();

        var (exit, output, error) = await ProbeHarness.RunAsync(emulator, sample.Groups["args"].Value.Split(' '));

        Assert.Equal(0, exit);
        // The README's emulator runs on the program's default port; progress order and timings vary from run to run.
        var printed = (error + output).Replace(emulator.BaseUrl.Authority, $"127.0.0.1:{EmulatorCommandLine.DefaultPort}", StringComparison.Ordinal)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Normalized)
            .ToHashSet();
        var shown = sample.Groups["shown"].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l != "...").ToList();
        Assert.NotEmpty(shown);
        Assert.All(shown, line => Assert.Contains(Normalized(line), printed));
    }

    private static string Normalized(string line)
        => Regex.Replace(Regex.Replace(line, @"^\[\d+/", "[#/"), @"first event \d+ ms", "first event # ms");
}
