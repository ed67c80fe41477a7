using System;
using Foundry.Generated.Catalog.Collections;
using Foundry.Generated.Generator.Model;
using Foundry.Generated.Generator.Operations;
using Foundry.Generated.Generator.Schemas;

namespace Foundry.Generated.Generator.Pipeline;

/// <summary>Everything the spec contributes: types, clients and problems. Compared by value.
/// <paramref name="Internal"/>: top-level types are declared internal (<c>FoundryGeneratedVisibility</c>).</summary>
internal sealed record SpecModel(
    string RootNamespace,
    bool Internal,
    EquatableArray<TypeModel> Types,
    ClientsModel? Clients,
    EquatableArray<GeneratorProblem> Problems) : IEquatable<SpecModel>;
