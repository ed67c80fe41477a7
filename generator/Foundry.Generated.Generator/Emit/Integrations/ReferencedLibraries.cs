using System;
using Microsoft.CodeAnalysis;

namespace Foundry.Generated.Generator.Emit.Integrations;

/// <summary>Which optional libraries the consumer references; each turns on the adapters built on it.</summary>
internal readonly record struct ReferencedLibraries(bool ExtensionsAi, bool Hosting) : IEquatable<ReferencedLibraries>
{
    public const string ChatClientType = "Microsoft.Extensions.AI.IChatClient";

    public const string HostingType = "Foundry.Generated.Hosting.FoundryHosting";

    public static ReferencedLibraries From(Compilation compilation)
        => new(compilation.GetTypeByMetadataName(ChatClientType) is not null, compilation.GetTypeByMetadataName(HostingType) is not null);

    public bool Has(IntegrationLibrary library) => library switch
    {
        IntegrationLibrary.ExtensionsAi => ExtensionsAi,
        IntegrationLibrary.Hosting => Hosting,
        _ => false,
    };
}
