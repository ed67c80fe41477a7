using System;
using System.Collections.Generic;

namespace Foundry.Generated;

/// <summary>
/// Settings for one call that override the client's <see cref="FoundryClientOptions"/> for that call only: who is
/// billed (attribution), how long it may take, how often it is retried, and extra headers. Unset members keep the
/// client's values. Pass it to any client method's overload that takes it.
/// </summary>
public sealed class FoundryRequestOptions
{
    /// <summary>The project RIDs sent in the <c>attribution</c> header instead of the client's (empty: none).</summary>
    public IReadOnlyList<string>? AttributionRids { get; init; }

    /// <summary>Instead of <see cref="FoundryClientOptions.RequestTimeout"/> (non-streaming calls).</summary>
    public TimeSpan? RequestTimeout { get; init; }

    /// <summary>Instead of <see cref="FoundryClientOptions.MaxRetries"/>.</summary>
    public int? MaxRetries { get; init; }

    /// <summary>Instead of <see cref="FoundryClientOptions.StreamIdleTimeout"/> (streaming calls).</summary>
    public TimeSpan? StreamIdleTimeout { get; init; }

    /// <summary>
    /// Headers added to the request (e.g. a correlation id). <c>Authorization</c> is refused: the token comes from the
    /// client's credentials, and a header of a caller's must never replace or leak it.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>
    /// Called once with the head of the successful response (status, headers, request id) before its body is read:
    /// for a stream, before its first event. Not called for a failed call (its exception carries the status and the
    /// request id).
    /// </summary>
    public Action<FoundryResponseHead>? OnResponseHead { get; init; }

    private static readonly string[] Reserved = { "Authorization", "Proxy-Authorization" };

    /// <summary>The client's options with these applied (the same instance when there is nothing to apply).</summary>
    internal static FoundryClientOptions Apply(FoundryClientOptions client, FoundryRequestOptions? call)
    {
        if (call is null)
        {
            return client;
        }

        if (call.Headers is { } headers)
        {
            foreach (var name in headers.Keys)
            {
                if (Array.Exists(Reserved, r => string.Equals(r, name, StringComparison.OrdinalIgnoreCase)))
                {
                    throw new ArgumentException($"FoundryRequestOptions.Headers may not set '{name}': the token comes from the client's credentials.", nameof(call));
                }
            }
        }

        if (call.MaxRetries is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(call), call.MaxRetries, "FoundryRequestOptions.MaxRetries must not be negative.");
        }

        return client.ForCall(call);
    }
}
