using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace Foundry.Generated.Testing;

/// <summary>
/// What one Foundry enrollment has enabled, beyond the catalog: models it does not have (404
/// <c>LanguageModelNotFound</c>), models the user may not use (403), routes that fail for a model (e.g. the 500 reported
/// for gpt-5-mini on chat completions) and models that are rate limited for their first requests (429 with
/// <c>Retry-After</c>). Lets the probe, and a user's handling of each, be tested end to end.
/// </summary>
public class FakeEnrollment
{
    private readonly ConcurrentDictionary<string, int> _rateLimitedLeft = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Friendly ids or RIDs this enrollment does not have.</summary>
    public ISet<string> MissingModels { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Friendly ids or RIDs the caller has no permission to use.</summary>
    public ISet<string> DeniedModels { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>"modelId|routeId" → the HTTP status that route answers for that model.</summary>
    public IDictionary<string, int> RouteFailures { get; } = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Model id → how many of its first requests get 429 (with <see cref="RetryAfterSeconds"/>).</summary>
    public IDictionary<string, int> RateLimitedRequests { get; } = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

    public int RetryAfterSeconds { get; set; } = 1;

    internal bool TakeRateLimit(string modelId)
    {
        if (!RateLimitedRequests.TryGetValue(modelId, out var limit))
        {
            return false;
        }

        var left = _rateLimitedLeft.AddOrUpdate(modelId, limit - 1, (_, n) => n - 1);
        return left >= 0;
    }
}
