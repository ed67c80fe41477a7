using System;
using System.IO;

namespace Foundry.Generated.Catalog.Tests;

internal static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string Read(string relative) => File.ReadAllText(Path.Combine(Root, relative));

    private static string FindRoot()
    {
        foreach (var attribute in typeof(RepoFiles).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false))
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

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
