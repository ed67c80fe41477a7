using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Foundry.Generated.Build.Tests;

/// <summary>
/// The README's Microsoft.Extensions.AI, dependency-injection, per-call options, raw-response and error-handling snippets, read from README.md itself (not a copy),
/// build warning-free in a new consumer that follows the README: the repository's props with
/// <c>FoundryHosting</c>, and the one package the README names for a host. A README edit that breaks either fails here.
/// </summary>
public sealed partial class ReadmeSnippetBuildTests
{
    [Fact]
    public void The_extensions_ai_dependency_injection_and_error_snippets_build_as_written()
    {
        var snippets = CSharpBlocks(File.ReadAllText(Path.Combine(PackageFeed.RepoRoot, "README.md")));
        var hosting = Assert.Single(snippets, s => s.Contains("Host.CreateApplicationBuilder", StringComparison.Ordinal));
        var chat = Assert.Single(snippets, s => s.Contains("new ChatClientBuilder(", StringComparison.Ordinal));
        var errors = Assert.Single(snippets, s => s.Contains("catch (FoundryApiException e) when (e.RetryAfter", StringComparison.Ordinal));
        var perCall = Assert.Single(snippets, s => s.Contains("new FoundryRequestOptions", StringComparison.Ordinal) && !s.Contains("OnResponseHead", StringComparison.Ordinal));
        var rawResponse = Assert.Single(snippets, s => s.Contains("CreateWithResponseAsync", StringComparison.Ordinal));
        using var folder = new ProjectFolder();
        var dir = folder.Project(
            "ReadmeConsumer",
            exe: true,
            code: hosting,
            beforeImport: "<FoundryHosting>true</FoundryHosting>",
            items: """<ItemGroup><PackageReference Include="Microsoft.Extensions.Hosting" Version="11.0.0" /></ItemGroup>""",
            // Implicit usings on, as in a new `dotnet new console` project the snippets are pasted into. In the project,
            // not on the command line: a global property would flow to the repository's projects and rebuild them all.
            afterImport: "<ImplicitUsings>enable</ImplicitUsings>");
        File.WriteAllText(Path.Combine(dir, "ChatSnippet.cs"), AsMethod(chat, "ChatSnippet"));
        File.WriteAllText(Path.Combine(dir, "ErrorsSnippet.cs"), AsMethod(errors, "ErrorsSnippet"));
        File.WriteAllText(Path.Combine(dir, "PerCallSnippet.cs"), AsMethod(perCall, "PerCallSnippet"));
        File.WriteAllText(Path.Combine(dir, "RawResponseSnippet.cs"), AsMethod(rawResponse, "RawResponseSnippet"));

        var (exit, output) = folder.Build(dir);

        Assert.True(exit == 0, output);
        Assert.Contains("0 Warning(s)", output);
    }

    private static string[] CSharpBlocks(string markdown)
        => CSharpBlock().Matches(markdown).Select(m => m.Groups[1].Value).ToArray();

    // A snippet of top-level statements as the body of a method, its using directives kept at the top of the file.
    private static string AsMethod(string snippet, string className)
    {
        var lines = snippet.Split('\n');
        bool IsDirective(string line) => line.StartsWith("using ", StringComparison.Ordinal) && !line.Contains('=') && !line.Contains(" var ", StringComparison.Ordinal);
        return string.Join('\n', lines.Where(IsDirective))
            + $"\ninternal static class {className}\n{{\n    public static async System.Threading.Tasks.Task RunAsync()\n    {{\n"
            + string.Join('\n', lines.Where(l => !IsDirective(l)))
            + "\n    }\n}\n";
    }

    [GeneratedRegex("```csharp\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
