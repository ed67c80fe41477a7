using Foundry.Generated.Runtime;

namespace Foundry.Generated;

/// <summary>
/// A model id bound to one route (implemented by the generated per-route structs such as <c>ResponsesModel</c>).
/// </summary>
public interface IFoundryModelId
{
    /// <summary>The route id this value is valid for (see <see cref="FoundryRoutes"/>).</summary>
    string Route { get; }

    /// <summary>The catalog entry, or null for an uncatalogued RID passed through the escape hatch.</summary>
    FoundryModelInfo? Info { get; }

    /// <summary>The string sent in the request for the given wire format.</summary>
    string GetWireId(ModelIdWireFormat format);
}
