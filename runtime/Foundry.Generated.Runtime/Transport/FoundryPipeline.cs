using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Foundry.Generated.Runtime;

/// <summary>
/// Sends proxy requests and decodes responses and event streams. One instance per <see cref="FoundryClientOptions"/>;
/// thread-safe; shared by all generated clients. Every failure of a call is a <see cref="FoundryException"/>, except
/// the caller's cancellation (<see cref="OperationCanceledException"/>) and a configuration error found before anything
/// is sent (<see cref="InvalidOperationException"/>: no URL, no token, plain http to another machine).
/// </summary>
public sealed partial class FoundryPipeline : IDisposable
{
    private readonly FoundryTransport _transport;
    private readonly ILogger _logger;

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
        _logger = options.LoggerFactory?.CreateLogger<FoundryPipeline>() ?? NullLogger<FoundryPipeline>.Instance;
        _transport = new FoundryTransport(options, httpClient, _logger);
    }

    public FoundryClientOptions Options { get; }

    /// <summary>Sends one non-streaming request and reads the JSON response.</summary>
    public Task<TResponse> SendAsync<TRequest, TResponse>(FoundryOperation operation, TRequest request, CancellationToken cancellationToken = default)
        where TRequest : IFoundryJsonWritable
        where TResponse : IFoundryJsonReadable<TResponse>
        => SendAsync<TRequest, TResponse>(operation, request, null, cancellationToken);

    /// <summary>Sends one non-streaming request with <paramref name="requestOptions"/> over the client's options.</summary>
    public async Task<TResponse> SendAsync<TRequest, TResponse>(FoundryOperation operation, TRequest request, FoundryRequestOptions? requestOptions, CancellationToken cancellationToken = default)
        where TRequest : IFoundryJsonWritable
        where TResponse : IFoundryJsonReadable<TResponse>
        => (await SendCoreAsync<TRequest, TResponse>(operation, request, requestOptions, keepHead: false, cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>
    /// Sends one non-streaming request and returns the decoded answer with its response head and body bytes. Failures
    /// are those of <see cref="SendAsync{TRequest, TResponse}(FoundryOperation, TRequest, FoundryRequestOptions?, CancellationToken)"/>.
    /// </summary>
    public Task<FoundryResponse<TResponse>> SendWithResponseAsync<TRequest, TResponse>(FoundryOperation operation, TRequest request, FoundryRequestOptions? requestOptions, CancellationToken cancellationToken = default)
        where TRequest : IFoundryJsonWritable
        where TResponse : IFoundryJsonReadable<TResponse>
        => SendCoreAsync<TRequest, TResponse>(operation, request, requestOptions, keepHead: true, cancellationToken);

    private async Task<FoundryResponse<TResponse>> SendCoreAsync<TRequest, TResponse>(FoundryOperation operation, TRequest request, FoundryRequestOptions? requestOptions, bool keepHead, CancellationToken cancellationToken)
        where TRequest : IFoundryJsonWritable
        where TResponse : IFoundryJsonReadable<TResponse>
    {
        var options = FoundryRequestOptions.Apply(Options, requestOptions);
        using var failures = new CallFailures(operation, stream: false, options, _logger);
        using var timeout = new CancellationTokenSource(options.RequestTimeout, options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await _transport.SendAsync(operation, request, stream: false, options, failures, linked.Token).ConfigureAwait(false);
            var head = keepHead || options.CallResponseHead is not null ? FoundryResponseHead.From(response, failures.Scrubber) : null;
            if (head is not null)
            {
                options.CallResponseHead?.Invoke(head);
            }

            if (response.Content.Headers.ContentLength > options.MaxResponseBytes)
            {
                // Declared too long: refused before a byte of it is read.
                throw failures.TooLarge(options.MaxResponseBytes, response.Content.Headers.ContentLength);
            }

            var body = BoundedBody.For(response.Content, options.MaxResponseBytes);
            try
            {
                await body.ReadAsync(response.Content, linked.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException or IOException && !linked.IsCancellationRequested)
            {
                throw failures.Connection(new Uri(_transport.ProxyRoot, operation.Path), e, "the connection broke while the answer was being read");
            }

            if (body.Exceeded)
            {
                throw failures.TooLarge(options.MaxResponseBytes, null);
            }

            var result = Decode<TResponse>(failures, body.Bytes);
            failures.Completed(UsageScanner.Scan(body.Bytes));
            return new FoundryResponse<TResponse>(result, head!, keepHead ? body.Bytes : default, failures.Scrubber);
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw failures.Timeout(options.RequestTimeout, requestOptions?.RequestTimeout is null ? "FoundryClientOptions.RequestTimeout" : "FoundryRequestOptions.RequestTimeout", e);
        }
        catch (Exception e) when (e is not FoundryException and not OperationCanceledException)
        {
            failures.Unexpected(e);
            throw;
        }
    }

    /// <summary>Sends one streaming request and yields each decoded server-sent event.</summary>
    public IAsyncEnumerable<TEvent> StreamAsync<TRequest, TEvent>(FoundryOperation operation, TRequest request, CancellationToken cancellationToken = default)
        where TRequest : IFoundryJsonWritable
        where TEvent : IFoundryJsonReadable<TEvent>
        => StreamAsync<TRequest, TEvent>(operation, request, null, cancellationToken);

    /// <summary>Sends one streaming request with <paramref name="requestOptions"/> over the client's options.</summary>
    public IAsyncEnumerable<TEvent> StreamAsync<TRequest, TEvent>(FoundryOperation operation, TRequest request, FoundryRequestOptions? requestOptions, CancellationToken cancellationToken = default)
        where TRequest : IFoundryJsonWritable
        where TEvent : IFoundryJsonReadable<TEvent>
        => StreamCoreAsync<TRequest, TEvent, TypedEventReader<TEvent>>(operation, request, FoundryRequestOptions.Apply(Options, requestOptions), null, cancellationToken);

    /// <summary>
    /// Sends one streaming request and yields each decoded event, while <paramref name="accumulator"/> builds the
    /// route's non-streaming response from the same events (read once, from their JSON). The accumulator is bound
    /// when the enumeration starts; one accumulator per stream.
    /// </summary>
    public IAsyncEnumerable<TEvent> StreamAsync<TRequest, TEvent, TResponse>(FoundryOperation operation, TRequest request, FoundryStreamAccumulator<TResponse> accumulator, FoundryRequestOptions? requestOptions, CancellationToken cancellationToken = default)
        where TRequest : IFoundryJsonWritable
        where TEvent : IFoundryJsonReadable<TEvent>
        where TResponse : IFoundryJsonReadable<TResponse>
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        _ = FoundryRoutes.GetStreamDialect(operation.Route) ?? throw new ArgumentException($"route '{operation.Route}' does not stream", nameof(operation));
        return StreamCoreAsync<TRequest, TEvent, AccumulatingEventReader<TEvent>>(operation, request, FoundryRequestOptions.Apply(Options, requestOptions), accumulator, cancellationToken);
    }

    /// <summary>
    /// Sends one non-streaming request with the route's structured-output format set to <paramref name="typeInfo"/>'s
    /// schema and parses the answer's text as <typeparamref name="T"/>. A schema the provider refuses, or a request that
    /// sets the format itself, is an <see cref="ArgumentException"/> before anything is sent; a refusal, a cut-off answer
    /// or text that does not parse is a <see cref="FoundryStructuredOutputException"/> with the text.
    /// </summary>
    public async Task<FoundryStructuredResponse<T, TResponse>> SendStructuredAsync<TRequest, TResponse, T>(FoundryOperation operation, TRequest request, JsonTypeInfo<T> typeInfo, FoundryRequestOptions? requestOptions, CancellationToken cancellationToken = default)
        where TRequest : IFoundryJsonWritable
        where TResponse : IFoundryJsonReadable<TResponse>
    {
        var body = StructuredOutput.Prepare(operation, request, typeInfo, WireOptions());
        var response = await SendCoreAsync<PreparedRequest, TResponse>(operation, body, requestOptions, keepHead: true, cancellationToken).ConfigureAwait(false);
        return StructuredOutput.Complete(operation.Route, ModelName(operation), typeInfo, response.Value, response.Body.Span, response.Scrubber);
    }

    /// <summary>
    /// Sends one streaming request with the route's structured-output format set to the accumulator's type and yields
    /// each decoded event, while <paramref name="accumulator"/> collects the answer; its <c>ToResult()</c> parses it
    /// after the stream. The schema is checked when this is called, before anything is sent.
    /// </summary>
    public IAsyncEnumerable<TEvent> StreamStructuredAsync<TRequest, TEvent, TResponse, T>(FoundryOperation operation, TRequest request, FoundryStructuredAccumulator<T, TResponse> accumulator, FoundryRequestOptions? requestOptions, CancellationToken cancellationToken = default)
        where TRequest : IFoundryJsonWritable
        where TEvent : IFoundryJsonReadable<TEvent>
        where TResponse : IFoundryJsonReadable<TResponse>
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        var body = StructuredOutput.Prepare(operation, request, accumulator.TypeInfo, WireOptions());
        accumulator.Model = ModelName(operation);
        return StreamAsync<PreparedRequest, TEvent, TResponse>(operation, body, accumulator.Accumulator, requestOptions, cancellationToken);
    }

    private FoundryWireOptions WireOptions() => new() { ModelIds = Options.ModelIdWireFormat };

    private static string? ModelName(FoundryOperation operation) => operation.Model?.Info?.Id ?? operation.Model?.GetWireId(ModelIdWireFormat.FriendlyId);

    /// <summary>
    /// Sends one streaming request and yields only the answer text, as it arrives: no event objects are built.
    /// Reasoning, tool calls and refusals are not text; with several choices or candidates, only the first counts.
    /// Errors, retries, timeouts, usage and telemetry are those of <c>StreamAsync</c>, except
    /// that an event is read only up to its text: malformed JSON after it is not reported.
    /// </summary>
    public IAsyncEnumerable<string> StreamTextAsync<TRequest>(FoundryOperation operation, TRequest request, CancellationToken cancellationToken = default)
        where TRequest : IFoundryJsonWritable
        => StreamTextAsync(operation, request, null, cancellationToken);

    /// <summary>Streams only the answer text with <paramref name="requestOptions"/> over the client's options.</summary>
    public IAsyncEnumerable<string> StreamTextAsync<TRequest>(FoundryOperation operation, TRequest request, FoundryRequestOptions? requestOptions, CancellationToken cancellationToken = default)
        where TRequest : IFoundryJsonWritable
    {
        _ = FoundryRoutes.GetStreamDialect(operation.Route) ?? throw new ArgumentException($"route '{operation.Route}' does not stream", nameof(operation));
        return StreamCoreAsync<TRequest, string, StreamTextReader>(operation, request, FoundryRequestOptions.Apply(Options, requestOptions), null, cancellationToken);
    }

    private IAsyncEnumerable<TValue> StreamCoreAsync<TRequest, TValue, TReader>(FoundryOperation operation, TRequest request, FoundryClientOptions options, object? state, CancellationToken cancellationToken)
        where TRequest : IFoundryJsonWritable
        where TReader : struct, IStreamValueReader<TReader, TValue>
        => EventStreamReader.ReadAsync<TRequest, TValue, TReader>(_transport, operation, request, options, _logger, state, cancellationToken);

    private static TResponse Decode<TResponse>(CallFailures failures, ArraySegment<byte> body)
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
            throw failures.Undecodable(body, e);
        }
    }

    public void Dispose() => _transport.Dispose();
}
