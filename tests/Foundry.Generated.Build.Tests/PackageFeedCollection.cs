using Xunit;

namespace Foundry.Generated.Build.Tests;

/// <summary>The test classes that read the packed packages share one feed: packing all three takes a minute or more.</summary>
[CollectionDefinition(Name)]
public sealed class PackageFeedCollection : ICollectionFixture<PackageFeed>
{
    public const string Name = "packed packages";
}
