using System;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Foundry.Generated.Benchmarks -- --filter '*' [--job short --inProcess]
// dotnet run -c Release --project bench/Foundry.Generated.Benchmarks -- generator [runs]
// dotnet run -c Release --project bench/Foundry.Generated.Benchmarks -- concurrency [--streams 500] [--rounds 5]
// dotnet run -c Release --project bench/Foundry.Generated.Benchmarks -- coldstart foundry|sdk responses|chat
// dotnet run -c Release --project bench/Foundry.Generated.Benchmarks -- cpu [rounds] [row filter]
switch (args.Length > 0 ? args[0] : string.Empty)
{
    case "generator":
        return Foundry.Generated.Benchmarks.Generator.GeneratorRun.Run(args[1..]);
    case "concurrency":
        return await Foundry.Generated.Benchmarks.Concurrency.ConcurrencyRun.RunAsync(args[1..]);
    case "cpu":
        return await Foundry.Generated.Benchmarks.CpuTime.CpuTimeRun.RunAsync(args[1..]);
    case "coldstart":
        return await Foundry.Generated.Benchmarks.ColdStart.ColdStartRun.RunAsync(args[1..]);
    default:
        BenchmarkSwitcher.FromAssembly(typeof(Foundry.Generated.Benchmarks.StreamingDecodeBenchmarks).Assembly).Run(args);
        return 0;
}
