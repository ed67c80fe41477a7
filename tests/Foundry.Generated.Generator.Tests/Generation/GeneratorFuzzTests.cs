using System.Linq;
using CsCheck;
using Foundry.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Foundry.Generated.Generator.Tests.Generation;

/// <summary>Mutated specs and catalogs give diagnostics, never a generator exception (CS8785).</summary>
public sealed class GeneratorFuzzTests
{
    private static readonly string Spec = GeneratorRun.Fixture("constructs.openapi.json");
    private static readonly string Catalog = GeneratorRun.Fixture("small-catalog.json");

    /// <summary>The text with a few characters replaced, removed or duplicated — mostly still JSON-shaped.</summary>
    private static Gen<string> Mutations(string text)
        => Gen.Select(Gen.Int[0, text.Length - 1].Array[1, 6], Gen.Char["{}[]\":,0a-\n"].Array[1, 6], Gen.Int[0, 2])
            .Select((positions, chars, kind) =>
            {
                var sb = new System.Text.StringBuilder(text);
                for (var i = 0; i < positions.Length; i++)
                {
                    var p = System.Math.Min(positions[i], sb.Length - 1);
                    switch (kind)
                    {
                        case 0: sb[p] = chars[i % chars.Length]; break;
                        case 1: sb.Remove(p, 1); break;
                        default: sb.Insert(p, sb[p]); break;
                    }
                }

                return sb.ToString();
            });

    private static void RunsWithoutThrowing(string? spec, string? catalog)
    {
        var (_, diagnostics, driver) = GeneratorRun.Run(spec, catalog);

        Assert.Null(driver.GetRunResult().Results.Single().Exception);
        Assert.DoesNotContain(diagnostics, d => d.Id is "CS8785" or "CS8784");
        NoCaughtCrash(spec, diagnostics);
    }

    /// <summary>
    /// FDRY101 and FDRY108 are what the generator's catch-alls report when reading or emitting threw: for a spec that is
    /// valid JSON that is a generator bug, not a diagnostic.
    /// </summary>
    internal static void NoCaughtCrash(string? spec, System.Collections.Generic.IEnumerable<Diagnostic> diagnostics)
    {
        if (spec != null && IsJson(spec))
        {
            var crash = diagnostics.FirstOrDefault(d => d.Id is "FDRY101" or "FDRY108");
            Assert.True(crash == null, "valid JSON crashed the generator: " + crash + "\n" + spec);
        }
    }

    internal static bool IsJson(string text)
    {
        try
        {
            using var _ = System.Text.Json.JsonDocument.Parse(text);
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    [Fact]
    public void Mutated_specs_give_diagnostics_not_crashes() => Mutations(Spec).Sample(s => RunsWithoutThrowing(s, Catalog), iter: 500, threads: 1);

    [Fact]
    public void Mutated_catalogs_give_diagnostics_not_crashes() => Mutations(Catalog).Sample(c => RunsWithoutThrowing(Spec, c), iter: 500, threads: 1);
}
