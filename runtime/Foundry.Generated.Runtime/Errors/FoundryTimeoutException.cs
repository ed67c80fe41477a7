using System;
using Foundry.Generated.Runtime;

namespace Foundry.Generated;

/// <summary>
/// A non-streaming call got no whole answer within <see cref="FoundryClientOptions.RequestTimeout"/> (or the supplied
/// <c>HttpClient</c>'s own timeout). A stream that goes quiet fails instead with
/// <see cref="FoundryStreamFailure.IdleTimeout"/>.
/// </summary>
public sealed class FoundryTimeoutException : FoundryException
{
    internal FoundryTimeoutException(string message, string route, string? model, TimeSpan timeout, Exception? inner)
        : base(message, route, model, inner, TokenScrubber.None)
    {
        Timeout = timeout;
    }

    /// <summary>The limit that was reached.</summary>
    public TimeSpan Timeout { get; }
}
