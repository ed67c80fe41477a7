using System;
using System.Net;
using System.Net.Http;

namespace Foundry.Generated.Runtime;

/// <summary>When and how long to wait before retrying: only before the first response byte, never mid-stream.</summary>
internal static class RetryPolicy
{
    public static bool IsRetryable(HttpStatusCode status)
        => status is HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary><c>Retry-After</c> (seconds or date) when the server gives one, else exponential backoff with jitter.</summary>
    public static TimeSpan Delay(HttpResponseMessage response, int attempt, FoundryClientOptions options)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return Clamp(delta, options);
        }

        if (retryAfter?.Date is { } date)
        {
            return Clamp(date - options.TimeProvider.GetUtcNow(), options);
        }

        return Backoff(attempt, options);
    }

    public static TimeSpan Backoff(int attempt, FoundryClientOptions options)
    {
        var exponential = options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt);
        var jitter = Random.Shared.NextDouble() * options.RetryBaseDelay.TotalMilliseconds;
        return Clamp(TimeSpan.FromMilliseconds(exponential + jitter), options);
    }

    private static TimeSpan Clamp(TimeSpan delay, FoundryClientOptions options)
        => delay < TimeSpan.Zero ? TimeSpan.Zero : delay > options.RetryMaxDelay ? options.RetryMaxDelay : delay;
}
