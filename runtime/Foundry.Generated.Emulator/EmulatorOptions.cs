namespace Foundry.Generated.Emulator;

/// <summary>How the emulator starts.</summary>
public sealed class EmulatorOptions
{
    /// <summary>Port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>The bearer token accepted; random when null.</summary>
    public string? Token { get; set; }

    /// <summary>OAuth2 client id accepted by the emulated token endpoint (<c>/multipass/api/oauth2/token</c>).</summary>
    public string ClientId { get; set; } = "emulator-client";

    /// <summary>OAuth2 client secret accepted by the emulated token endpoint.</summary>
    public string ClientSecret { get; set; } = "emulator-secret";

    /// <summary>Lifetime the token endpoint reports.</summary>
    public int TokenLifetimeSeconds { get; set; } = 3600;

    /// <summary>Delay between streamed events (keeps a stream observable); zero by default.</summary>
    public System.TimeSpan EventDelay { get; set; }

    /// <summary>Check each request body against the proxy spec's request schema (400 when it does not fit); on by default.</summary>
    public bool ValidateRequests { get; set; } = true;

    /// <summary>An enrollment with missing models, denials, failing routes or rate limits; none by default.</summary>
    public EmulatorEnrollment? Enrollment { get; set; }
}
