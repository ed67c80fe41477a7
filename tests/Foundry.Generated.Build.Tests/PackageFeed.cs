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
/// <remarks>
/// Packs what the suite's build already compiled (Debug, <c>--no-build</c>; this project references the three so they
/// are built): a version passed to a building pack would change every assembly's version and recompile them all, the
/// precompiled clients included. The packages' contents are the same but for the optimiser; a Release pack is what
/// <see cref="PackageValidationTests"/> and docs/RELEASING.md run.
/// </remarks>
public sealed class PackageFeed : IDisposable
{
    public PackageFeed()
    {
        Version = "0.0.0-test." + Guid.NewGuid().ToString("N")[..12];
        Directory.CreateDirectory(Folder);
        foreach (var project in Projects)
        {
            // A packing restore first: the package's dependencies come from the restore, where a reference packed
            // inside the package is private (_IsPacking, as `dotnet pack` restores); no-build pack does not restore.
            var path = Path.Combine(RepoRoot, project);
            var (exit, output) = Dotnet.Run(RepoRoot, "restore", path, "-p:_IsPacking=true", "-nologo");
            Assert.True(exit == 0, output);
            (exit, output) = Dotnet.Run(RepoRoot, "pack", path, "-c", "Debug", "--no-build", "-p:BuildProjectReferences=false", "-o", Folder, "-p:Version=" + Version, "-nologo");
            Assert.True(exit == 0, output);
        }
    }

    /// <summary>The projects packed, as the README's <c>dotnet pack</c> lines name them (ReadmeWalkthroughTests holds them equal).</summary>
    public static readonly string[] Projects = ["runtime/Foundry.Generated", "runtime/Foundry.Generated.Hosting", "runtime/Foundry.Generated.Testing", "tools/Foundry.Generated.Cli"];

    public static string RepoRoot { get; } = ((AssemblyMetadataAttribute[])typeof(PackageFeed).Assembly.GetCustomAttributes(typeof(AssemblyMetadataAttribute), false))
        .Single(a => a.Key == "RepoRoot").Value!.TrimEnd('/', '\\');

    public string Version { get; }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "fdry-feed-" + Guid.NewGuid().ToString("N"));

    public string Package(string id) => Path.Combine(Folder, $"{id}.{Version}.nupkg");

    /// <summary>A nuget.config in <paramref name="directory"/> whose one package source is this feed (NuGet's own
    /// sources come from the machine's configuration).</summary>
    public void WriteNuGetConfig(string directory) => File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <add key="foundry-test-feed" value="{Folder}" />
          </packageSources>
        </configuration>
        """);

    /// <summary>The symbol package (PDBs) packed next to <see cref="Package"/>.</summary>
    public string SymbolPackage(string id) => Path.Combine(Folder, $"{id}.{Version}.snupkg");

    public void Dispose()
    {
        Directory.Delete(Folder, recursive: true);
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var project in Projects)
        {
            // Each project is named after its package (ids are lower case in the cache).
            var extracted = Path.Combine(cache, Path.GetFileName(project).ToLowerInvariant(), Version);
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
        => Processes.Run("dotnet", directory, environment, args);
}

/// <summary>Runs a program and returns its exit code and combined output.</summary>
internal static class Processes
{
    public static (int Exit, string Output) Run(string fileName, string directory, (string Name, string Value)[]? environment, params string[] args)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
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
