using System;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Foundry.Generated.Generator.Pipeline;

/// <summary>
/// Which AdditionalFiles are the spec and the catalog: by the <c>FoundryKind</c> item metadata (<c>Spec</c> or
/// <c>Catalog</c>, set by the build files, so a catalog may have any file name), else by the default file names.
/// <c>PrecompiledCatalog</c> (only by metadata) is the catalog the precompiled clients were compiled with, passed by
/// the build files next to a user's own <c>FoundryModelCatalog</c>: the analyzer lays the user's catalog over it; the
/// generator does not read it.
/// </summary>
internal static class InputKinds
{
    public const string SpecFileName = "foundry-llm-proxy.openapi.json";
    public const string CatalogFileName = "model-catalog.json";
    public const string Spec = "Spec";
    public const string Catalog = "Catalog";
    public const string PrecompiledCatalog = "PrecompiledCatalog";

    /// <summary>The kind of an AdditionalFile ("Spec", "Catalog", "PrecompiledCatalog"), or null when it is not ours.</summary>
    public static string? Of(AdditionalText file, AnalyzerConfigOptionsProvider options)
    {
        if (options.GetOptions(file).TryGetValue("build_metadata.AdditionalFiles.FoundryKind", out var kind) && !string.IsNullOrWhiteSpace(kind))
        {
            return string.Equals(kind.Trim(), Spec, StringComparison.OrdinalIgnoreCase) ? Spec
                : string.Equals(kind.Trim(), Catalog, StringComparison.OrdinalIgnoreCase) ? Catalog
                : string.Equals(kind.Trim(), PrecompiledCatalog, StringComparison.OrdinalIgnoreCase) ? PrecompiledCatalog
                : null;
        }

        var name = Path.GetFileName(file.Path);
        return string.Equals(name, SpecFileName, StringComparison.OrdinalIgnoreCase) ? Spec
            : string.Equals(name, CatalogFileName, StringComparison.OrdinalIgnoreCase) ? Catalog
            : null;
    }
}
