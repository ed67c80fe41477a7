using System;

namespace Foundry.Generated.Runtime;

// CONTRACT (skeleton): the runtime owner completes this class (token providers, attribution, retries, timeouts).
/// <summary>Settings for talking to a Foundry LLM proxy.</summary>
public sealed partial class FoundryClientOptions
{
    /// <summary>Host root, e.g. <c>https://example.palantirfoundry.com</c>. Defaults to <c>FOUNDRY_URL</c>.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>How model ids go on the wire (RID by default).</summary>
    public ModelIdWireFormat ModelIdWireFormat { get; set; } = ModelIdWireFormat.Rid;
}
