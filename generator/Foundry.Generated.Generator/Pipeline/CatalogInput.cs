using System;
using Foundry.Generated.Catalog;

namespace Foundry.Generated.Generator.Pipeline;

internal sealed record CatalogInput(string Path, CatalogReadResult Result) : IEquatable<CatalogInput>;

internal sealed record CatalogModelInput(ModelCatalog? Catalog, string RootNamespace, bool Internal, GenerateMode Mode, PrecompiledModels Precompiled) : IEquatable<CatalogModelInput>;
