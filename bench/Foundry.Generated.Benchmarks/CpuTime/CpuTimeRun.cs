using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace Foundry.Generated.Benchmarks.CpuTime;

/// <summary>
/// The streaming rows of <see cref="StreamingDecodeBenchmarks"/>, alternated round by round and timed by this thread's
/// CPU time (<c>CLOCK_THREAD_CPUTIME_ID</c>): every row runs synchronously on the in-memory handler, so a busy or
/// shared machine, which scatters wall-clock times, barely moves these. Prints min and median per row after warm-up.
/// </summary>
public static class CpuTimeRun
{
    private const int ThreadCpuClock = 3;

    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 100;
        var filter = args.Length > 1 ? args[1] : string.Empty;
        var bench = new StreamingDecodeBenchmarks();
        bench.Setup();
        var rows = new (string Name, Func<Task<int>> Run)[]
        {
            ("Chat: Foundry.Generated", bench.ChatFoundry),
            ("Chat: Foundry.Generated, accumulated", bench.ChatFoundryAccumulated),
            ("Chat: Foundry.Generated, StreamTextAsync", bench.ChatFoundryText),
            ("Chat: OpenAI SDK 2.15", bench.ChatOpenAi),
            ("Chat: floor", bench.ChatFloor),
            ("Chat: floor reading every token", bench.ChatFloorWholeEvent),
            ("Chat: generated types only", bench.ChatTypedOnly),
            ("Responses: Foundry.Generated", bench.ResponsesFoundry),
            ("Responses: Foundry.Generated, accumulated", bench.ResponsesFoundryAccumulated),
            ("Responses: Foundry.Generated, structured output", bench.ResponsesFoundryStructured),
            ("Responses: Foundry.Generated, StreamTextAsync", bench.ResponsesFoundryText),
            ("Responses: OpenAI SDK 2.15", bench.ResponsesOpenAi),
            ("Responses: floor", bench.ResponsesFloor),
            ("Responses: floor reading every token", bench.ResponsesFloorWholeEvent),
            ("Responses: generated types only", bench.ResponsesTypedOnly),
        };
        // A filter naming one row exactly runs that row alone (e.g. under a profiler); otherwise every row containing it.
        rows = rows.Any(r => r.Name == filter)
            ? rows.Where(r => r.Name == filter).ToArray()
            : rows.Where(r => r.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)).ToArray();
        var warmUp = Math.Min(15, rounds / 4);
        var times = rows.ToDictionary(r => r.Name, _ => new List<double>());
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (name, run) in rows)
            {
                var start = ThreadCpuMilliseconds();
                var task = run();
                if (!task.IsCompleted)
                {
                    Console.Error.WriteLine($"{name} did not complete synchronously: its CPU time is not all on this thread");
                }

                await task;
                if (round >= warmUp)
                {
                    times[name].Add(ThreadCpuMilliseconds() - start);
                }
            }
        }

        Console.WriteLine($"| row ({StreamingDecodeBenchmarks.Deltas:N0} deltas, {rounds - warmUp} rounds) | min (ms CPU) | median (ms CPU) |");
        Console.WriteLine("|---|---|---|");
        foreach (var (name, list) in times)
        {
            list.Sort();
            Console.WriteLine($"| {name} | {list[0]:0.00} | {list[list.Count / 2]:0.00} |");
        }

        return 0;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    private static double ThreadCpuMilliseconds()
    {
        ClockGetTime(ThreadCpuClock, out var time);
        return (time.Seconds * 1e9 + time.Nanoseconds) / 1e6;
    }
}
