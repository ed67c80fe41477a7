using System;
using System.Collections.Generic;
using System.Linq;
using Foundry.Generated.Catalog.Collections;
using Foundry.Generated.Catalog.ModelIds;
using Foundry.Generated.Generator.Model;
using Microsoft.CodeAnalysis;

namespace Foundry.Generated.Generator.Pipeline;

/// <summary>
/// The model members of per-route model structs that a referenced assembly already compiles (the precompiled
/// <c>Foundry.Generated.Clients</c>), as "route|Member" values. Empty when none is referenced: then the catalog's
/// model types are generated here. A small value, so edits of user code re-run nothing downstream.
/// </summary>
internal sealed record PrecompiledModels(EquatableArray<string> Members) : IEquatable<PrecompiledModels>
{
    public bool Any => Members.Count > 0;

    public bool Has(string route, string member) => Members.Contains(route + "|" + member);

    public static PrecompiledModels From(Compilation compilation, string rootNamespace)
    {
        var members = new List<string>();
        foreach (var route in ModelIdRules.KnownRoutes)
        {
            if (compilation.GetTypeByMetadataName(rootNamespace + "." + RouteNames.ModelTypeName(route)) is { } type && IsFromMetadata(type))
            {
                members.Add(route + "|");
                members.AddRange(ModelMembers(type).Select(name => route + "|" + name));
            }
        }

        return new PrecompiledModels(members.ToEquatableArray());
    }

    /// <summary>The static members of a model struct that name a model (same type as the struct).</summary>
    public static IEnumerable<string> ModelMembers(INamedTypeSymbol modelType)
        => modelType.GetMembers().OfType<IPropertySymbol>()
            .Where(p => p.IsStatic && SymbolEqualityComparer.Default.Equals(p.Type, modelType))
            .Select(p => p.Name)
            .OrderBy(n => n, StringComparer.Ordinal);

    public static bool IsFromMetadata(ISymbol symbol) => symbol.Locations.All(l => l.IsInMetadata);
}
