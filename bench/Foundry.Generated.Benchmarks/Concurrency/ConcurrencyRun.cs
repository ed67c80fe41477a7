using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Foundry.Generated.Emulator;
using Foundry.Generated.OpenAi;

namespace Foundry.Generated.Benchmarks.Concurrency;

/// <summary>
/// `concurrency` mode: N streams at once through the loopback emulator from one process, in rounds that alternate
/// between the generated client and a raw HttpClient posting the same bytes to the same endpoint. Measures each
/// stream's time to its first event (generated: StreamAsync until the first typed event; raw: SendAsync until the
/// first complete SSE <c>data:</c> line), reads every stream to its end, and counts errors. Exit code 1 on any error
/// or if the streams did not all run at once.
/// </summary>
internal static class ConcurrencyRun
{
    private const string Prompt = "Tell me a 10 word story";

    public static async Task<int> RunAsync(string[] args)
    {
        var streams = Option(args, "--streams", 500);
        var rounds = Option(args, "--rounds", 6);
        var warmups = Option(args, "--warmup", 3);
        var eventDelayMs = Option(args, "--event-delay-ms", 100);
        var rampMs = Option(args, "--ramp-ms", 1000);
        var mixed = Array.IndexOf(args, "--mixed") >= 0;

        // Kestrel: MaxConcurrentConnections is unlimited unless set (the emulator does not set it) and the listen
        // backlog is 512, so N <= 500 simultaneous connects are accepted. The event delay keeps every stream open
        // (≈16 events × delay) longer than the start ramp, so all N streams are open at once (checked below); it is
        // applied after each event, so it does not delay the first one.
        await using var emulator = await FoundryProxyEmulator.StartAsync(new EmulatorOptions { EventDelay = TimeSpan.FromMilliseconds(eventDelayMs) });
        var options = new FoundryClientOptions { BaseUrl = emulator.BaseUrl, Token = emulator.Token };

        // The generated client owns its handler, as a user gets it: SocketsHttpHandler, MaxConnectionsPerServer
        // left at its default (int.MaxValue), so N streams use N connections.
        using var generated = new FoundryLlmClient(options);
        var request = new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = Prompt };

        // The raw side posts exactly the bytes and headers the generated client sends (captured once), on the same
        // handler settings.
        var wire = await CapturedRequest.CaptureAsync(options, request);
        using var raw = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), MaxConnectionsPerServer = int.MaxValue }) { Timeout = Timeout.InfiniteTimeSpan };

        Console.WriteLine($"{streams} concurrent streams per round ({(mixed ? "both sides interleaved in one round, half each" : "one side per round, alternating ABBA")}), {rounds} measured rounds, {warmups} warm-up rounds, event delay {eventDelayMs} ms, starts spread over {rampMs} ms");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}");
        Console.WriteLine($"Request: POST {wire.Uri.PathAndQuery}, {wire.Body.Length} bytes: {System.Text.Encoding.UTF8.GetString(wire.Body)}");

        var generatedRun = new Side("generated client", (s, ct) => GeneratedStreamAsync(generated, request, s, ct));
        var rawRun = new Side("raw HttpClient", (s, ct) => RawStreamAsync(raw, wire, s, ct));

        // Warm-up: JIT up to tier 1, and N pooled connections per side.
        for (var i = 0; i < warmups; i++)
        {
            await RoundAsync([rawRun], emulator, streams, rampMs, record: false);
            await RoundAsync([generatedRun], emulator, streams, rampMs, record: false);
        }

        Console.WriteLine($"After warm-up: {emulator.OpenConnections} connections open at the emulator; errors so far raw {rawRun.Errors}, generated {generatedRun.Errors}");
        var warmupErrors = rawRun.Errors + generatedRun.Errors;
        rawRun.Errors = generatedRun.Errors = 0;

        var minOpen = int.MaxValue;
        for (var i = 0; i < rounds; i++)
        {
            if (mixed)
            {
                minOpen = Math.Min(minOpen, await RoundAsync(i % 2 == 0 ? [rawRun, generatedRun] : [generatedRun, rawRun], emulator, streams, rampMs, record: true));
                continue;
            }

            // ABBA order so drift on a shared machine hits both sides alike.
            var (a, b) = i % 2 == 0 ? (rawRun, generatedRun) : (generatedRun, rawRun);
            minOpen = Math.Min(minOpen, await RoundAsync([a], emulator, streams, rampMs, record: true));
            minOpen = Math.Min(minOpen, await RoundAsync([b], emulator, streams, rampMs, record: true));
        }

        Console.WriteLine();
        Console.WriteLine("Time to first event, all measured rounds pooled (ms):");
        Console.WriteLine($"  {"side",-18} {"n",6} {"p50",8} {"p90",8} {"p99",8} {"max",8} {"errors",7} {"peak open (min over rounds)",28}");
        foreach (var side in new[] { rawRun, generatedRun })
        {
            var t = side.Times;
            Console.WriteLine($"  {side.Name,-18} {t.Count,6} {P(t, 50),8:0.00} {P(t, 90),8:0.00} {P(t, 99),8:0.00} {t.Max(),8:0.00} {side.Errors,7} {side.PeakOpen,28}");
        }

        var d50 = P(generatedRun.Times, 50) - P(rawRun.Times, 50);
        var d99 = P(generatedRun.Times, 99) - P(rawRun.Times, 99);
        var roundD99 = generatedRun.Rounds.Zip(rawRun.Rounds, (g, r) => g.P99 - r.P99).ToList();
        Console.WriteLine($"  added by the generated client: p50 {d50:+0.00;-0.00;0.00} ms, p99 {d99:+0.00;-0.00;0.00} ms, max {generatedRun.Times.Max() - rawRun.Times.Max():+0.00;-0.00;0.00} ms; median of per-round p99 differences {P(roundD99, 50):+0.00;-0.00;0.00} ms");
        Console.WriteLine("Per round p50/p99 (ms):");
        Console.WriteLine("  raw:       " + string.Join("  ", rawRun.Rounds.Select(r => $"{r.P50:0.0}/{r.P99:0.0}")));
        Console.WriteLine("  generated: " + string.Join("  ", generatedRun.Rounds.Select(r => $"{r.P50:0.0}/{r.P99:0.0}")));
        Console.WriteLine("  p99 difference per round: " + string.Join("  ", roundD99.Select(d => $"{d:+0.0;-0.0;0.0}")));

        var errors = rawRun.Errors + generatedRun.Errors + warmupErrors;
        var allOpen = minOpen >= streams;
        Console.WriteLine($"Errors (warm-up included): {errors}. All {streams} streams open at once in every round: {(allOpen ? "yes" : "NO")}. p99 overhead goal (< 5 ms): {(d99 < 5 ? "met" : "not met")} on pooled p99 (noisy on a shared 2-core machine: read the per-round differences too).");
        return errors == 0 && allOpen ? 0 : 1;
    }

    private static async Task<int> RoundAsync(Side[] sides, FoundryProxyEmulator emulator, int streams, int rampMs, bool record)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var open = sides.Select(_ => new OpenCounter()).ToArray();
        var times = new double[streams];
        var ok = new bool[streams];
        var tasks = new Task[streams];
        var emulatorPeak = 0;
        var totalOpen = new OpenCounter();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        for (var i = 0; i < streams; i++)
        {
            var index = i;
            var s = index % sides.Length;
            var side = sides[s];
            tasks[i] = Task.Run(async () =>
            {
                await gate.Task;
                if (rampMs > 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds((double)rampMs * index / streams));
                }

                times[index] = -1;
                try
                {
                    var start = Stopwatch.GetTimestamp();
                    ok[index] = await side.Stream(new StreamProbe(start, times, index, open[s], totalOpen), cts.Token);
                    if (!ok[index] && Interlocked.Increment(ref side.ErrorCount) <= 3)
                    {
                        Console.WriteLine($"  {side.Name} stream {index} did not end normally (no completed event)");
                    }
                }
                catch (Exception e)
                {
                    if (Interlocked.Increment(ref side.ErrorCount) <= 3)
                    {
                        Console.WriteLine($"  {side.Name} stream {index} failed: {e.GetType().Name}: {e.Message}");
                    }
                }
            });
        }

        var sampling = Task.Run(async () =>
        {
            while (!cts.IsCancellationRequested && !tasks.All(t => t.IsCompleted))
            {
                emulatorPeak = Math.Max(emulatorPeak, emulator.ActiveStreams);
                await Task.Delay(1);
            }
        });
        var gcPause = GC.GetTotalPauseDuration();
        var gcCounts = new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) };
        gate.SetResult();
        await Task.WhenAll(tasks);
        gcPause = GC.GetTotalPauseDuration() - gcPause;
        var gcs = $"GCs gen0/1/2 {GC.CollectionCount(0) - gcCounts[0]}/{GC.CollectionCount(1) - gcCounts[1]}/{GC.CollectionCount(2) - gcCounts[2]}, paused {gcPause.TotalMilliseconds:0} ms";
        await sampling;

        for (var s = 0; s < sides.Length; s++)
        {
            var side = sides[s];
            var measured = Enumerable.Range(0, streams).Where(i => i % sides.Length == s && ok[i] && times[i] >= 0).Select(i => times[i]).ToList();
            if (record)
            {
                side.Times.AddRange(measured);
                side.Rounds.Add((P(measured, 50), P(measured, 99)));
                side.PeakOpen = side.Rounds.Count == 1 ? open[s].Peak : Math.Min(side.PeakOpen, open[s].Peak);
            }

            Console.WriteLine($"  {(record ? "round" : "warm-up"),-7} {side.Name,-18} p50 {P(measured, 50),7:0.00} ms  p99 {P(measured, 99),7:0.00} ms  max {(measured.Count > 0 ? measured.Max() : 0),7:0.00} ms  peak open streams: this side {open[s].Peak}, all {totalOpen.Peak}, at the emulator {emulatorPeak}; {gcs}");
        }

        return Math.Min(totalOpen.Peak, emulatorPeak);
    }

    private static async Task<bool> GeneratedStreamAsync(FoundryLlmClient client, CreateResponse request, StreamProbe probe, CancellationToken ct)
    {
        var completed = false;
        var first = true;
        await foreach (var e in client.OpenAiResponses.StreamAsync(request, ct))
        {
            if (first)
            {
                probe.FirstEvent();
                first = false;
            }

            completed |= e is ResponseCompletedEvent;
        }

        probe.Ended();
        return completed;
    }

    private static async Task<bool> RawStreamAsync(HttpClient http, CapturedRequest wire, StreamProbe probe, CancellationToken ct)
    {
        using var message = wire.NewMessage();
        using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"status {(int)response.StatusCode}");
        }

        await using var body = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[16 * 1024];
        var filled = 0;
        var found = false;
        var completed = false;
        while (true)
        {
            var read = await body.ReadAsync(buffer.AsMemory(filled), ct);
            if (read == 0)
            {
                break;
            }

            filled += read;
            if (!found && FirstDataLineEnds(buffer.AsSpan(0, filled)))
            {
                probe.FirstEvent();
                found = true;
            }

            // Keep only a tail (enough to see the last event's type); the first-line scan is done by then.
            completed |= buffer.AsSpan(0, filled).IndexOf("\"response.completed\""u8) >= 0;
            if (filled > buffer.Length / 2)
            {
                var keep = Math.Min(filled, 64);
                Buffer.BlockCopy(buffer, filled - keep, buffer, 0, keep);
                filled = keep;
            }
        }

        probe.Ended();
        return found && completed;
    }

    /// <summary>True when the bytes hold a whole line starting with <c>data:</c>.</summary>
    private static bool FirstDataLineEnds(ReadOnlySpan<byte> bytes)
    {
        var lineStart = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                if (bytes.Slice(lineStart, i - lineStart).StartsWith("data:"u8))
                {
                    return true;
                }

                lineStart = i + 1;
            }
        }

        return false;
    }

    private static double P(List<double> values, int percentile)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.OrderBy(v => v).ToList();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) ? value : fallback;
    }

    private sealed class Side(string name, Func<StreamProbe, CancellationToken, Task<bool>> stream)
    {
        public int ErrorCount;

        public string Name { get; } = name;

        public Func<StreamProbe, CancellationToken, Task<bool>> Stream { get; } = stream;

        public List<double> Times { get; } = new();

        public List<(double P50, double P99)> Rounds { get; } = new();

        public int PeakOpen { get; set; }

        public int Errors
        {
            get => Volatile.Read(ref ErrorCount);
            set => Volatile.Write(ref ErrorCount, value);
        }
    }

    private sealed class OpenCounter
    {
        private int _open;
        private int _peak;

        public int Peak => Volatile.Read(ref _peak);

        public void Opened()
        {
            var now = Interlocked.Increment(ref _open);
            int peak;
            while (now > (peak = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, peak) != peak)
            {
            }
        }

        public void Closed() => Interlocked.Decrement(ref _open);
    }

    /// <summary>Records one stream's time to first event and whether it is open.</summary>
    private sealed class StreamProbe(long start, double[] times, int index, OpenCounter open, OpenCounter total)
    {
        public void FirstEvent()
        {
            times[index] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            open.Opened();
            total.Opened();
        }

        public void Ended()
        {
            open.Closed();
            total.Closed();
        }
    }
}
