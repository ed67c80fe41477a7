namespace Foundry.Generated.Runtime;

/// <summary>
/// The parsing every generated per-route model struct has, as static members generic code can call
/// (the adapters' model resolution, compiled once in Foundry.Generated.Hosting).
/// </summary>
public interface IFoundryParsableModelId<TSelf> : IFoundryModelId
    where TSelf : struct, IFoundryParsableModelId<TSelf>
{
    /// <summary>A catalogued model by friendly id or RID; throws with suggestions when it is unknown or not on this route.</summary>
    static abstract TSelf Parse(string id);

    /// <summary>A catalogued model on this route, or false.</summary>
    static abstract bool TryParse(string? id, out TSelf model);

    /// <summary>A well-formed RID the catalog does not know.</summary>
    static abstract TSelf FromUncataloguedRid(string rid);
}
