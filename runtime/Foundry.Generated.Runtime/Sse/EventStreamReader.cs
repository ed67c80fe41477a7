using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Foundry.Generated.Runtime;

/// <summary>
/// One streaming call: sends the request through the <see cref="FoundryTransport"/>, checks the answer is an event stream, parses its events with <see cref="SseParser"/> under
/// the idle timeout and the event size limit, decodes each with the stream value reader (typed
/// events or text), and turns every way a stream can fail into one <see cref="FoundryStreamException"/>.
/// </summary>
internal static class EventStreamReader
{
    /// <summary>How many bytes of a body that is not an event stream an error shows.</summary>
    public const int PreviewBytes = 256;

    // state: given to the reader's ForStream when the stream starts (an accumulator), or null.
    public static async IAsyncEnumerable<TValue> ReadAsync<TRequest, TValue, TReader>(FoundryTransport transport, FoundryOperation operation, TRequest request, FoundryClientOptions options, ILogger logger, object? state, [EnumeratorCancellation] CancellationToken cancellationToken)
        where TRequest : IFoundryJsonWritable
        where TReader : struct, IStreamValueReader<TReader, TValue>
    {
        using var failures = new CallFailures(operation, stream: true, options, logger);
        HttpResponseMessage response;
        try
        {
            response = await transport.SendAsync(operation, request, stream: true, options, failures, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not FoundryException and not OperationCanceledException)
        {
            failures.Unexpected(e);
            throw;
        }

        // Disposing the response returns a fully read connection to the pool and closes an unfinished one (on an error or
        // an early break; at once with the pipeline's own handler). Cancelling the token closes it at once.
        using var disposeResponse = response;
        options.CallResponseHead?.Invoke(FoundryResponseHead.From(response, failures.Scrubber));
        var head = new HeadRecordingStream(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), PreviewBytes);
        using var idle = new IdleTimeoutStream(head, options.StreamIdleTimeout, options.TimeProvider, cancellationToken);
        if (!IsEventStream(response))
        {
            var preview = await PreviewAsync(idle, head, failures.Scrubber, cancellationToken).ConfigureAwait(false);
            var contentType = response.Content.Headers.ContentType?.ToString() is { Length: > 0 } type ? "is " + type : "has no content type";
            throw failures.Stream(FoundryStreamFailure.NotAnEventStream, "not_event_stream", 0, 0, null, $"the {(int)response.StatusCode} response {contentType}, not text/event-stream; {preview}");
        }

        var maxBytes = options.MaxEventBytes;
        var body = new EventSizeLimitStream(idle, maxBytes);
        // Per stream, never shared between two enumerations: e.g. the cache of ids and model names.
        var values = TReader.ForStream(operation.Route, state, failures.Scrubber);
        var scanUsage = FoundryTelemetry.RecordsUsage(failures.Activity);
        var terminal = new StreamTerminal(FoundryRoutes.GetStreamDialect(operation.Route), options.FailOnIncompleteResponse);
        var parser = SseParser.Create(body, (type, data) => StreamEventDecoder.Decode<TValue, TReader>(values, terminal, type, data, maxBytes, scanUsage));
        var delivered = 0;
        var usage = new UsageScanner();
        await using var events = parser.EnumerateAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            SseItem<DecodedEvent<TValue>> item;
            try
            {
                if (!await events.MoveNextAsync().ConfigureAwait(false))
                {
                    break;
                }

                item = events.Current;
            }
            catch (TimeoutException e) when (idle.TimedOut)
            {
                throw failures.Stream(FoundryStreamFailure.IdleTimeout, "idle_timeout", delivered, terminal.Events, null, $"the stream sent nothing for {options.StreamIdleTimeout.TotalSeconds:0.###} s", inner: e);
            }
            catch (EventTooLargeException e)
            {
                throw failures.Stream(FoundryStreamFailure.EventTooLarge, "event_too_large", delivered, terminal.Events, null, e.Message);
            }
            catch (Exception e) when (e is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
            {
                throw failures.Stream(FoundryStreamFailure.ConnectionLost, "connection_lost", delivered, terminal.Events, null, "the connection broke mid-stream: " + e.Message, inner: e);
            }

            cancellationToken.ThrowIfCancellationRequested();
            var decoded = item.Data;
            switch (decoded.Kind)
            {
                case DecodedKind.Skip:
                    usage.Observe(decoded.InputTokens, decoded.OutputTokens);
                    if (decoded.FailsStream)
                    {
                        throw ResponseFailed(failures, delivered, terminal, item.EventType, decoded);
                    }

                    continue;
                case DecodedKind.Done:
                    if (Truncated(terminal, options) is { } cutShort)
                    {
                        throw failures.Stream(FoundryStreamFailure.Truncated, "truncated", delivered, terminal.Events, item.EventType, cutShort);
                    }

                    failures.Completed(usage.Result);
                    yield break;
                // The failing event itself is not counted as arrived: "after N events" are those before it.
                case DecodedKind.Error:
                    throw failures.Stream(FoundryStreamFailure.ErrorEvent, decoded.Code ?? "stream_error", delivered, terminal.Events - 1, item.EventType, decoded.Message!, decoded.Code, decoded.Type);
                case DecodedKind.Invalid:
                    throw failures.Stream(FoundryStreamFailure.InvalidEvent, "invalid_event", delivered, terminal.Events - 1, item.EventType, $"event #{terminal.Events} ({item.EventType}) could not be decoded: {decoded.Message}");
                case DecodedKind.TooLarge:
                    throw failures.Stream(FoundryStreamFailure.EventTooLarge, "event_too_large", delivered, terminal.Events, item.EventType, decoded.Message!);
            }

            if (delivered == 0)
            {
                failures.FirstEvent();
            }

            delivered++;
            usage.Observe(decoded.InputTokens, decoded.OutputTokens);
            yield return decoded.Value!;
            if (decoded.FailsStream)
            {
                // StreamAsync delivers the response.failed event itself (it carries the response), then fails.
                throw ResponseFailed(failures, delivered, terminal, item.EventType, decoded);
            }
        }

        // A body that closes cleanly is not proof of a whole answer: a proxy or load balancer that gives up can
        // end the chunked body as if the model had finished.
        cancellationToken.ThrowIfCancellationRequested();
        if (body.PendingEventBytes > 0 && !terminal.Ended && !options.AllowMissingStreamTerminal)
        {
            // The parser drops an event the body cut off (no closing blank line), as the SSE standard says.
            var which = terminal.Events == 0 ? "its first event" : $"event #{terminal.Events + 1}";
            throw failures.Stream(FoundryStreamFailure.Truncated, "truncated", delivered, terminal.Events, null, $"the stream ended inside {which}: {body.PendingEventBytes:N0} bytes arrived without the blank line that ends an event, so that event was cut off; {Truncated(terminal, options)}");
        }

        if (terminal.Events == 0)
        {
            throw failures.Stream(FoundryStreamFailure.NotAnEventStream, "not_event_stream", delivered, 0, null, $"the text/event-stream response held no event; {Preview(head, failures.Scrubber)}");
        }

        if (Truncated(terminal, options) is { } truncated)
        {
            throw failures.Stream(FoundryStreamFailure.Truncated, "truncated", delivered, terminal.Events, null, truncated);
        }

        failures.Completed(usage.Result);
        Log.StreamCompleted(logger, operation.Route, delivered);
    }

    private static FoundryStreamException ResponseFailed<TValue>(CallFailures failures, int delivered, StreamTerminal terminal, string eventType, in DecodedEvent<TValue> decoded)
    {
        var incomplete = decoded.Type == StreamEventDecoder.IncompleteType;
        return failures.Stream(
            incomplete ? FoundryStreamFailure.Incomplete : FoundryStreamFailure.ErrorEvent,
            decoded.Code ?? (incomplete ? "response_incomplete" : "response_failed"),
            delivered,
            terminal.Events,
            eventType,
            decoded.Message!,
            decoded.Code,
            decoded.Type);
    }

    private static bool IsEventStream(HttpResponseMessage response)
        => string.Equals(response.Content.Headers.ContentType?.MediaType, "text/event-stream", StringComparison.OrdinalIgnoreCase);

    // Why the stream counts as cut short, or null when it ended properly (or the caller allows a missing terminal).
    private static string? Truncated(StreamTerminal terminal, FoundryClientOptions options)
        => terminal.Ended || options.AllowMissingStreamTerminal
            ? null
            : $"the stream ended without its terminal event ({terminal.Expected}), so the answer is probably incomplete; set FoundryClientOptions.AllowMissingStreamTerminal for a server that never sends one";

    // Reads the first bytes of a body that is not an event stream (no more: it may be large or never end).
    private static async Task<string> PreviewAsync(Stream body, HeadRecordingStream head, TokenScrubber scrub, CancellationToken cancellationToken)
    {
        var buffer = new byte[PreviewBytes + 1];
        try
        {
            var read = 0;
            while (read < buffer.Length)
            {
                var n = await body.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }
        }
        catch (Exception e) when (e is IOException or HttpRequestException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            // Show what arrived before the body broke or stalled.
        }

        return Preview(head, scrub);
    }

    // "the body begins: "…"" with control characters escaped and the token masked.
    private static string Preview(HeadRecordingStream head, TokenScrubber scrub)
    {
        if (head.Head.IsEmpty)
        {
            return "the body is empty";
        }

        var text = new System.Text.StringBuilder();
        foreach (var c in System.Text.Encoding.UTF8.GetString(head.Head))
        {
            _ = c switch
            {
                '\r' => text.Append("\\r"),
                '\n' => text.Append("\\n"),
                '\t' => text.Append("\\t"),
                _ when char.IsControl(c) => text.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)),
                _ => text.Append(c),
            };
        }

        var shown = scrub.ScrubPreview(text.ToString());
        return head.More
            ? $"the body begins (first {head.Head.Length} bytes): \"{shown}\"…"
            : $"the body ({head.Head.Length} bytes): \"{shown}\"";
    }
}
