using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using Xunit;

namespace Foundry.Generated.Build.Tests;

/// <summary>
/// Packs Foundry.Generated, Foundry.Generated.Hosting, the foundry-llm tool and Foundry.Generated.Testing once per test class into a temporary folder feed, with a
/// version no earlier run used (so NuGet's global cache never serves a stale package); removes both afterwards.
/// </summary>
public sealed class PackageFeed : IDisposable
{
    public PackageFeed()
    {
        Version = "0.0.0-test." + Guid.NewGuid().ToString("N")[..12];
        Directory.CreateDirectory(Folder);
        foreach (var project in new[] { "runtime/Foundry.Generated.Clients", "runtime/Foundry.Generated.Clients.Hosting", "runtime/Foundry.Generated.Cli", "runtime/Foundry.Generated.Testing" })
        {
            var (exit, output) = Dotnet.Run(RepoRoot, "pack", Path.Combine(RepoRoot, project), "-c", "Release", "-o", Folder, "-p:Version=" + Version, "-nologo");
            Assert.True(exit == 0, output);
        }
    }

    public static string RepoRoot { get; } = ((AssemblyMetadataAttribute[])typeof(PackageFeed).Assembly.GetCustomAttributes(typeof(AssemblyMetadataAttribute), false))
        .Single(a => a.Key == "RepoRoot").Value!.TrimEnd('/', '\\');

    public string Version { get; }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "fdry-feed-" + Guid.NewGuid().ToString("N"));

    public string Package(string id) => Path.Combine(Folder, $"{id}.{Version}.nupkg");

    /// <summary>The symbol package (PDBs) packed next to <see cref="Package"/>.</summary>
    public string SymbolPackage(string id) => Path.Combine(Folder, $"{id}.{Version}.snupkg");

    public void Dispose()
    {
        Directory.Delete(Folder, recursive: true);
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { "foundry.generated", "foundry.generated.hosting", "foundry.generated.cli" })
        {
            var extracted = Path.Combine(cache, id, Version);
            if (Directory.Exists(extracted))
            {
                Directory.Delete(extracted, recursive: true);
            }
        }
    }
}

/// <summary>Runs the dotnet CLI and returns its exit code and combined output.</summary>
internal static class Dotnet
{
    public static (int Exit, string Output) Run(string directory, params string[] args) => Run(directory, null, args);

    public static (int Exit, string Output) Run(string directory, (string Name, string Value)[]? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? [])
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
