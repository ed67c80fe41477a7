using System;
using Foundry.Generated.Runtime;

namespace Foundry.Generated;

/// <summary>
/// Marks a string parameter, property or field that holds a model id for <paramref name="route"/>.
/// The Foundry analyzer checks string constants flowing into it against the model catalog at compile time.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false)]
public sealed class FoundryModelIdAttribute(string route) : Attribute
{
    /// <summary>The route id (see <see cref="FoundryRoutes"/>), or <c>*</c> for any route.</summary>
    public string Route { get; } = route;

    /// <summary>True for the escape hatch: a well-formed RID that is not in the catalog is accepted (FDRY005 info).</summary>
    public bool AllowUncatalogued { get; init; }
}
