namespace Foundry.Generated.Runtime;

/// <summary>How model ids go on the wire.</summary>
public enum ModelIdWireFormat
{
    /// <summary>The Model Catalog RID (<c>ri.language-model-service..language-model.gpt-5-2</c>): the documented form.</summary>
    Rid = 0,

    /// <summary>The friendly id (<c>gpt-5.2</c>), accepted on some routes only.</summary>
    FriendlyId = 1,
}

/// <summary>Options that change how generated types write themselves.</summary>
public sealed class FoundryWireOptions
{
    /// <summary>RIDs on the wire.</summary>
    public static FoundryWireOptions Default { get; } = new();

    /// <summary>Which form of a catalogued model id is written. Uncatalogued ids are written as given.</summary>
    public ModelIdWireFormat ModelIds { get; init; } = ModelIdWireFormat.Rid;
}
