using System;
using System.IO;
using System.Reflection;

namespace Foundry.Generated.Spec.Tests.Support;

/// <summary>Paths inside the repository (the test assembly records where it is at build time).</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine(Root, System.IO.Path.Combine(parts));

    public static string Upstream(string provider, string file) => Path("spec", "upstream", provider, file);

    private static string FindRoot()
    {
        foreach (var attribute in typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>())
        {
            if (attribute is { Key: "RepoRoot", Value: { } root })
            {
                return root;
            }
        }

        throw new InvalidOperationException("RepoRoot metadata missing");
    }
}
