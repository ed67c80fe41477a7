using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Testing;

/// <summary>
/// The README's "Test your code" snippet, read from README.md itself, compiles warning-free against the Testing
/// package's assemblies and its test passes when run: a README edit that breaks it fails here.
/// </summary>
public sealed partial class ReadmeTestSnippetTests
{
    [Fact]
    public async Task The_test_your_code_snippet_compiles_and_its_test_passes()
    {
        var snippet = Assert.Single(CSharpBlock().Matches(File.ReadAllText(ReadmeFile.Path)).Select(m => m.Groups[1].Value), s => s.Contains("new FakeFoundry()", StringComparison.Ordinal));
        var compilation = CSharpCompilation.Create(
            "ReadmeTestSnippet",
            [CSharpSyntaxTree.ParseText(snippet, new CSharpParseOptions(LanguageVersion.Latest))],
            Net100.References.All.Concat(ProjectAssemblies()),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                // As the .NET SDK does for every project: xunit's references to older System.Runtime versions unify.
                .WithSpecificDiagnosticOptions([new("CS1701", ReportDiagnostic.Suppress), new("CS1702", ReportDiagnostic.Suppress)]));
        using var image = new MemoryStream();

        var emitted = compilation.Emit(image);

        var problems = emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var assembly = Assembly.Load(image.ToArray());
        var tests = assembly.GetTypes().SelectMany(t => t.GetMethods().Where(m => m.GetCustomAttributes().Any(a => a is FactAttribute)).Select(m => (t, m))).ToList();
        Assert.NotEmpty(tests);
        foreach (var (type, method) in tests)
        {
            await (Task)method.Invoke(Activator.CreateInstance(type), null)!;
        }
    }

    // The assemblies a user's test project gets from the package (and xunit), as this test run loaded them.
    private static MetadataReference[] ProjectAssemblies()
    {
        Type[] anchors = [typeof(Foundry.Generated.Testing.FakeFoundry), typeof(FoundryLlmClient), typeof(FoundryApiException), typeof(Microsoft.Extensions.AI.IChatClient), typeof(FoundryAIExtensions), typeof(Assert), typeof(FactAttribute)];
        return anchors.Select(t => t.Assembly.Location).Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray();
    }

    [GeneratedRegex("```csharp\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
