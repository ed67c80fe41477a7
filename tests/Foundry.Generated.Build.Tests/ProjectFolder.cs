using System;
using System.IO;

namespace Foundry.Generated.Build.Tests;

/// <summary>
/// Projects in a temporary folder outside the repository (so none of its build files apply), deleted at the end;
/// a project that uses Foundry.Generated imports the repository's props exactly as the README shows.
/// </summary>
internal sealed class ProjectFolder : IDisposable
{
    private readonly string root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "fdry-projects-" + Guid.NewGuid().ToString("N"))).FullName;

    /// <summary>
    /// Writes <c>name/name.csproj</c> and its one source file; returns the project's folder. Properties go before the
    /// import (<paramref name="beforeImport"/>) or after it, with the project's own (<paramref name="afterImport"/>).
    /// </summary>
    public string Project(string name, bool exe, string code, bool importProps = true, string beforeImport = "", string items = "", string afterImport = "")
    {
        var dir = Directory.CreateDirectory(Path.Combine(root, name)).FullName;
        var import = importProps ? $"""<Import Project="{PackageFeed.RepoRoot}/generator/Foundry.Generated.Generator/build/Foundry.Generated.props" />""" : "";
        File.WriteAllText(Path.Combine(dir, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>{beforeImport}</PropertyGroup>
              {import}
              <PropertyGroup>
                <OutputType>{(exe ? "Exe" : "Library")}</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <NuGetAudit>false</NuGetAudit>
                {afterImport}
              </PropertyGroup>
              {items}
            </Project>
            """);
        File.WriteAllText(Path.Combine(dir, exe ? "Program.cs" : name + ".cs"), code);
        return dir;
    }

    // References are built too (an up-to-date check when the suite already built them), so a project never compiles
    // against stale generator or runtime binaries.
    public (int Exit, string Output) Build(string project, params string[] args)
        => Dotnet.Run(project, ["build", "-nologo", .. args]);

    public void Dispose() => Directory.Delete(root, recursive: true);
}
