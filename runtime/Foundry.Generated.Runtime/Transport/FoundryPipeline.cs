using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Foundry.Generated.Runtime;

/// <summary>
/// Sends proxy requests and decodes responses and event streams. One instance per <see cref="FoundryClientOptions"/>;
/// thread-safe; shared by all generated clients.
/// </summary>
public sealed partial class FoundryPipeline : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly ILogger _logger;
    private readonly Uri _proxyRoot;
    private readonly bool _plainHttpToRemote;
    private readonly FoundryWireOptions _wire;
    private volatile string? _lastToken;

    /// <summary>Creates a pipeline. When <paramref name="httpClient"/> is null the pipeline owns one.</summary>
    /// <remarks>
    /// The pipeline's own handler closes the connection of a stream left early (a <c>break</c> out of <c>await foreach</c>)
    /// at once. A supplied <paramref name="httpClient"/> keeps its handler's settings: a default
    /// <see cref="SocketsHttpHandler"/> reads such a stream on for up to <see cref="SocketsHttpHandler.ResponseDrainTimeout"/>
    /// (2 s) to reuse the connection, so the model goes on generating meanwhile; set it to zero to avoid that.
    /// Cancelling the token always closes the connection at once.
    /// </remarks>
    public FoundryPipeline(FoundryClientOptions options, HttpClient? httpClient = null)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        _proxyRoot = options.ResolveProxyRoot();
        _plainHttpToRemote = PlainHttp.Exposes(_proxyRoot);
        _ownsHttp = httpClient is null;

        // No draining: a response disposed unread is kept only if its end is already buffered (small error bodies);
        // an unfinished stream is closed instead of being read on for 2 s.
        _http = httpClient ?? new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), ResponseDrainTimeout = TimeSpan.Zero });
        if (_ownsHttp)
        {
            // Streams are bounded by the idle timeout and calls by RequestTimeout, not by HttpClient's 100 s default.
            _http.Timeout = Timeout.InfiniteTimeSpan;
        }

        _logger = options.LoggerFactory?.CreateLogger<FoundryPipeline>() ?? NullLogger<FoundryPipeline>.Instance;
        _wire = new FoundryWireOptions { ModelIds = options.ModelIdWireFormat };
    }

    public FoundryClientOptions Options { get; }

    /// <summary>Sends one non-streaming request and reads the JSON response.</summary>
    public async Task<TResponse> SendAsync<TRequest, TResponse>(FoundryOperation operation, TRequest request, CancellationToken cancellationToken = default)
        where TRequest : IFoundryJsonWritable
        where TResponse : IFoundryJsonReadable<TResponse>
    {
        using var activity = FoundryTelemetry.Start(operation, stream: false);
        var started = Options.TimeProvider.GetTimestamp();
        using var timeout = new CancellationTokenSource(Options.RequestTimeout, Options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await SendWithRetriesAsync(operation, request, stream: false, linked.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            var result = Decode<TResponse>(operation, body);
            FoundryTelemetry.Completed(activity, operation, started, Options.TimeProvider, UsageScanner.Scan(body));
            return result;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            FoundryTelemetry.Failed(activity, operation, started, Options.TimeProvider, "timeout");
            throw new TimeoutException($"Foundry {operation.Route} did not answer within {Options.RequestTimeout.TotalSeconds:0} s.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            FoundryTelemetry.Failed(activity, operation, started, Options.TimeProvider, e.GetType().Name);
            throw;
        }
    }

    /// <summary>Sends one streaming request and yields each decoded server-sent event.</summary>
    public IAsyncEnumerable<TEvent> StreamAsync<TRequest, TEvent>(FoundryOperation operation, TRequest request, CancellationToken cancellationToken = default)
        where TRequest : IFoundryJsonWritable
        where TEvent : IFoundryJsonReadable<TEvent>
        => StreamCoreAsync<TRequest, TEvent, TypedEventReader<TEvent>>(operation, request, cancellationToken);

    /// <summary>
    /// Sends one streaming request and yields only the answer text, as it arrives: no event objects are built.
    /// Reasoning, tool calls and refusals are not text; with several choices or candidates, only the first counts.
    /// Errors, retries, timeouts, usage and telemetry are those of <see cref="StreamAsync{TRequest, TEvent}"/>, except
    /// that an event is read only up to its text: malformed JSON after it is not reported.
    /// </summary>
    public IAsyncEnumerable<string> StreamTextAsync<TRequest>(FoundryOperation operation, TRequest request, CancellationToken cancellationToken = default)
        where TRequest : IFoundryJsonWritable
    {
        _ = FoundryRoutes.GetStreamDialect(operation.Route) ?? throw new ArgumentException($"route '{operation.Route}' does not stream", nameof(operation));
        return StreamCoreAsync<TRequest, string, StreamTextReader>(operation, request, cancellationToken);
    }

    private async IAsyncEnumerable<TValue> StreamCoreAsync<TRequest, TValue, TReader>(FoundryOperation operation, TRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
        where TRequest : IFoundryJsonWritable
        where TReader : struct, IStreamValueReader<TReader, TValue>
    {
        using var activity = FoundryTelemetry.Start(operation, stream: true);
        var started = Options.TimeProvider.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await SendWithRetriesAsync(operation, request, stream: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            FoundryTelemetry.Failed(activity, operation, started, Options.TimeProvider, e.GetType().Name);
            throw;
        }

        // Disposing the response returns a fully read connection to the pool and closes an unfinished one (on an error or
        // an early break; at once with the pipeline's own handler, see the constructor). Cancelling the token closes it at once.
        using (response)
        {
            var head = new HeadRecordingStream(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), PreviewBytes);
            using var body = new IdleTimeoutStream(head, Options.StreamIdleTimeout, Options.TimeProvider, cancellationToken);
            if (!IsEventStream(response))
            {
                var preview = await PreviewAsync(body, head, cancellationToken).ConfigureAwait(false);
                FoundryTelemetry.Failed(activity, operation, started, Options.TimeProvider, "not_event_stream");
                var contentType = response.Content.Headers.ContentType?.ToString() is { Length: > 0 } type ? "is " + type : "has no content type";
                throw StreamFailure(operation, FoundryStreamFailure.NotAnEventStream, 0, null, $"the {(int)response.StatusCode} response {contentType}, not text/event-stream; {preview}");
            }

            var maxBytes = Options.MaxEventBytes;
            // Per stream, never shared between two enumerations: e.g. the cache of ids and model names.
            var values = TReader.ForStream(operation.Route);
            var scanUsage = FoundryTelemetry.RecordsUsage(activity);
            var terminal = new StreamTerminal(FoundryRoutes.GetStreamDialect(operation.Route), Options.FailOnIncompleteResponse);
            var parser = SseParser.Create(body, (type, data) => StreamEventDecoder.Decode<TValue, TReader>(values, terminal, type, data, maxBytes, scanUsage));
            var count = 0;
            var usage = new UsageScanner();
            await using var events = parser.EnumerateAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
            while (true)
            {
                System.Net.ServerSentEvents.SseItem<DecodedEvent<TValue>> item;
                try
                {
                    if (!await events.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }

                    item = events.Current;
                }
                catch (TimeoutException e) when (body.TimedOut)
                {
                    FoundryTelemetry.Failed(activity, operation, started, Options.TimeProvider, "idle_timeout");
                    throw StreamFailure(operation, FoundryStreamFailure.IdleTimeout, count, null, $"the stream sent nothing for {Options.StreamIdleTimeout.TotalSeconds:0.###} s", inner: e);
                }
                catch (Exception e) when (e is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
                {
                    FoundryTelemetry.Failed(activity, operation, started, Options.TimeProvider, "connection_lost");
                    throw StreamFailure(operation, FoundryStreamFailure.ConnectionLost, count, null, "the connection broke mid-stream: " + e.Message, inner: e);
                }

                cancellationToken.ThrowIfCancellationRequested();
                var decoded = item.Data;
                switch (decoded.Kind)
                {
                    case DecodedKind.Skip:
                        usage.Observe(decoded.InputTokens, decoded.OutputTokens);
                        if (decoded.FailsStream)
                        {
                            throw ResponseFailed(activity, operation, started, count, item.EventType, decoded);
                        }

                        continue;
                    case DecodedKind.Done:
                        if (Truncated(terminal) is { } cutShort)
                        {
                            FoundryTelemetry.Failed(activity, operation, started, Options.TimeProvider, "truncated");
                            throw StreamFailure(operation, FoundryStreamFailure.Truncated, count, item.EventType, cutShort);
                        }

                        FoundryTelemetry.Completed(activity, operation, started, Options.TimeProvider, usage.Result);
                        yield break;
                    case DecodedKind.Error:
                        FoundryTelemetry.Failed(activity, operation, started, Options.TimeProvider, decoded.Code is { } errorCode ? Redact(errorCode) : "stream_error");
                        throw StreamFailure(operation, FoundryStreamFailure.ErrorEvent, count, item.EventType, decoded.Message!, decoded.Code, decoded.Type);
                    case DecodedKind.Invalid:
                        FoundryTelemetry.Failed(activity, operation, started, Options.TimeProvider, "invalid_event");
                        throw StreamFailure(operation, FoundryStreamFailure.InvalidEvent, count, item.EventType, $"event #{count + 1} ({item.EventType}) could not be decoded: {decoded.Message}");
                    case DecodedKind.TooLarge:
                        FoundryTelemetry.Failed(activity, operation, started, Options.TimeProvider, "event_too_large");
                        throw StreamFailure(operation, FoundryStreamFailure.EventTooLarge, count, item.EventType, decoded.Message!);
                }

                if (count == 0)
                {
                    FoundryTelemetry.FirstEvent(activity, operation, started, Options.TimeProvider);
                }

                count++;
                usage.Observe(decoded.InputTokens, decoded.OutputTokens);
                yield return decoded.Value!;
                if (decoded.FailsStream)
                {
                    // StreamAsync delivers the response.failed event itself (it carries the response), then fails.
                    throw ResponseFailed(activity, operation, started, count, item.EventType, decoded);
                }
            }

            // A body that closes cleanly is not proof of a whole answer: a proxy or load balancer that gives up can
            // end the chunked body as if the model had finished.
            cancellationToken.ThrowIfCancellationRequested();
            if (terminal.Events == 0)
            {
                FoundryTelemetry.Failed(activity, operation, started, Options.TimeProvider, "not_event_stream");
                throw StreamFailure(operation, FoundryStreamFailure.NotAnEventStream, count, null, $"the text/event-stream response held no event; {Preview(head)}");
            }

            if (Truncated(terminal) is { } truncated)
            {
                FoundryTelemetry.Failed(activity, operation, started, Options.TimeProvider, "truncated");
                throw StreamFailure(operation, FoundryStreamFailure.Truncated, count, null, truncated);
            }

            FoundryTelemetry.Completed(activity, operation, started, Options.TimeProvider, usage.Result);
            Log.StreamCompleted(_logger, operation.Route, count);
        }
    }

    private FoundryStreamException ResponseFailed<TValue>(Activity? activity, FoundryOperation operation, long started, int count, string eventType, in DecodedEvent<TValue> decoded)
    {
        var incomplete = decoded.Type == StreamEventDecoder.IncompleteType;
        FoundryTelemetry.Failed(activity, operation, started, Options.TimeProvider, decoded.Code is { } code ? Redact(code) : incomplete ? "response_incomplete" : "response_failed");
        return StreamFailure(operation, incomplete ? FoundryStreamFailure.Incomplete : FoundryStreamFailure.ErrorEvent, count, eventType, decoded.Message!, decoded.Code, decoded.Type);
    }

    /// <summary>How many bytes of a body that is not an event stream an error shows.</summary>
    internal const int PreviewBytes = 256;

    private static bool IsEventStream(HttpResponseMessage response)
        => string.Equals(response.Content.Headers.ContentType?.MediaType, "text/event-stream", StringComparison.OrdinalIgnoreCase);

    // Reads the first bytes of a body that is not an event stream (no more: it may be large or never end).
    private async Task<string> PreviewAsync(Stream body, HeadRecordingStream head, CancellationToken cancellationToken)
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

        return Preview(head);
    }

    // "the body begins: "…"" with control characters escaped and the token masked.
    private string Preview(HeadRecordingStream head)
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

        var shown = SecretRedactor.RedactPreview(SecretRedactor.RedactPreview(text.ToString(), Options.Token), _lastToken);
        return head.More
            ? $"the body begins (first {head.Head.Length} bytes): \"{shown}\"…"
            : $"the body ({head.Head.Length} bytes): \"{shown}\"";
    }

    // Why the stream counts as cut short, or null when it ended properly (or the caller allows a missing terminal).
    private string? Truncated(StreamTerminal terminal)
        => terminal.Ended || Options.AllowMissingStreamTerminal
            ? null
            : $"the stream ended without its terminal event ({terminal.Expected}), so the answer is probably incomplete; set FoundryClientOptions.AllowMissingStreamTerminal for a server that never sends one";

    private FoundryStreamException StreamFailure(FoundryOperation operation, FoundryStreamFailure failure, int count, string? eventType, string detail, string? code = null, string? type = null, Exception? inner = null)
    {
        // Everything a server sent goes through Redact: a server may echo the token in the message, code or type.
        code = code is null ? null : Redact(code);
        type = type is null ? null : Redact(type);
        var message = $"Foundry {operation.Route} stream failed after {count} event(s): {Redact(detail)}" + (code != null ? $" (code {code})" : string.Empty);
        Log.StreamFailed(_logger, operation.Route, failure, count);
        return new FoundryStreamException(message, operation.Route, operation.Model.Info?.Id ?? operation.Model.GetWireId(Options.ModelIdWireFormat), failure, count, eventType, code, type, inner);
    }

    private async Task<HttpResponseMessage> SendWithRetriesAsync<TRequest>(FoundryOperation operation, TRequest request, bool stream, CancellationToken cancellationToken)
        where TRequest : IFoundryJsonWritable
    {
        if (_plainHttpToRemote && !Options.AllowInsecureHttp)
        {
            // Before the token is even fetched: an OAuth2 provider on the same host would send its secret the same way.
            throw PlainHttp.Refusal("the Foundry bearer token", _proxyRoot, "FoundryClientOptions.AllowInsecureHttp");
        }

        var body = RequestBody.Serialize(request, _wire);
        var token = await Options.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        _lastToken = token;
        var refreshed = false;
        for (var attempt = 0; ; attempt++)
        {
            using var message = BuildRequest(operation, body, token, stream);
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException e) when (attempt < Options.MaxRetries && !cancellationToken.IsCancellationRequested)
            {
                var delay = RetryPolicy.Backoff(attempt, Options);
                Log.Retrying(_logger, operation.Route, attempt + 1, "connection failure: " + e.Message, delay.TotalMilliseconds);
                await Task.Delay(delay, Options.TimeProvider, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            if (response.StatusCode == HttpStatusCode.Unauthorized && Options.Credentials is { } credentials && !refreshed)
            {
                // A rejected token is dropped and fetched again, once.
                refreshed = true;
                response.Dispose();
                credentials.Invalidate(token);
                token = await credentials.GetTokenAsync(cancellationToken).ConfigureAwait(false);
                _lastToken = token;
                attempt--;
                continue;
            }

            if (RetryPolicy.IsRetryable(response.StatusCode) && attempt < Options.MaxRetries)
            {
                var delay = RetryPolicy.Delay(response, attempt, Options);
                Log.Retrying(_logger, operation.Route, attempt + 1, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), delay.TotalMilliseconds);
                response.Dispose();
                await Task.Delay(delay, Options.TimeProvider, cancellationToken).ConfigureAwait(false);
                continue;
            }

            using (response)
            {
                throw await ToApiExceptionAsync(operation, response, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private HttpRequestMessage BuildRequest(FoundryOperation operation, ReadOnlyMemory<byte> body, string token, bool stream)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, new Uri(_proxyRoot, operation.Path))
        {
            Content = new ReadOnlyMemoryContent(body),
        };
        message.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        message.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        message.Headers.Accept.ParseAdd(stream ? "text/event-stream" : "application/json");
        message.Headers.UserAgent.ParseAdd(Options.UserAgent);
        if (Options.AttributionRids.Count > 0)
        {
            message.Headers.TryAddWithoutValidation("attribution", string.Join(",", Options.AttributionRids));
        }

        if (Activity.Current is { } current && current.IdFormat == ActivityIdFormat.W3C)
        {
            message.Headers.TryAddWithoutValidation("traceparent", current.Id);
            if (!string.IsNullOrEmpty(current.TraceStateString))
            {
                message.Headers.TryAddWithoutValidation("tracestate", current.TraceStateString);
            }
        }

        return message;
    }

    private async Task<FoundryApiException> ToApiExceptionAsync(FoundryOperation operation, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            bytes = [];
        }

        var body = FoundryErrorBody.Parse(bytes).Redacted(Redact);
        var requestId = RequestIdOf(response) ?? body.ErrorInstanceId;
        var message = Redact(ErrorMessages.ForStatus(response.StatusCode, body, operation, requestId));
        Log.RequestFailed(_logger, operation.Route, (int)response.StatusCode, body.ErrorName);
        return new FoundryApiException(message, operation.Route, operation.Model.Info?.Id ?? operation.Model.GetWireId(Options.ModelIdWireFormat), response.StatusCode, body, requestId);
    }

    private TResponse Decode<TResponse>(FoundryOperation operation, byte[] body)
        where TResponse : IFoundryJsonReadable<TResponse>
    {
        try
        {
            var reader = new System.Text.Json.Utf8JsonReader(body);
            reader.Read();
            return TResponse.ReadJson(ref reader);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            throw new FoundryApiException($"Foundry {operation.Route} returned a response that could not be decoded: {e.Message}", operation.Route, operation.Model.Info?.Id, HttpStatusCode.OK, FoundryErrorBody.Parse(body).Redacted(Redact), null, e);
        }
    }

    private static string? RequestIdOf(HttpResponseMessage response)
    {
        foreach (var name in new[] { "x-request-id", "request-id", "x-foundry-request-id" })
        {
            if (response.Headers.TryGetValues(name, out var values))
            {
                foreach (var value in values)
                {
                    return value;
                }
            }
        }

        return null;
    }

    // A server that echoes the bearer token must not leak it into messages or logs (see SecretRedactor for short tokens).
    private string Redact(string text)
        => SecretRedactor.Redact(SecretRedactor.Redact(text, Options.Token), _lastToken);

    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }
}
