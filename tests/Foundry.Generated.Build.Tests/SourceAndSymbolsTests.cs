using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Foundry.Generated.Build.Tests;

/// <summary>
/// A user can step into the shipped code: every package has a symbol package with the PDBs of the assemblies it ships,
/// and names the repository and commit it was built from (SourceLink).
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class SourceAndSymbolsTests(PackageFeed feed)
{
    [Theory]
    [InlineData("Foundry.Generated", "lib/net10.0/Foundry.Generated.Clients.pdb", "lib/net10.0/Foundry.Generated.Runtime.pdb")]
    [InlineData("Foundry.Generated.Hosting", "lib/net10.0/Foundry.Generated.Clients.Hosting.pdb", "lib/net10.0/Foundry.Generated.Hosting.Core.pdb")]
    [InlineData("Foundry.Generated.Cli", "tools/net10.0/any/foundry-llm.pdb")]
    [InlineData("Foundry.Generated.Testing", "lib/net10.0/Foundry.Generated.Testing.pdb", "lib/net10.0/Foundry.Generated.Catalog.pdb")]
    public void Each_package_has_a_symbol_package_with_the_PDBs_of_its_assemblies(string id, params string[] pdbs)
    {
        Assert.True(File.Exists(feed.SymbolPackage(id)), $"no {Path.GetFileName(feed.SymbolPackage(id))} in {string.Join(", ", Directory.GetFiles(feed.Folder).Select(Path.GetFileName))}");
        using var archive = ZipFile.OpenRead(feed.SymbolPackage(id));
        var files = archive.Entries.Select(e => e.FullName).ToArray();
        Assert.All(pdbs, pdb => Assert.Contains(pdb, files));
    }

    [Theory]
    [InlineData("Foundry.Generated")]
    [InlineData("Foundry.Generated.Hosting")]
    [InlineData("Foundry.Generated.Cli")]
    [InlineData("Foundry.Generated.Testing")]
    public void Each_package_names_its_repository_and_commit_readme_and_license(string id)
    {
        using var archive = ZipFile.OpenRead(feed.Package(id));
        using var reader = new StreamReader(archive.GetEntry(id + ".nuspec")!.Open());
        var nuspec = reader.ReadToEnd();

        Assert.Matches(new Regex("""<repository type="git" url="https://[^"]+"[^>]* commit="[0-9a-f]{40}" />"""), nuspec);
        Assert.Contains("<license type=\"expression\">MIT</license>", nuspec);
        Assert.Contains("<readme>README.md</readme>", nuspec);
        Assert.NotNull(archive.GetEntry("README.md"));
    }
}
