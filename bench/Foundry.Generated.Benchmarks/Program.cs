using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Foundry.Generated.Benchmarks -- --filter '*' [--job short]
BenchmarkSwitcher.FromAssembly(typeof(Foundry.Generated.Benchmarks.StreamingDecodeBenchmarks).Assembly).Run(args);
