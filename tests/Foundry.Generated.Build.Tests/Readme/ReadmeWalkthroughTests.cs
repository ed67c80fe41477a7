using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Foundry.Generated.Emulator;
using Xunit;

namespace Foundry.Generated.Build.Tests.Readme;

/// <summary>
/// The README followed as a new user follows it, every step read from README.md itself: the packages packed by its
/// <c>dotnet pack</c> lines, its <c>dotnet new nugetconfig</c> / <c>dotnet nuget add source</c> commands run in a fresh
/// folder, its package XML, catalog XML and catalog file pasted into a new console project, every C# snippet pasted
/// into that project and compiled warning-free, then each run against the emulator. A README edit that breaks a step
/// fails here; a block no test checks fails <see cref="Every_readme_block_is_checked_by_a_test"/>.
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed partial class ReadmeWalkthroughTests(PackageFeed feed)
{
    [Fact]
    public void Every_readme_block_is_checked_by_a_test()
    {
        var blocks = ReadmeBlocks.All();

        var unclaimed = blocks.Where(b => b.Language != "csharp" && !ReadmeBlockChecks.IsElsewhere(b)
            && !ReadmeBlockChecks.Walkthrough.Any(w => ReadmeBlockChecks.Claims(b, w.Language, w.Marker))).ToList();

        Assert.True(unclaimed.Count == 0, "README blocks that no test checks (add a check, then a line to ReadmeBlockChecks): " + string.Join(", ", unclaimed));
        var stale = ReadmeBlockChecks.Elsewhere.Select(e => (e.Language, e.Marker)).Concat(ReadmeBlockChecks.Walkthrough)
            .Where(c => !blocks.Any(b => ReadmeBlockChecks.Claims(b, c.Language, c.Marker))).ToList();
        Assert.True(stale.Count == 0, "ReadmeBlockChecks names blocks the README no longer has: " + string.Join(", ", stale));
        // What the claims above lean on exists as the README names it.
        var setup = ReadmeBlocks.Single("sh", "dotnet run --project samples/Foundry.Chat");
        Assert.Contains(setup.Text.Split('\n')[1], File.ReadAllText(Path.Combine(PackageFeed.RepoRoot, ".ci", "run")));
        Assert.True(Directory.Exists(Path.Combine(PackageFeed.RepoRoot, "samples", "Foundry.Chat")));
        Assert.True(Directory.Exists(Path.Combine(PackageFeed.RepoRoot, "tools", "Foundry.Generated.SpecSync")));
        var import = ImportPath().Match(ReadmeBlocks.Single("xml", "<Import Project=").Text).Groups[1].Value;
        Assert.True(File.Exists(Path.Combine(PackageFeed.RepoRoot, import)), import);
    }

    [Fact]
    public async Task The_readme_followed_from_the_packed_packages_builds_every_snippet_and_each_runs_against_the_emulator()
    {
        var blocks = ReadmeBlocks.All();
        var readme = File.ReadAllText(ReadmeBlocks.ReadmePath);
        var shell = blocks.Where(b => b.Language == "sh").SelectMany(b => b.Text.Split('\n')).Select(StripComment).ToList();
        Assert.Equal(PackageFeed.Projects.Order(), shell.Select(l => PackLine().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).Distinct().Order());

        var dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "fdry-readme-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            // The package source, as the README's commands add it ("/path/to/Foundry.Generated/packages" is the feed).
            var sourceBlock = ReadmeBlocks.Single("sh", "dotnet nuget add source");
            foreach (var command in sourceBlock.Text.Split('\n').Select(StripComment).Where(l => l.StartsWith("dotnet ", StringComparison.Ordinal) && !PackLine().IsMatch(l)))
            {
                var args = command.Replace("/path/to/Foundry.Generated/packages", feed.Folder, StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..];
                var (exit, output) = Dotnet.Run(dir, args);
                Assert.True(exit == 0, command + "\n" + output);
            }

            var catalogXml = ReadmeBlocks.Single("xml", "<FoundryModelCatalog>").Text;
            var catalogFile = CatalogFileName().Match(readme).Groups[1].Value;
            Assert.Contains(catalogFile, catalogXml);
            File.WriteAllText(Path.Combine(dir, catalogFile), ReadmeBlocks.Single("json", "\"catalogVersion\"").Text);
            File.WriteAllText(Path.Combine(dir, "YourApp.csproj"), Project(catalogXml, HostingVersion().Match(readme).Groups[1].Value));

            var snippets = SnippetProgram.Build(
                blocks.Where(b => b.Language == "csharp" && !ReadmeBlockChecks.IsElsewhere(b)).ToList(),
                // The one block that only shows a request for the catalog's own model: it needs no client.
                standsAlone: b => b.Text.Contains("AppModels.", StringComparison.Ordinal));
            Directory.CreateDirectory(Path.Combine(dir, "Snippets"));
            foreach (var snippet in snippets)
            {
                File.WriteAllText(Path.Combine(dir, "Snippets", snippet.Name + ".cs"), snippet.Source);
            }

            File.WriteAllText(Path.Combine(dir, "Program.cs"), SnippetProgram.Program(snippets));

            var (buildExit, buildOutput) = Dotnet.Run(dir, "build", "-nologo");
            Assert.True(buildExit == 0, buildOutput);
            Assert.Contains("0 Warning(s)", buildOutput);

            await using var emulator = await FoundryProxyEmulator.StartAsync();
            var failures = new List<string>();
            var outputs = new Dictionary<string, string>();
            foreach (var snippet in snippets)
            {
                var (exit, output) = Dotnet.Run(dir, [("FOUNDRY_URL", emulator.BaseUrl.ToString()), ("FOUNDRY_TOKEN", emulator.Token)], Path.Combine("bin", "Debug", "net10.0", "YourApp.dll"), snippet.Name);
                outputs[snippet.Name] = output;
                var printsText = snippet.Source.Contains("Console.Write(", StringComparison.Ordinal);
                if (exit != 0 || (printsText && output.Trim().Length == 0))
                {
                    failures.Add($"{snippet.Block}: exit {exit}\n{output}");
                }
            }

            Assert.True(failures.Count == 0, string.Join("\n\n", failures));
            foreach (var (marker, expected) in ExpectedOutput)
            {
                var snippet = Assert.Single(snippets, s => s.Block.Text.Contains(marker, StringComparison.Ordinal));
                Assert.Contains(expected, outputs[snippet.Name]);
            }

            // The snippets reached the emulator on the routes they name, and the accumulator snippet saved its response.
            Assert.Contains(emulator.Requests, r => r.Route == "openai-responses" && r.Status == 200);
            Assert.Contains(emulator.Requests, r => r.Route == "anthropic-messages" && r.Status == 200);
            Assert.Single(Directory.GetFiles(dir, "resp_*.json"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    // What a snippet prints against the emulator, where it says more than "some text": (a text of the snippet, output).
    // The emulator's structured answers fill strings with the prompt, integers with 1 and enums with their first value.
    private static readonly (string Marker, string Output)[] ExpectedOutput =
    [
        ("new FoundryStreamAccumulator<Response>()", "completed: 1 output item(s),"),
        ("new FoundryStructuredAccumulator<", "The weather in Paris today: 1 °C, Clear ("),
        ("new FoundryStructuredAccumulator<", "streamed: The weather in Paris today"),
    ];

    // A new console project (`dotnet new console`: implicit usings, nullable) with the README's package XML and catalog
    // XML pasted in, and the two packages the README names for the M.E.AI and host examples.
    private string Project(string catalogXml, string hostingVersion)
    {
        var packageXml = XmlComment().Replace(ReadmeBlocks.Single("xml", "<PackageReference Include=\"Foundry.Generated\"").Text, "");
        var itemGroup = ItemGroup().Match(packageXml).Value.Replace("Version=\"1.0.0\"", $"Version=\"{feed.Version}\"", StringComparison.Ordinal);
        Assert.Contains(feed.Version, itemGroup);
        Assert.False(string.IsNullOrEmpty(hostingVersion), "the README names Microsoft.Extensions.Hosting's version");
        return $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <NuGetAudit>false</NuGetAudit>
              </PropertyGroup>
              {itemGroup}
              <ItemGroup>
                <PackageReference Include="Foundry.Generated.Hosting" Version="{feed.Version}" />
                <PackageReference Include="Microsoft.Extensions.Hosting" Version="{hostingVersion}" />
              </ItemGroup>
              {catalogXml}
            </Project>
            """;
    }

    private static string StripComment(string line) => (line.IndexOf(" #", StringComparison.Ordinal) is var at and >= 0 ? line[..at] : line).Trim();

    [GeneratedRegex(@"^dotnet pack (\S+) -c Release -o \./packages$")]
    private static partial Regex PackLine();

    [GeneratedRegex("<Import Project=\"path/to/Foundry.Generated/([^\"]+)\"")]
    private static partial Regex ImportPath();

    [GeneratedRegex(@"complete minimal `([\w.-]+\.json)`")]
    private static partial Regex CatalogFileName();

    [GeneratedRegex(@"`Microsoft\.Extensions\.Hosting` \(([\d.]+) here\)")]
    private static partial Regex HostingVersion();

    [GeneratedRegex("<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex XmlComment();

    [GeneratedRegex("<ItemGroup>.*?</ItemGroup>", RegexOptions.Singleline)]
    private static partial Regex ItemGroup();
}
