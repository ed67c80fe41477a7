using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using Foundry.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace Foundry.Generated.Generator.Tests.Generation;

/// <summary>
/// The generator over the real upstream revisions in spec/upstream/history (SOURCES.md there): each replaces its
/// provider's checked-in upstream file, the spec sync's command line writes the proxy spec, and the generator's output
/// for that provider's routes (FoundryRoutes), with the IChatClient and DI adapters, compiles in memory with no C#
/// warning or error, doc comments checked. A skipped adapter (FDRY303) and renames (FDRY106) are information.
/// </summary>
public sealed class UpstreamRevisionTests(ITestOutputHelper output)
{
    private static readonly MetadataReference[] Adapters =
    {
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.AI.IChatClient).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Foundry.Generated.Hosting.FoundryHosting).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.IHttpClientBuilder).Assembly.Location),
    };

    private static readonly Dictionary<string, (string Option, string Routes, string[] Adapters)> Providers = new()
    {
        ["openai"] = ("--openai", "openai-responses;openai-chat-completions;openai-embeddings;xai-chat-completions;xai-responses",
            new[] { "FoundryResponsesChatClient", "FoundryXaiResponsesChatClient", "FoundryChatCompletionsChatClient", "FoundryXaiChatCompletionsChatClient", "FoundryEmbeddingGenerator" }),
        ["anthropic"] = ("--anthropic", "anthropic-messages", new[] { "FoundryAnthropicChatClient" }),
        ["gemini"] = ("--google", "google-generate-content", new[] { "FoundryGeminiChatClient" }),
    };

    /// <summary>Runs the spec sync's command line in process on one revision; returns the proxy spec it writes.</summary>
    internal static string Sync(string revision)
    {
        var option = Providers[revision.Substring(0, revision.IndexOf('-'))].Option;
        var output = Path.Combine(Path.GetTempPath(), "fdry-rev-" + Guid.NewGuid().ToString("N") + ".json");
        var sync = Assembly.Load("Foundry.Generated.SpecSync").EntryPoint!;
        var log = new StringWriter();
        object? exit;
        lock (Console.Out)
        {
            var (stdout, stderr) = (Console.Out, Console.Error);
            Console.SetOut(log);
            Console.SetError(log);
            try
            {
                exit = sync.Invoke(null, new object[] { new[] { option, Path.Combine(RepoPaths.Root, "spec", "upstream", "history", revision), "--out", output } });
            }
            finally
            {
                Console.SetOut(stdout);
                Console.SetError(stderr);
            }
        }

        Assert.True(exit is 0, "the spec sync failed:\n" + log);
        try
        {
            return File.ReadAllText(output);
        }
        finally
        {
            File.Delete(output);
        }
    }

    internal static (Compilation Output, IReadOnlyList<Diagnostic> Diagnostics, int Files) Generate(string revision, string spec)
    {
        var texts = new AdditionalText[]
        {
            new InMemoryAdditionalText(RepoPaths.Spec("foundry-llm-proxy.openapi.json"), spec),
            new InMemoryAdditionalText(RepoPaths.Spec("model-catalog.json"), File.ReadAllText(RepoPaths.Spec("model-catalog.json"))),
        };
        var routes = Providers[revision.Substring(0, revision.IndexOf('-'))].Routes;
        var (compilation, diagnostics, driver) = GeneratorHarness.RunDocumented(
            new FoundryGenerator(), texts, new Dictionary<string, string> { ["build_property.FoundryRoutes"] = routes }, Adapters);
        return (compilation, diagnostics, driver.GetRunResult().GeneratedTrees.Length);
    }

    [Theory]
    [InlineData("openai-2025-03-11-3.0.0.yaml.gz")]
    // The computer action schema 'Type' in a union discriminated by 'type' (CS0542 before the naming rule), and
    // ResponseFormatJsonObject wrapped in the discriminated TextResponseFormatConfiguration (the Responses adapter assigns
    // it through the union's implicit conversion): see the two tests below.
    [InlineData("openai-stainless-2025-12-19-3.1.0.yml.gz")]
    [InlineData("openai-2026-05-13-3.1.0.yaml.gz")]
    [InlineData("openai-2026-08-21-3.1.0.yaml.gz")]
    [InlineData("anthropic-2024-12-09-3.0.1.yaml.gz")]
    // stop_reason required and not nullable: the Anthropic adapter reads it boxed (see below).
    [InlineData("anthropic-2025-10-29-3.0.4.yaml.gz")]
    [InlineData("anthropic-2026-03-10-3.2.0.yaml.gz")]
    [InlineData("gemini-google-2024-10-16-3.0.0.json.gz")]
    [InlineData("gemini-handkept-2024-12-23-3.0.4.yaml.gz")]
    [InlineData("gemini-handkept-2026-03-11-3.2.0.yaml.gz")]
    public void Each_upstream_revision_generates_code_that_compiles_without_warnings(string revision)
    {
        var clock = Stopwatch.StartNew();
        var spec = Sync(revision);
        var synced = clock.Elapsed;

        var (compilation, diagnostics, files) = Generate(revision, spec);
        var problems = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

        // The provider's own adapters that were skipped (the other routes are not selected, so theirs always are).
        var skipped = diagnostics.Where(d => d.Id == "FDRY303").Select(d => d.GetMessage().Split(" adapter")[0].Substring("The ".Length))
            .Where(a => Providers[revision.Substring(0, revision.IndexOf('-'))].Adapters.Contains(a)).ToList();
        output.WriteLine($"| `{revision}` | {(problems.Count == 0 ? "compiles, 0 warnings" : problems.Count + " problems")} | {files} | {(skipped.Count == 0 ? "all generated" : "skipped (FDRY303): " + string.Join(", ", skipped))} | {diagnostics.Count(d => d.Id == "FDRY106")} | {synced.TotalSeconds:0.0} s + {(clock.Elapsed - synced).TotalSeconds:0.0} s |");
        foreach (var d in diagnostics.Concat(problems).Take(30))
        {
            output.WriteLine(d.ToString());
        }

        Assert.DoesNotContain(diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Empty(problems);
    }

    [Fact]
    public void Openai_stainless_2025_12_19_names_its_computer_action_Type2_and_converts_a_wrapped_response_format()
    {
        // Depends on that revision's types: OpenAi.Type (a computer action) in OpenAi.ComputerAction, discriminated by
        // 'type'; OpenAi.ResponseFormatJsonObject, primarily a member of another union, in TextResponseFormatConfiguration.
        const string revision = "openai-stainless-2025-12-19-3.1.0.yml.gz";
        var (compilation, diagnostics, _) = Generate(revision, Sync(revision));

        var rename = Assert.Single(diagnostics, d => d.Id == "FDRY106" && d.GetMessage().StartsWith("Schema 'OpenAi.Type'", StringComparison.Ordinal));
        Assert.Equal("Schema 'OpenAi.Type' would be named 'Type', which is taken by the discriminator property 'type' it inherits from union 'OpenAi.ComputerAction'; it is named 'Type2' instead", rename.GetMessage());
        Assert.Equal("OpenAi.ComputerAction", compilation.GetTypeByMetadataName("Foundry.Generated.OpenAi.Type2")!.BaseType!.ToDisplayString().Replace("Foundry.Generated.", string.Empty));
        var format = compilation.GetTypeByMetadataName("Foundry.Generated.OpenAi.TextResponseFormatConfiguration")!;
        Assert.Contains(format.GetMembers("op_Implicit").OfType<IMethodSymbol>(), m => m.Parameters[0].Type.Name == "ResponseFormatJsonObject");
    }

    [Fact]
    public void Anthropic_2025_10_29_has_a_required_stop_reason_and_the_Anthropic_adapter_still_compiles()
    {
        // Depends on that revision's types: MessageDelta.stop_reason is required and not nullable there (nullable now).
        const string revision = "anthropic-2025-10-29-3.0.4.yaml.gz";
        var (compilation, diagnostics, _) = Generate(revision, Sync(revision));

        var stopReason = compilation.GetTypeByMetadataName("Foundry.Generated.Anthropic.MessageDelta")!.GetMembers("StopReason").OfType<IPropertySymbol>().Single();
        Assert.Equal("Foundry.Generated.Anthropic.StopReason", stopReason.Type.ToDisplayString());
        Assert.DoesNotContain(diagnostics, d => d.Id == "FDRY303" && d.GetMessage().Contains("FoundryAnthropicChatClient", StringComparison.Ordinal));
        Assert.NotNull(compilation.GetTypeByMetadataName("Foundry.Generated.AI.FoundryAnthropicChatClient"));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }
}
