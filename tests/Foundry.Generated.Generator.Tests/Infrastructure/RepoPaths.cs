using System;
using System.IO;

namespace Foundry.Generated.Generator.Tests.Infrastructure;

/// <summary>Finds files in the repository (the folder holding Foundry.Generated.sln).</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Spec(string fileName) => Path.Combine(Root, "spec", fileName);

    public static string TestsDir(string relative) => Path.Combine(Root, "tests", relative);

    private static string FindRoot()
    {
        foreach (var attribute in typeof(RepoPaths).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false))
        {
            if (attribute is System.Reflection.AssemblyMetadataAttribute { Key: "RepoRoot", Value: { } root } && File.Exists(Path.Combine(root, "Foundry.Generated.sln")))
            {
                return root;
            }
        }

        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Foundry.Generated.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Foundry.Generated.sln not found above " + AppContext.BaseDirectory);
    }
}
