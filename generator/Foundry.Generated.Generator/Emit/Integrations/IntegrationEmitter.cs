using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Foundry.Generated.Catalog.Collections;
using Foundry.Generated.Generator.Pipeline;

namespace Foundry.Generated.Generator.Emit.Integrations;

/// <summary>What to emit for the referenced libraries: adapters whose names all exist, and the ones skipped.</summary>
internal sealed record IntegrationPlan(string RootNamespace, EquatableArray<string> Emit, EquatableArray<string> Skipped) : IEquatable<IntegrationPlan>
{
    public static readonly IntegrationPlan None = new(GeneratorOptions.DefaultNamespace, EquatableArray<string>.Empty, EquatableArray<string>.Empty);
}

internal static class IntegrationEmitter
{
    /// <summary>Plans the adapters: <paramref name="Skipped"/> entries are "adapter|missing name".</summary>
    public static IntegrationPlan Plan(SpecModel? spec, ReferencedLibraries libraries)
    {
        if (spec is null || !libraries.ExtensionsAi)
        {
            return IntegrationPlan.None;
        }

        var known = new HashSet<string>(StringComparer.Ordinal);
        var prefix = spec.RootNamespace + ".";
        foreach (var type in spec.Types)
        {
            var ns = type.Namespace.StartsWith(prefix, StringComparison.Ordinal) ? type.Namespace.Substring(prefix.Length) + "." : string.Empty;
            known.Add(ns + type.Name);
        }

        foreach (var client in spec.Clients?.Clients ?? EquatableArray<Operations.ClientModel>.Empty)
        {
            known.Add(client.Name);
        }

        foreach (var route in Foundry.Generated.Catalog.ModelIds.ModelIdRules.KnownRoutes)
        {
            if (Model.RouteNames.ModelTypeName(route) is { } modelType)
            {
                known.Add(modelType);
            }
        }

        var emit = new List<string>();
        var skipped = new List<string>();
        foreach (var template in IntegrationTemplates.ExtensionsAi)
        {
            var missing = template.Requires.FirstOrDefault(name => !known.Contains(name));
            if (missing is null)
            {
                emit.Add(template.Name);
            }
            else
            {
                skipped.Add(template.Name + "|" + missing);
            }
        }

        return new IntegrationPlan(spec.RootNamespace, new EquatableArray<string>(emit.ToArray()), new EquatableArray<string>(skipped.ToArray()));
    }

    public static IEnumerable<(string HintName, string Source)> Emit(IntegrationPlan plan)
    {
        foreach (var name in plan.Emit)
        {
            var template = IntegrationTemplates.ExtensionsAi.First(t => t.Name == name);
            var source = Load(template.Resource);
            foreach (var token in template.Tokens)
            {
                source = source.Replace(token.Key, token.Value);
            }

            yield return (template.HintName, source.Replace("__Root__", plan.RootNamespace));
        }
    }

    private static string Load(string resource)
    {
        var assembly = typeof(IntegrationEmitter).Assembly;
        using var stream = assembly.GetManifestResourceStream("Foundry.Generated.Generator.Templates." + resource)
            ?? throw new InvalidOperationException("Missing embedded template " + resource);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("\r\n", "\n");
    }
}
