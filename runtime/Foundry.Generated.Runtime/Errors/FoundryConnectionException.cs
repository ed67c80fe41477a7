using System;
using Foundry.Generated.Runtime;

namespace Foundry.Generated;

/// <summary>
/// No response came: the connection was refused or reset, the host name did not resolve, TLS failed, or the body of a
/// non-streaming answer broke off. Raised after the retries (<see cref="FoundryClientOptions.MaxRetries"/>) are spent;
/// <see cref="Exception.InnerException"/> is the last transport error.
/// </summary>
public sealed class FoundryConnectionException : FoundryException
{
    internal FoundryConnectionException(string message, string route, string? model, Uri endpoint, Exception inner, in TokenScrubber scrub)
        : base(message, route, model, inner, scrub)
    {
        Host = endpoint.Host;
        Port = endpoint.Port;
    }

    /// <summary>The host the call went to.</summary>
    public string Host { get; }

    public int Port { get; }
}
