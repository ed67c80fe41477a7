using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Foundry.Generated.Testing;

/// <summary>Writes events with the provider's framing and applies the request's fault, deterministically.</summary>
internal sealed class EventStreamWriter
{
    private readonly IReplySink _sink;
    private readonly FoundryFault? _fault;
    private readonly string _dialect;
    private readonly TimeSpan _eventDelay;

    public EventStreamWriter(IReplySink sink, FoundryFault? fault, string dialect, TimeSpan eventDelay)
    {
        _sink = sink;
        _fault = fault;
        _dialect = dialect;
        _eventDelay = eventDelay;
    }

    public async Task WriteAsync(IReadOnlyList<WireEvent> events, CancellationToken token)
    {
        _sink.StatusCode = 200;
        _sink.SetHeader("Content-Type", "text/event-stream");
        _sink.SetHeader("Cache-Control", "no-cache");
        await _sink.StartAsync(token);
        var crlf = _dialect == "gemini";
        var kind = _fault?.Kind;
        var after = _fault?.Int("after", 2) ?? int.MaxValue;

        if (kind == "oversized")
        {
            await WriteFrameAsync(new WireEvent(null, "{\"padding\":\"" + new string('x', _fault!.Int("bytes", 100_000)) + "\"}"), crlf, token);
        }

        for (var i = 0; i < events.Count; i++)
        {
            if (i == after)
            {
                switch (kind)
                {
                    case "midstream-error":
                        await WriteFrameAsync(ProviderReplies.MidStreamError(_dialect, i), crlf, token);
                        return;
                    case "drop":
                        // Let the client read what was sent: a reset discards unread bytes on the client's side.
                        await Task.Delay(_fault!.Int("delay-ms", 200), token);
                        _sink.Abort();
                        return;
                    case "stall":
                        await Task.Delay(Timeout.Infinite, token);
                        return;
                    case "cut":
                        // A clean end without the route's terminal event: the client reports a truncated stream.
                        return;
                }
            }

            var e = events[i];
            if (kind == "invalid-json" && i == _fault!.Int("at", 2))
            {
                e = e with { Data = "{\"type\": \"broken\", \"delta\": " };
            }

            await WriteFrameAsync(e, crlf, token);
            var delay = kind == "slow" ? TimeSpan.FromMilliseconds(_fault!.Int("delay-ms", 50)) : _eventDelay;
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, token);
            }
        }
    }

    private async Task WriteFrameAsync(WireEvent e, bool crlf, CancellationToken token)
    {
        var newline = crlf ? "\r\n" : "\n";
        var text = (e.Name is null ? string.Empty : "event: " + e.Name + newline) + "data: " + e.Data + newline + newline;
        var bytes = Encoding.UTF8.GetBytes(text);
        if (_fault?.Kind == "split")
        {
            // Tiny writes, flushed one by one: the client sees lines and UTF-8 sequences cut anywhere.
            var size = Math.Max(1, _fault.Int("bytes", 7));
            for (var offset = 0; offset < bytes.Length; offset += size)
            {
                await _sink.WriteAsync(bytes.AsMemory(offset, Math.Min(size, bytes.Length - offset)), token);
            }

            return;
        }

        await _sink.WriteAsync(bytes, token);
    }
}
