namespace Foundry.Generated.Runtime;

/// <summary>Options that change how generated types write themselves.</summary>
public sealed class FoundryWireOptions
{
    /// <summary>RIDs on the wire.</summary>
    public static FoundryWireOptions Default { get; } = new();

    /// <summary>Which form of a catalogued model id is written. Uncatalogued ids are written as given.</summary>
    public ModelIdWireFormat ModelIds { get; init; } = ModelIdWireFormat.Rid;
}
