namespace Foundry.Generated.Testing;

/// <summary>One server-sent event: optional <c>event:</c> name and the <c>data:</c> payload.</summary>
internal sealed record WireEvent(string? Name, string Data);
