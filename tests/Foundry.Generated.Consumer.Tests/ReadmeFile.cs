using System;
using System.IO;

namespace Foundry.Generated.Consumer.Tests;

/// <summary>The repository's README.md, found above the test's output folder: tests read its snippets from the file itself.</summary>
internal static class ReadmeFile
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Foundry.Generated.sln")))
            {
                return System.IO.Path.Combine(dir.FullName, "README.md");
            }
        }

        throw new InvalidOperationException("README.md not found above " + AppContext.BaseDirectory);
    }
}
