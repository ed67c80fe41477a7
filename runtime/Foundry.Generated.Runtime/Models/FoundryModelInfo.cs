using System.Collections.Generic;
using Foundry.Generated.Runtime;

namespace Foundry.Generated;

/// <summary>Lifecycle of a catalogued model.</summary>
public enum FoundryModelLifecycle
{
    Ga,
    Experimental,
    Deprecated,
    Sunset,
}

/// <summary>What a model accepts, as far as it changes what a request may contain.</summary>
public sealed class FoundryModelCapabilities
{
    public bool Reasoning { get; init; }
    public bool Temperature { get; init; } = true;
    public bool Tools { get; init; }
    public bool Vision { get; init; }
    public bool StructuredOutput { get; init; }
    /// <summary>Embedding vector size, for embedding models.</summary>
    public int? EmbeddingDimensions { get; init; }
    /// <summary>The chat-completions token limit parameter this model needs (<c>max_tokens</c> or <c>max_completion_tokens</c>).</summary>
    public string? MaxTokensParameter { get; init; }
}

/// <summary>One model of the checked-in catalog (emitted by the generator into <c>FoundryModels</c>).</summary>
public sealed class FoundryModelInfo
{
    /// <summary>Friendly id, e.g. <c>gpt-5-mini</c>.</summary>
    public required string Id { get; init; }
    /// <summary>Model Catalog RID, e.g. <c>ri.language-model-service..language-model.gpt-5-mini</c>.</summary>
    public required string Rid { get; init; }
    public required string DisplayName { get; init; }
    /// <summary>Other names the catalog accepts for this model.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
    /// <summary>openai, anthropic, google, xai, ...</summary>
    public required string Provider { get; init; }
    /// <summary>Route ids (see <see cref="FoundryRoutes"/>) the model works on.</summary>
    public required IReadOnlyList<string> Routes { get; init; }
    /// <summary>The route to use when the caller does not choose one.</summary>
    public required string PreferredRoute { get; init; }
    public FoundryModelLifecycle Lifecycle { get; init; }
    /// <summary>ISO date of the lifecycle change (deprecation, sunset), when known.</summary>
    public string? LifecycleDate { get; init; }
    public required FoundryModelCapabilities Capabilities { get; init; }

    public bool SupportsRoute(string route)
    {
        foreach (var r in Routes)
        {
            if (r == route)
            {
                return true;
            }
        }
        return false;
    }

    public override string ToString() => Id;
}
