using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Foundry.Generated.Runtime;

/// <summary>
/// Sends one proxy request: the body, the bearer token (refreshed once on a 401), the headers, and the retries with
/// their waits. Every way it can fail ends in a <see cref="FoundryException"/> built by the call's
/// <see cref="CallFailures"/>; the caller's cancellation stays an <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class FoundryTransport : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly ILogger _logger;
    private readonly bool _plainHttpToRemote;
    private readonly FoundryWireOptions _wire;

    public FoundryTransport(FoundryClientOptions options, HttpClient? httpClient, ILogger logger)
    {
        Options = options;
        ProxyRoot = options.ResolveProxyRoot();
        _plainHttpToRemote = PlainHttp.Exposes(ProxyRoot);
        _ownsHttp = httpClient is null;
        _logger = logger;

        // No draining: a response disposed unread is kept only if its end is already buffered (small error bodies);
        // an unfinished stream is closed instead of being read on for 2 s.
        _http = httpClient ?? new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), ResponseDrainTimeout = TimeSpan.Zero });
        if (_ownsHttp)
        {
            // Streams are bounded by the idle timeout and calls by RequestTimeout, not by HttpClient's 100 s default.
            _http.Timeout = Timeout.InfiniteTimeSpan;
        }

        _wire = new FoundryWireOptions { ModelIds = options.ModelIdWireFormat };
    }

    public FoundryClientOptions Options { get; }

    public Uri ProxyRoot { get; }

    /// <summary>
    /// Sends until a success status, a status not worth retrying, or a refused retry (see <see cref="RetryPolicy"/>),
    /// by <c>options</c>: the client's, or a call's copy of them (<see cref="FoundryRequestOptions"/>).
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync<TRequest>(FoundryOperation operation, TRequest request, bool stream, FoundryClientOptions options, CallFailures failures, CancellationToken cancellationToken)
        where TRequest : IFoundryJsonWritable
    {
        if (_plainHttpToRemote && !options.AllowInsecureHttp)
        {
            // Before the token is even fetched: an OAuth2 provider on the same host would send its secret the same way.
            throw PlainHttp.Refusal("the Foundry bearer token", ProxyRoot, "FoundryClientOptions.AllowInsecureHttp");
        }

        options.EnsureToken();
        var body = RequestBody.Serialize(request, _wire);
        var token = await TokenAsync(options, failures, null, cancellationToken).ConfigureAwait(false);
        var endpoint = new Uri(ProxyRoot, operation.Path);
        var refreshed = false;
        var waited = TimeSpan.Zero;
        for (var attempt = 0; ; attempt++)
        {
            failures.Sending(token);
            using var message = BuildRequest(endpoint, body, token, stream, options);
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException e) when (!cancellationToken.IsCancellationRequested)
            {
                var backoff = RetryPolicy.Backoff(attempt, options);
                if (RetryPolicy.Refusal(attempt, backoff, null, waited, options) is { } refusal)
                {
                    throw failures.Connection(endpoint, e, refusal);
                }

                Log.Retrying(_logger, operation.Route, attempt + 1, "connection failure: " + failures.Scrubber.Scrub(e.Message), backoff.TotalMilliseconds);
                waited += backoff;
                await Task.Delay(backoff, options.TimeProvider, cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                // Not the caller's token: a supplied HttpClient's own Timeout.
                throw failures.Timeout(_http.Timeout, "the HttpClient's Timeout", e);
            }

            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            if (response.StatusCode == HttpStatusCode.Unauthorized && options.Credentials is { } credentials && !refreshed)
            {
                // A rejected token is dropped and fetched again, once.
                refreshed = true;
                response.Dispose();
                credentials.Invalidate(token);
                token = await TokenAsync(options, failures, credentials, cancellationToken).ConfigureAwait(false);
                attempt--;
                continue;
            }

            using (response)
            {
                var serverAsked = RetryPolicy.ServerAsked(response, options.TimeProvider);
                string? retryNote = null;
                if (RetryPolicy.IsRetryable(response.StatusCode))
                {
                    var delay = serverAsked ?? RetryPolicy.Backoff(attempt, options);
                    retryNote = RetryPolicy.Refusal(attempt, delay, serverAsked, waited, options);
                    if (retryNote is null)
                    {
                        var reason = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) + (serverAsked is null ? ", backoff" : ", Retry-After");
                        Log.Retrying(_logger, operation.Route, attempt + 1, reason, delay.TotalMilliseconds);
                        waited += delay;
                        await Task.Delay(delay, options.TimeProvider, cancellationToken).ConfigureAwait(false);
                        continue;
                    }
                }

                var errorBody = await ReadErrorBodyAsync(response.Content, options.MaxErrorBodyBytes, cancellationToken).ConfigureAwait(false);
                throw failures.Status(response.StatusCode, errorBody, RequestIds.Of(response), serverAsked, retryNote);
            }
        }
    }

    // The configured token, or a fresh one from the provider: a provider's failure (a refused client, an unreachable
    // token endpoint, its own timeout) is a FoundryException like every other failure of the call.
    private static async ValueTask<string> TokenAsync(FoundryClientOptions options, CallFailures failures, IFoundryTokenProvider? refresh, CancellationToken cancellationToken)
    {
        try
        {
            return refresh is null
                ? await options.GetTokenAsync(cancellationToken).ConfigureAwait(false)
                : await refresh.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not FoundryException && !(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            throw failures.Credentials(e);
        }
    }

    private static HttpRequestMessage BuildRequest(Uri endpoint, ReadOnlyMemory<byte> body, string token, bool stream, FoundryClientOptions options)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new ReadOnlyMemoryContent(body),
        };
        message.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        message.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        message.Headers.Accept.ParseAdd(stream ? "text/event-stream" : "application/json");
        message.Headers.UserAgent.ParseAdd(options.UserAgent);
        if (options.CallAttribution.Count > 0)
        {
            message.Headers.TryAddWithoutValidation("attribution", string.Join(",", options.CallAttribution));
        }

        if (options.CallHeaders is { } headers)
        {
            foreach (var (name, value) in headers)
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
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

    // At most MaxErrorBodyBytes: a hostile or broken server cannot make a failing call hold an endless body.
    private static async Task<byte[]> ReadErrorBodyAsync(HttpContent content, int limit, CancellationToken cancellationToken)
    {
        var body = BoundedBody.For(content, limit);
        try
        {
            await body.ReadAsync(content, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            // The status speaks for itself; show what arrived.
        }

        return body.Bytes.ToArray();
    }

    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }
}
