using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Foundry.Generated.Benchmarks.Generator;

/// <summary>
/// The generator on the checked-in spec and catalog, in process: a cold run (new driver, nothing cached; the
/// process itself is warm, so no JIT — see the `generator` console mode for a first run in a fresh process) and an
/// incremental run after an unrelated edit (a warm driver, one more syntax tree).
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private AdditionalText[] _texts = [];
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private GeneratorDriver _warm = null!;

    [GlobalSetup]
    public void Setup()
    {
        _texts = GeneratorInputs.Texts();
        _compilation = GeneratorInputs.Compilation();
        _edited = _compilation.AddSyntaxTrees(GeneratorInputs.UnrelatedTree(1));
        _warm = GeneratorInputs.Driver(_texts, trackSteps: false).RunGenerators(_compilation);
    }

    [Benchmark(Description = "Generator: cold (new driver)")]
    public GeneratorDriver Cold() => GeneratorInputs.Driver(_texts, trackSteps: false).RunGenerators(_compilation);

    [Benchmark(Description = "Generator: unrelated edit (warm driver)")]
    public GeneratorDriver UnrelatedEdit() => _warm.RunGenerators(_edited);
}
