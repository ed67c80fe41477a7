using System;

namespace Foundry.Generated.Testing;

/// <summary>How a <see cref="FakeFoundry"/> behaves; the defaults answer like Foundry does.</summary>
public class FakeFoundryOptions
{
    /// <summary>The bearer token accepted; random when null.</summary>
    public string? Token { get; set; }

    /// <summary>OAuth2 client id accepted by the token endpoint (<c>/multipass/api/oauth2/token</c>).</summary>
    public string ClientId { get; set; } = "emulator-client";

    /// <summary>OAuth2 client secret accepted by the token endpoint.</summary>
    public string ClientSecret { get; set; } = "emulator-secret";

    /// <summary>Lifetime the token endpoint reports.</summary>
    public int TokenLifetimeSeconds { get; set; } = 3600;

    /// <summary>Delay between streamed events (keeps a stream observable); zero by default.</summary>
    public TimeSpan EventDelay { get; set; }

    /// <summary>Check each request body against the proxy spec's request schema (400 when it does not fit); on by default.</summary>
    public bool ValidateRequests { get; set; } = true;

    /// <summary>An enrollment with missing models, denials, failing routes or rate limits; none by default.</summary>
    public FakeEnrollment? Enrollment { get; set; }

    /// <summary>
    /// False (the default): a request no scripted reply matches gets the emulated reply (deterministic text derived
    /// from the prompt, a call of the first tool offered). True: it gets a 500 naming the request and the scripts, so
    /// a test notices a call it did not expect.
    /// </summary>
    public bool RequireScriptedReplies { get; set; }
}
