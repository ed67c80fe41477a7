using System;
using Foundry.Generated.Runtime;

namespace Foundry.Generated;

/// <summary>
/// No bearer token for the call: the token provider (<see cref="FoundryClientOptions.Credentials"/> or
/// <see cref="FoundryClientOptions.TokenProvider"/>) failed — e.g. the OAuth2 token endpoint refused the client or could
/// not be reached — or no token is configured. Nothing was sent to the proxy; <see cref="Exception.InnerException"/> is
/// the provider's own error.
/// </summary>
public sealed class FoundryCredentialException : FoundryException
{
    internal FoundryCredentialException(string message, string route, string? model, Exception inner, in TokenScrubber scrub)
        : base(message, route, model, inner, scrub)
    {
    }
}
