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
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Foundry.Generated.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Foundry.Generated.sln not found above " + AppContext.BaseDirectory);
    }
}
