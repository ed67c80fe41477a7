using System;
using Microsoft.CodeAnalysis;

namespace Foundry.Generated.Generator.Emit.Integrations;

/// <summary>Which optional libraries the consumer references; each turns on the adapters built on it. The IChatClient
/// adapters need Microsoft.Extensions.AI.Abstractions and Foundry.Generated.Hosting (their compiled base).</summary>
internal readonly record struct ReferencedLibraries(bool ExtensionsAi, bool Hosting) : IEquatable<ReferencedLibraries>
{
    public const string ChatClientType = "Microsoft.Extensions.AI.IChatClient";

    public const string HostingType = "Foundry.Generated.Hosting.FoundryHosting";

    /// <summary>The compiled base of every chat adapter (Foundry.Generated.Hosting); only the route-specific part is generated.</summary>
    public const string ChatClientBaseType = "Foundry.Generated.Hosting.AI.FoundryChatClientBase`1";

    public static ReferencedLibraries From(Compilation compilation)
    {
        var hosting = compilation.GetTypeByMetadataName(HostingType) is not null;
        var ai = compilation.GetTypeByMetadataName(ChatClientType) is not null && compilation.GetTypeByMetadataName(ChatClientBaseType) is not null;
        return new(ai, hosting);
    }

    public bool Has(IntegrationLibrary library) => library switch
    {
        IntegrationLibrary.ExtensionsAi => ExtensionsAi,
        IntegrationLibrary.Hosting => Hosting,
        _ => false,
    };
}
