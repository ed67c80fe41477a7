using System;
using System.IO;
using System.Reflection;

namespace Foundry.Generated.Spec.Tests;

/// <summary>Where the repository and the copied fixtures are.</summary>
internal static class TestPaths
{
    /// <summary>The folder holding Foundry.Generated.sln: from build metadata, else walking up from the test binaries.</summary>
    public static string RepoRoot()
    {
        foreach (var attribute in typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>())
        {
            if (attribute is { Key: "RepoRoot", Value: { } root } && File.Exists(Path.Combine(root, "Foundry.Generated.sln")))
            {
                return root;
            }
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Foundry.Generated.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Foundry.Generated.sln not found above " + AppContext.BaseDirectory);
    }

    public static string Fixture(string relativePath) => Path.Combine(AppContext.BaseDirectory, "Fixtures", relativePath);

    public static string ReadFixture(string relativePath) => File.ReadAllText(Fixture(relativePath));

    public static string CheckedInSpec => Path.Combine(RepoRoot(), "spec", "foundry-llm-proxy.openapi.json");
}
