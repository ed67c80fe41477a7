using System;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Foundry.Generated.Generator.Pipeline;

/// <summary>MSBuild options the generator reads (<c>CompilerVisibleProperty</c>).</summary>
internal sealed record GeneratorOptions(string RootNamespace, string? InvalidNamespace) : IEquatable<GeneratorOptions>
{
    public const string DefaultNamespace = "Foundry.Generated";

    public static GeneratorOptions From(AnalyzerConfigOptions options)
    {
        if (!options.TryGetValue("build_property.FoundryGeneratedNamespace", out var ns) || string.IsNullOrWhiteSpace(ns))
        {
            return new GeneratorOptions(DefaultNamespace, null);
        }

        ns = ns.Trim();
        return IsValidNamespace(ns) ? new GeneratorOptions(ns, null) : new GeneratorOptions(DefaultNamespace, ns);
    }

    private static bool IsValidNamespace(string ns)
    {
        foreach (var part in ns.Split('.'))
        {
            if (part.Length == 0 || !(char.IsLetter(part[0]) || part[0] == '_'))
            {
                return false;
            }

            foreach (var c in part)
            {
                if (!char.IsLetterOrDigit(c) && c != '_')
                {
                    return false;
                }
            }
        }

        return true;
    }
}
