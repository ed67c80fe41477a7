using System;
using Foundry.Generated.Generator.Operations;
using Foundry.Generated.Generator.Schemas;

namespace Foundry.Generated.Generator.Pipeline;

// The values each source output is emitted from: records, so the pipeline compares them by value.

/// <summary>One spec type to emit, with the namespace and visibility of the generated code.</summary>
internal sealed record TypeOutput(TypeModel Type, string RootNamespace, bool Internal) : IEquatable<TypeOutput>;

/// <summary>One route client to emit.</summary>
internal sealed record ClientOutput(ClientModel Client, string RootNamespace, bool Internal) : IEquatable<ClientOutput>;

/// <summary>The root client (<c>FoundryLlmClient</c>) over every route client.</summary>
internal sealed record ClientRootOutput(ClientsModel Clients, bool Internal) : IEquatable<ClientRootOutput>;
