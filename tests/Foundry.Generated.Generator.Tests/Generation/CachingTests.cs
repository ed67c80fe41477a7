using System.Linq;
using Foundry.Generated.Generator.Pipeline;
using Foundry.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Foundry.Generated.Generator.Tests.Generation;

/// <summary>The pipeline re-runs only what an edit touches.</summary>
public sealed class CachingTests
{
    private static GeneratorDriver FirstRun(out Compilation compilation, out InMemoryAdditionalText catalog)
    {
        catalog = new InMemoryAdditionalText(GeneratorRun.CatalogPath, GeneratorRun.Fixture("small-catalog.json"));
        var texts = new AdditionalText[] { new InMemoryAdditionalText(GeneratorRun.SpecPath, GeneratorRun.Fixture("constructs.openapi.json")), catalog };
        compilation = GeneratorHarness.CreateCompilation("class A { }");
        return GeneratorHarness.CreateDriver(new FoundryGenerator(), texts).RunGenerators(compilation);
    }

    private static IncrementalStepRunReason[] Reasons(GeneratorDriver driver, string step)
        => driver.GetRunResult().Results.Single().TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();

    [Fact]
    public void An_unrelated_source_edit_leaves_every_step_cached()
    {
        var driver = FirstRun(out var compilation, out _);

        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { }", GeneratorHarness.ParseOptions)));

        foreach (var step in new[] { TrackingNames.Spec, TrackingNames.Catalog, TrackingNames.Types, TrackingNames.Clients, TrackingNames.Models })
        {
            Assert.All(Reasons(driver, step), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {r}"));
        }

        Assert.All(driver.GetRunResult().Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void On_the_checked_in_spec_an_unrelated_edit_re_emits_nothing()
    {
        // The issue 8 benchmark's claim, at full size (generation only, no compile: about a second).
        var texts = new AdditionalText[]
        {
            new InMemoryAdditionalText(GeneratorRun.SpecPath, System.IO.File.ReadAllText(RepoPaths.Spec("foundry-llm-proxy.openapi.json"))),
            new InMemoryAdditionalText(GeneratorRun.CatalogPath, System.IO.File.ReadAllText(RepoPaths.Spec("model-catalog.json"))),
        };
        var compilation = GeneratorHarness.CreateCompilation("class A { }");
        var driver = GeneratorHarness.CreateDriver(new FoundryGenerator(), texts).RunGenerators(compilation);
        Assert.True(driver.GetRunResult().GeneratedTrees.Length > 700);

        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { }", GeneratorHarness.ParseOptions)));

        var result = driver.GetRunResult().Results.Single();
        // Roslyn's own compilation input changes with every edit; every step of ours stays cached or unchanged,
        // including the referenced-libraries step that reads it.
        var ours = result.TrackedSteps.Where(s => s.Key != WellKnownGeneratorInputs.Compilation).SelectMany(s => s.Value).SelectMany(s => s.Outputs).ToList();
        Assert.All(ours, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        Assert.Contains(TrackingNames.Libraries, result.TrackedSteps.Keys);
        Assert.All(Reasons(driver, TrackingNames.Libraries), r => Assert.Equal(IncrementalStepRunReason.Unchanged, r));
        var outputs = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).ToList();
        Assert.True(outputs.Count > 700);
        Assert.All(outputs, o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void A_catalog_edit_regenerates_only_the_model_outputs()
    {
        var driver = FirstRun(out var compilation, out var catalog);
        var edited = new InMemoryAdditionalText(GeneratorRun.CatalogPath, catalog.GetText()!.ToString().Replace("\"GPT-5.2\"", "\"GPT-5.2 (renamed)\""));

        driver = driver.ReplaceAdditionalText(catalog, edited).RunGenerators(compilation);

        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(driver, TrackingNames.Models));
        Assert.All(Reasons(driver, TrackingNames.Spec), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        Assert.All(Reasons(driver, TrackingNames.Types), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        Assert.Contains("GPT-5.2 (renamed)", GeneratorRun.Source(driver, "Foundry.Generated.Models.FoundryModels.g.cs"));
    }

    [Fact]
    public void Pipeline_step_outputs_hold_no_compilation_or_symbols()
    {
        var driver = FirstRun(out _, out _);

        // Roslyn's own compilation input is the only step allowed to hold a Compilation.
        foreach (var step in driver.GetRunResult().Results.Single().TrackedSteps.Where(s => s.Key != WellKnownGeneratorInputs.Compilation).SelectMany(s => s.Value))
        {
            foreach (var (value, _) in step.Outputs)
            {
                Assert.False(value is Compilation or ISymbol or SyntaxNode, $"{step.Name} holds {value?.GetType()}");
            }
        }
    }
}
