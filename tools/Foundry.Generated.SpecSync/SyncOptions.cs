namespace Foundry.Generated.SpecSync;

/// <summary>What the sync reads and writes; a null path means the repository's own file under <c>spec/</c>.</summary>
public sealed record SyncOptions(string? OpenAi = null, string? Anthropic = null, string? Google = null, string? Output = null, bool Check = false, bool AllowBrokenRefs = false);
