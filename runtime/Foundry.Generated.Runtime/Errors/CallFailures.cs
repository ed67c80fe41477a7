using System;
using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging;

namespace Foundry.Generated.Runtime;

/// <summary>
/// One call's span, its end (completed or failed) and every exception it raises, in one place: each failure is logged,
/// recorded on the span and metric with its <c>error.type</c>, and built with the call's <see cref="TokenScrubber"/>.
/// </summary>
internal sealed class CallFailures : IDisposable
{
    private readonly FoundryOperation _operation;
    private readonly FoundryClientOptions _options;
    private readonly ILogger _logger;
    private readonly long _started;
    private string? _token;
    private string? _previousToken;

    public CallFailures(FoundryOperation operation, bool stream, FoundryClientOptions options, ILogger logger)
    {
        _operation = operation;
        _options = options;
        _logger = logger;
        Activity = FoundryTelemetry.Start(operation, stream);
        _started = options.TimeProvider.GetTimestamp();
    }

    public Activity? Activity { get; }

    /// <summary>Hides the configured token and every token this call sent.</summary>
    public TokenScrubber Scrubber => new(_options.Token, _token, _previousToken);

    private string Route => _operation.Route;

    private string? Model => _operation.Model.Info?.Id ?? _operation.Model.GetWireId(_options.ModelIdWireFormat);

    /// <summary>Notes a token the call is about to send (a refreshed one keeps the first in the scrubber).</summary>
    public void Sending(string token)
    {
        if (!string.Equals(token, _token, StringComparison.Ordinal))
        {
            _previousToken = _token;
            _token = token;
        }
    }

    public void FirstEvent() => FoundryTelemetry.FirstEvent(Activity, _operation, _started, _options.TimeProvider);

    public void Completed((long? Input, long? Output) usage)
    {
        FoundryTelemetry.Completed(Activity, _operation, _started, _options.TimeProvider, usage);
    }

    /// <summary>Records a failure this class did not build (a token provider's error, a refused insecure URL).</summary>
    public void Unexpected(Exception e)
    {
        Failed(e.GetType().Name);
        Log.CallFailed(_logger, Route, e.GetType().Name);
    }

    public FoundryApiException Status(HttpStatusCode status, ReadOnlySpan<byte> body, string? requestId, TimeSpan? retryAfter, string? retryNote)
    {
        // The exception's constructor scrubs the message and every field; the log line takes them from it.
        var parsed = FoundryErrorBody.Parse(body);
        requestId ??= parsed.ErrorInstanceId;
        var message = ErrorMessages.ForStatus(status, parsed, _operation, requestId, retryAfter, retryNote);
        var error = new FoundryApiException(message, Route, Model, status, parsed, requestId, retryAfter, Scrubber);
        Log.RequestFailed(_logger, Route, (int)status, error.ErrorName);
        Failed(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture));
        return error;
    }

    /// <summary>A successful answer longer than <paramref name="limit"/>; <paramref name="declared"/> is its Content-Length.</summary>
    public FoundryApiException TooLarge(int limit, long? declared)
    {
        Failed("response_too_large");
        Log.CallFailed(_logger, Route, "response_too_large");
        var size = declared is { } length ? $"is {length:N0} bytes" : "goes on";
        return new FoundryApiException($"Foundry {Route} returned an answer that {size}, past the {limit:N0}-byte limit (FoundryClientOptions.MaxResponseBytes); it was not read further.", Route, Model, HttpStatusCode.OK, FoundryErrorBody.Parse([]), null, null, Scrubber);
    }

    public FoundryApiException Undecodable(ReadOnlySpan<byte> body, Exception e)
    {
        Failed("invalid_response");
        Log.CallFailed(_logger, Route, "invalid_response");
        return new FoundryApiException($"Foundry {Route} returned a response that could not be decoded: {e.Message}", Route, Model, HttpStatusCode.OK, FoundryErrorBody.Parse(body), null, null, Scrubber, e);
    }

    /// <summary>No whole response from <paramref name="endpoint"/>; <paramref name="note"/> says what became of the retries.</summary>
    public FoundryConnectionException Connection(Uri endpoint, Exception e, string note)
    {
        Failed("connection_failed");
        var message = $"Foundry {Route} could not reach {endpoint.Host}:{endpoint.Port}: {Cause(e)}; {note}";
        Log.CallFailed(_logger, Route, "connection_failed");
        return new FoundryConnectionException(message, Route, Model, endpoint, e, Scrubber);
    }

    public FoundryCredentialException Credentials(Exception e)
    {
        Failed("credentials_failed");
        Log.CallFailed(_logger, Route, "credentials_failed");
        return new FoundryCredentialException($"Foundry {Route} got no bearer token: {Cause(e)}", Route, Model, e, Scrubber);
    }

    public FoundryTimeoutException Timeout(TimeSpan limit, string setting, Exception? inner)
    {
        Failed("timeout");
        Log.CallFailed(_logger, Route, "timeout");
        return new FoundryTimeoutException($"Foundry {Route} did not answer within {RetryPolicy.Describe(limit)} ({setting}).", Route, Model, limit, inner);
    }

    /// <summary>A stream failure: <paramref name="delivered"/> values reached the caller, <paramref name="arrived"/> events came.</summary>
    public FoundryStreamException Stream(FoundryStreamFailure failure, string errorType, int delivered, int arrived, string? eventType, string detail, string? code = null, string? type = null, Exception? inner = null)
    {
        var scrub = Scrubber;
        Failed(scrub.Scrub(errorType));
        Log.StreamFailed(_logger, Route, failure, delivered);
        var count = delivered == arrived ? $"{arrived} event(s)" : $"{arrived} event(s) ({delivered} delivered)";
        var message = $"Foundry {Route} stream failed after {count}: {detail}" + (code != null ? $" (code {code})" : string.Empty);
        return new FoundryStreamException(message, Route, Model, failure, delivered, arrived, eventType, code, type, inner, scrub);
    }

    private void Failed(string errorType)
    {
        FoundryTelemetry.Failed(Activity, _operation, _started, _options.TimeProvider, errorType);
    }

    // The innermost message says what happened ("Connection refused"); the outer ones repeat the URL.
    private static string Cause(Exception e)
    {
        var inner = e;
        while (inner.InnerException is { } next)
        {
            inner = next;
        }

        return inner == e || string.IsNullOrEmpty(inner.Message) ? e.Message : $"{inner.Message} ({e.GetType().Name})";
    }

    public void Dispose() => Activity?.Dispose();
}
