using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Foundry.Generated.Testing;

/// <summary>
/// Replays a recording: byte for byte without a fault; with one, the recorded events up to the fault, each as it was
/// recorded (its own line ends, comments and all), then the fault as a scripted reply has it: the stream cut after
/// event N, the provider's error event, a reset, or a stall.
/// </summary>
internal static class RecordedStreamWriter
{
    /// <summary>The fault kinds a replay applies (status: the engine answers the HTTP error instead; the others change
    /// how events are written, which the recording fixes).</summary>
    public static readonly string[] Kinds = ["cut", "midstream-error", "drop", "stall", "status"];

    public static bool IsEventStream(FoundryRecording recording) => recording.Status == 200 && recording.ContentType.StartsWith("text/event-stream", StringComparison.OrdinalIgnoreCase);

    public static async Task WriteAsync(IReplySink sink, FakeFoundry foundry, FoundryRecording recording, FoundryFault? fault, string dialect, CancellationToken token)
    {
        if (fault is null || !IsEventStream(recording) || Array.IndexOf(Kinds, fault.Kind) < 0 || fault.Kind == "status")
        {
            // Verbatim: the recorded framing (line ends, comments, chunking of events) is what the test is about.
            sink.StatusCode = recording.Status;
            sink.SetHeader("Content-Type", recording.ContentType);
            await sink.WriteAsync(recording.Body, token);
            return;
        }

        sink.StatusCode = 200;
        sink.SetHeader("Content-Type", recording.ContentType);
        sink.SetHeader("Cache-Control", "no-cache");
        await sink.StartAsync(token);
        var after = fault.Int("after", 2);
        var frames = Frames(recording.Body.Span, out var newline);
        var events = 0;
        foundry.StreamStarted();
        try
        {
            foreach (var (start, length, isEvent) in frames)
            {
                if (isEvent && events == after)
                {
                    await ApplyAsync(sink, fault, dialect, events, newline, token);
                    return;
                }

                await sink.WriteAsync(recording.Body.Slice(start, length), token);
                events += isEvent ? 1 : 0;
            }

            // A fault after more events than were recorded never comes, as with a scripted reply.
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            foundry.StreamAbortedByClient();
        }
        finally
        {
            foundry.StreamEnded();
        }
    }

    private static async Task ApplyAsync(IReplySink sink, FoundryFault fault, string dialect, int events, string newline, CancellationToken token)
    {
        switch (fault.Kind)
        {
            case "midstream-error":
                var e = ProviderReplies.MidStreamError(dialect, events);
                var text = (e.Name is null ? string.Empty : "event: " + e.Name + newline) + "data: " + e.Data + newline + newline;
                await sink.WriteAsync(Encoding.UTF8.GetBytes(text), token);
                return;
            case "drop":
                // Let the client read what was sent: a reset discards unread bytes on the client's side.
                await Task.Delay(fault.Int("delay-ms", 200), token);
                sink.Abort();
                return;
            case "stall":
                await Task.Delay(Timeout.Infinite, token);
                return;
            default:
                // cut: a clean end without the rest (the route's terminal event among it).
                return;
        }
    }

    /// <summary>Each frame of the body (an event or a comment block with the blank line that ends it), in order;
    /// trailing bytes without a blank line are the last frame.</summary>
    private static List<(int Start, int Length, bool IsEvent)> Frames(ReadOnlySpan<byte> body, out string newline)
    {
        newline = body.IndexOf("\r\n"u8) >= 0 ? "\r\n" : "\n";
        var frames = new List<(int, int, bool)>();
        var start = 0;
        var lineStart = 0;
        var hasData = false;
        var i = 0;
        while (i < body.Length)
        {
            var b = body[i];
            if (b is (byte)'\r' or (byte)'\n')
            {
                var end = b == '\r' && i + 1 < body.Length && body[i + 1] == '\n' ? i + 2 : i + 1;
                var line = body.Slice(lineStart, i - lineStart);
                if (line.StartsWith("data:"u8))
                {
                    hasData = true;
                }

                if (line.Length == 0 && lineStart > start)
                {
                    frames.Add((start, end - start, hasData));
                    start = end;
                    hasData = false;
                }
                else if (line.Length == 0)
                {
                    // A blank line with nothing before it: part of the next frame.
                }

                i = end;
                lineStart = end;
                continue;
            }

            i++;
        }

        if (start < body.Length)
        {
            var rest = body.Slice(start);
            frames.Add((start, body.Length - start, rest.IndexOf("data:"u8) >= 0));
        }

        return frames;
    }
}
