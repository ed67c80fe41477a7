using System;
using System.IO;

namespace Foundry.Generated.SpecSync;

internal static class RepoRoot
{
    /// <summary>The folder holding Foundry.Generated.sln, searched from the working directory, then the tool's folder.</summary>
    public static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Foundry.Generated.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
