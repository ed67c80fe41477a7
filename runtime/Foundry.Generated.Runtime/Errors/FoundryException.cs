using System;
using Foundry.Generated.Runtime;

namespace Foundry.Generated;

/// <summary>
/// Base of every error the Foundry runtime raises for a call: <see cref="FoundryApiException"/> (an error status),
/// <see cref="FoundryStreamException"/> (a stream that failed after it started), <see cref="FoundryConnectionException"/>
/// (no response at all) and <see cref="FoundryTimeoutException"/>. Cancellation by the caller stays an
/// <see cref="OperationCanceledException"/>. No property, message or <c>ToString()</c> holds the bearer token, even
/// when a server echoes it.
/// </summary>
public abstract class FoundryException : Exception
{
    private protected FoundryException(string message, string route, string? model, Exception? inner, in TokenScrubber scrub)
        : base(scrub.Scrub(message), inner)
    {
        Route = route;
        Model = model;
    }

    /// <summary>The route id of the request.</summary>
    public string Route { get; }

    /// <summary>The model id of the request, when known.</summary>
    public string? Model { get; }
}
