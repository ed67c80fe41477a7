using System;
using System.Collections.Generic;
using Foundry.Generated.Catalog.Collections;
using Foundry.Generated.Generator.Pipeline;
using Foundry.Generated.Generator.Schemas;

namespace Foundry.Generated.Generator.Emit.Integrations;

/// <summary>
/// The names a spec's generated code declares below its root namespace, in the form of
/// <see cref="AdapterRequirements"/>: types (<c>OpenAi.Response</c>), their members (<c>OpenAi.Response.Id</c>,
/// enum values, a union's <c>Is</c>/<c>As</c> accessors, <c>AdditionalProperties</c>), the route clients, <c>FoundryLlmClient</c> and the model types.
/// </summary>
internal static class SpecNames
{
    public static HashSet<string> Of(SpecModel spec)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        var prefix = spec.RootNamespace + ".";
        foreach (var type in spec.Types)
        {
            var ns = type.Namespace.StartsWith(prefix, StringComparison.Ordinal) ? type.Namespace.Substring(prefix.Length) + "." : string.Empty;
            var name = ns + type.Name;
            known.Add(name);
            foreach (var property in type.Properties)
            {
                known.Add(name + "." + property.CSharpName);
            }

            foreach (var value in type.EnumValues)
            {
                known.Add(name + "." + value.CSharpName);
            }

            foreach (var union in type.Cases)
            {
                known.Add(name + ".Is" + union.MemberName);
                known.Add(name + ".As" + union.MemberName);
            }

            if (type.DiscriminatorCSharpName is { } discriminator)
            {
                known.Add(name + "." + discriminator);
            }

            // Every record that is not a union member, and every discriminated union, keeps unknown JSON properties.
            if ((type.Kind == TypeModelKind.Record && type.BaseType is null) || type.Kind == TypeModelKind.DiscriminatedUnion)
            {
                known.Add(name + ".AdditionalProperties");
            }
        }

        var clients = spec.Clients?.Clients ?? EquatableArray<Operations.ClientModel>.Empty;
        foreach (var client in clients)
        {
            known.Add(client.Name);
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

        return known;
    }
}
