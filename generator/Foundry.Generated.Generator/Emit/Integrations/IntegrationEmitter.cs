using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Foundry.Generated.Catalog.Collections;
using Foundry.Generated.Generator.Pipeline;

namespace Foundry.Generated.Generator.Emit.Integrations;

/// <summary>
/// What to emit for the referenced libraries: the templates whose names all exist, the skipped ones as
/// "adapter|missing name", and the route clients as "Type|Property" (for the DI registrations).
/// </summary>
internal sealed record IntegrationPlan(string RootNamespace, bool Internal, EquatableArray<string> Emit, EquatableArray<string> Skipped, EquatableArray<string> Clients) : IEquatable<IntegrationPlan>
{
    public static readonly IntegrationPlan None = new(GeneratorOptions.DefaultNamespace, false, EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty);
}

internal static class IntegrationEmitter
{
    /// <summary>Which adapters to emit for this spec and these references (a value: equal inputs, equal plan).</summary>
    public static IntegrationPlan Plan(SpecModel? spec, ReferencedLibraries libraries)
    {
        if (spec is null || (!libraries.ExtensionsAi && !libraries.Hosting))
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

        var clients = new List<string>();
        foreach (var client in spec.Clients?.Clients ?? EquatableArray<Operations.ClientModel>.Empty)
        {
            known.Add(client.Name);
            clients.Add(client.Name + "|" + client.PropertyName);
        }

        if (clients.Count > 0)
        {
            known.Add("FoundryLlmClient");
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
        foreach (var template in IntegrationTemplates.All.Where(t => libraries.Has(t.Library)))
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

        return new IntegrationPlan(spec.RootNamespace, spec.Internal, new EquatableArray<string>(emit.ToArray()), new EquatableArray<string>(skipped.ToArray()), new EquatableArray<string>(clients.ToArray()));
    }

    public static string HintName(string template) => IntegrationTemplates.All.First(t => t.Name == template).HintName;

    /// <summary>The source of one planned adapter: the template with its tokens and the root namespace filled in.</summary>
    public static string Emit(IntegrationPlan plan, string name)
    {
        var template = IntegrationTemplates.All.First(t => t.Name == name);
        var source = Load(template.Resource);
        foreach (var token in template.Tokens)
        {
            source = source.Replace(token.Key, token.Value);
        }

        if (source.Contains(IntegrationTemplates.RegistrationsToken))
        {
            source = source.Replace(IntegrationTemplates.RegistrationsToken, Registrations(plan.Clients));
        }

        return source.Replace(TypeVisibility.Token, TypeVisibility.Keyword(plan.Internal)).Replace("__Root__", plan.RootNamespace);
    }

    /// <summary>One <c>TryAddSingleton</c> per route client, resolved through the shared <c>FoundryLlmClient</c>.</summary>
    private static string Registrations(EquatableArray<string> clients)
    {
        var text = new StringBuilder();
        foreach (var entry in clients)
        {
            var parts = entry.Split('|');
            text.Append("            global::Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddSingleton(services, provider => Root(provider).")
                .Append(parts[1]).Append(");\n");
        }

        return text.ToString().TrimEnd('\n');
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
