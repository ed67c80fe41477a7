using System;
using Microsoft.CodeAnalysis;

namespace Foundry.Generated.Generator.Emit.Integrations;

/// <summary>Which optional libraries the consumer references; each turns on the adapters built on it.</summary>
internal readonly record struct ReferencedLibraries(bool ExtensionsAi) : IEquatable<ReferencedLibraries>
{
    public const string ChatClientType = "Microsoft.Extensions.AI.IChatClient";

    public static ReferencedLibraries From(Compilation compilation)
        => new(compilation.GetTypeByMetadataName(ChatClientType) is not null);
}
