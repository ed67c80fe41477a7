using System;
using System.Collections.Generic;
using System.Linq;
using Foundry.Generated.Catalog.Collections;
using Foundry.Generated.Catalog.ModelIds;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Foundry.Generated.Generator.Pipeline;

/// <summary>What the generator emits from a spec (MSBuild <c>FoundryGenerate</c>).</summary>
internal enum GenerateMode
{
    /// <summary>Types, clients, model types and the adapters of the referenced libraries.</summary>
    All,

    /// <summary>Only the adapters (IChatClient, DI), for types compiled into a referenced assembly. The precompiled
    /// clients' adapters need no generator: they are compiled in <c>Foundry.Generated.Clients.Hosting</c>.</summary>
    Integrations,

    /// <summary>Only the adapters that reuse another adapter's body (xAI's, on the OpenAI bodies): the build of
    /// <c>Foundry.Generated.Clients.Hosting</c>, which compiles every other adapter from its own file.</summary>
    SharedBodyAdapters,
}

/// <summary>MSBuild options the generator reads (<c>CompilerVisibleProperty</c>); compared by value.</summary>
internal sealed record GeneratorOptions(
    string RootNamespace,
    EquatableArray<string> Routes,
    bool Internal,
    GenerateMode Mode,
    EquatableArray<OptionProblem> Problems) : IEquatable<GeneratorOptions>
{
    public const string DefaultNamespace = "Foundry.Generated";

    public static readonly GeneratorOptions Default = new(DefaultNamespace, EquatableArray<string>.Empty, false, GenerateMode.All, EquatableArray<OptionProblem>.Empty);

    /// <summary>Whether a route's client (and what only it reaches) is generated.</summary>
    public bool Selects(string route) => Routes.Count == 0 || Routes.Contains(route);

    public static GeneratorOptions From(AnalyzerConfigOptions options)
    {
        var problems = new List<OptionProblem>();
        var root = DefaultNamespace;
        if (Read(options, "FoundryGeneratedNamespace") is { } ns)
        {
            if (IsValidNamespace(ns))
            {
                root = ns;
            }
            else
            {
                problems.Add(new OptionProblem("FoundryGeneratedNamespace", ns, $"not a valid C# namespace; using '{DefaultNamespace}'"));
            }
        }

        var routes = new List<string>();
        foreach (var route in (Read(options, "FoundryRoutes") ?? string.Empty).Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries).Select(r => r.Trim()).Where(r => r.Length > 0))
        {
            if (ModelIdRules.KnownRoutes.Contains(route))
            {
                routes.Add(route);
            }
            else
            {
                problems.Add(new OptionProblem("FoundryRoutes", route, $"not a route; known routes: {string.Join(", ", ModelIdRules.KnownRoutes)}"));
            }
        }

        var isInternal = false;
        switch (Read(options, "FoundryGeneratedVisibility")?.ToLowerInvariant())
        {
            case null:
            case "public":
                break;
            case "internal":
                isInternal = true;
                break;
            case var other:
                problems.Add(new OptionProblem("FoundryGeneratedVisibility", other, "expected 'public' or 'internal'; using 'public'"));
                break;
        }

        var mode = GenerateMode.All;
        switch (Read(options, "FoundryGenerate")?.ToLowerInvariant())
        {
            case null:
            case "all":
                break;
            case "integrations":
                mode = GenerateMode.Integrations;
                break;
            case "sharedbodyadapters":
                mode = GenerateMode.SharedBodyAdapters;
                break;
            case var other:
                problems.Add(new OptionProblem("FoundryGenerate", other, "expected 'All', 'Integrations' or 'SharedBodyAdapters'; using 'All'"));
                break;
        }

        return new GeneratorOptions(root, routes.Distinct().OrderBy(r => r, StringComparer.Ordinal).ToEquatableArray(), isInternal, mode, problems.ToEquatableArray());
    }

    private static string? Read(AnalyzerConfigOptions options, string property)
        => options.TryGetValue("build_property." + property, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

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

/// <summary>A build property the generator could not use (FDRY302): its name, the value given, and what happens instead.</summary>
internal sealed record OptionProblem(string Property, string Value, string Reason) : IEquatable<OptionProblem>;
