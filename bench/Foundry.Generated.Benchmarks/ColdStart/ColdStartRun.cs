using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using OpenAI.Chat;
using OpenAI.Responses;

namespace Foundry.Generated.Benchmarks.ColdStart;

/// <summary>
/// The first stream of a fresh process, where JIT compilation dominates: time to the first event, the longest gap
/// between two events, and the whole stream, then the same stream again in the same process. Run it as a new
/// process each time (<c>coldstart foundry|sdk responses|chat</c>); in-process BenchmarkDotNet runs are warm.
/// </summary>
internal static class ColdStartRun
{
    private const int Deltas = 16;

    public static async Task<int> RunAsync(string[] args)
    {
        var client = args.Length > 0 ? args[0] : "foundry";
        var stream = args.Length > 1 ? args[1] : "responses";
        if (client is not ("foundry" or "sdk") || stream is not ("responses" or "chat"))
        {
            Console.Error.WriteLine("usage: coldstart foundry|sdk responses|chat");
            return 2;
        }

        var body = stream == "responses" ? RecordedStreams.Responses(Deltas) : RecordedStreams.Chat(Deltas);
        for (var run = 1; run <= 2; run++)
        {
            var started = Stopwatch.GetTimestamp();
            var stamps = new List<long>();
            var events = (client, stream) switch
            {
                ("foundry", "responses") => await Foundry(body, chat: false, stamps),
                ("foundry", _) => await Foundry(body, chat: true, stamps),
                (_, "responses") => await SdkResponses(body, stamps),
                _ => await SdkChat(body, stamps),
            };
            var ms = stamps.Select(s => Stopwatch.GetElapsedTime(started, s).TotalMilliseconds).ToList();
            var gap = ms.Zip(ms.Skip(1), (a, b) => b - a).DefaultIfEmpty(0).Max();
            Console.WriteLine($"{client} {stream} run {run}: {events} events; first event {ms[0]:0.0} ms, longest gap {gap:0.0} ms, whole stream {ms[^1]:0.0} ms");
        }

        return 0;
    }

    // The client is made inside the timed region: a cold caller pays for it too.
    private static async Task<int> Foundry(byte[] body, bool chat, List<long> stamps)
    {
        using var client = InMemoryClients.Foundry(body);
        if (chat)
        {
            await foreach (var _ in client.OpenAiChatCompletions.StreamAsync(InMemoryClients.ChatRequest()))
            {
                stamps.Add(Stopwatch.GetTimestamp());
            }
        }
        else
        {
            await foreach (var _ in client.OpenAiResponses.StreamAsync(InMemoryClients.ResponsesRequest()))
            {
                stamps.Add(Stopwatch.GetTimestamp());
            }
        }

        return stamps.Count;
    }

    private static async Task<int> SdkResponses(byte[] body, List<long> stamps)
    {
        var client = InMemoryClients.OpenAiResponses(body);
        await foreach (var _ in await client.CreateResponseStreamingAsync("gpt-5-mini", "hi", null))
        {
            stamps.Add(Stopwatch.GetTimestamp());
        }

        return stamps.Count;
    }

    private static async Task<int> SdkChat(byte[] body, List<long> stamps)
    {
        var client = InMemoryClients.OpenAiChat(body);
        await foreach (var _ in client.CompleteChatStreamingAsync([new UserChatMessage("hi")]))
        {
            stamps.Add(Stopwatch.GetTimestamp());
        }

        return stamps.Count;
    }
}
