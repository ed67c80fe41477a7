using System;
using System.Globalization;
using System.Net;
using System.Net.Http;

namespace Foundry.Generated.Runtime;

/// <summary>When and how long to wait before retrying: only before the first response byte, never mid-stream.</summary>
internal static class RetryPolicy
{
    public static bool IsRetryable(HttpStatusCode status)
        => status is HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>The wait the server asked for (<c>Retry-After</c> in seconds or as a date), unclamped; null when it did not say.</summary>
    public static TimeSpan? ServerAsked(HttpResponseMessage response, TimeProvider time)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    public static TimeSpan Backoff(int attempt, FoundryClientOptions options)
    {
        var exponential = options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt);
        var jitter = Random.Shared.NextDouble() * options.RetryBaseDelay.TotalMilliseconds;
        var delay = TimeSpan.FromMilliseconds(exponential + jitter);
        return delay > options.RetryMaxDelay ? options.RetryMaxDelay : delay;
    }

    /// <summary>
    /// Why the call is not retried after <paramref name="attempt"/> (0-based) with <paramref name="delay"/> to wait,
    /// or null when it is. Waits already slept in this call count against <see cref="FoundryClientOptions.RetryBudget"/>.
    /// </summary>
    public static string? Refusal(int attempt, TimeSpan delay, TimeSpan? serverAsked, TimeSpan waited, FoundryClientOptions options)
    {
        if (attempt >= options.MaxRetries)
        {
            return options.MaxRetries == 0 ? "not retried (MaxRetries is 0)" : $"retries exhausted after {attempt + 1} attempts";
        }

        if (serverAsked > options.RetryMaxDelay)
        {
            return $"not retried: the server asked to wait {Describe(serverAsked.Value)}, longer than RetryMaxDelay ({Describe(options.RetryMaxDelay)})";
        }

        var budget = options.RetryBudget;
        if (budget != System.Threading.Timeout.InfiniteTimeSpan && waited + delay > budget)
        {
            return $"not retried: waiting {Describe(delay)} more would exceed RetryBudget ({Describe(budget)}, {Describe(waited)} already waited)";
        }

        return null;
    }

    /// <summary>"1.5 s", "2 min", "1 d (86,400 s)": what a person reads in a message or a log.</summary>
    public static string Describe(TimeSpan span)
    {
        var seconds = span.TotalSeconds;
        return seconds switch
        {
            < 120 => seconds.ToString("0.###", CultureInfo.InvariantCulture) + " s",
            < 7200 => $"{span.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture)} min ({seconds.ToString("N0", CultureInfo.InvariantCulture)} s)",
            < 86400 => $"{span.TotalHours.ToString("0.#", CultureInfo.InvariantCulture)} h ({seconds.ToString("N0", CultureInfo.InvariantCulture)} s)",
            _ => $"{span.TotalDays.ToString("0.#", CultureInfo.InvariantCulture)} d ({seconds.ToString("N0", CultureInfo.InvariantCulture)} s)",
        };
    }
}
