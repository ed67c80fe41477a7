using Foundry.Generated.Catalog.Json;

namespace Foundry.Generated.Catalog;

public enum CatalogProblemKind
{
    InvalidJson,
    InvalidEntry,
    DuplicateModel,
    UnknownRoute,
    MalformedRid,
}

/// <summary>One thing wrong with a catalog file, located at its line and column.</summary>
public sealed record CatalogProblem(CatalogProblemKind Kind, string Message, string Pointer, TextPosition Position);
