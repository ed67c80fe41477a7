namespace Foundry.Generated.Emulator;

/// <summary>What the emulator saw of one request (never the token).</summary>
public sealed record EmulatedRequest(string Route, string? Model, string? Attribution, string? Fault, int Status)
{
    /// <summary>The JSON request body as sent (headers, and so the token, are not kept).</summary>
    public string? Body { get; init; }
}
