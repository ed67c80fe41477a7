using Foundry.Generated.Catalog.Collections;

namespace Foundry.Generated.Catalog;

public sealed record CatalogReadResult(ModelCatalog? Catalog, EquatableArray<CatalogProblem> Problems)
{
    /// <summary>Every catalog problem is an error: a half-read catalog would give wrong compile-time verdicts.</summary>
    public bool HasErrors => Problems.Count > 0;
}
