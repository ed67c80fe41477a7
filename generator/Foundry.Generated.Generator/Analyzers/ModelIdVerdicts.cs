using System;
using System.Collections.Immutable;
using System.Linq;
using Foundry.Generated.Catalog;
using Foundry.Generated.Catalog.ModelIds;
using Foundry.Generated.Generator.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Foundry.Generated.Generator.Analyzers;

/// <summary>What the catalog says about one model-id string used on one route.</summary>
internal static class ModelIdVerdicts
{
    public static Diagnostic? Check(ModelCatalog catalog, string value, string route, bool allowUncatalogued, Location location)
    {
        if (catalog.Find(value) is { } model)
        {
            if (route != "*" && !model.SupportsRoute(route))
            {
                var routes = model.Routes.Count == 0 ? "(none)" : string.Join(", ", model.Routes.Select(r => r.Route));
                var hint = model.Routes.Count == 0 ? string.Empty : $"; use the {model.PreferredRoute} client";
                // What is known about this route, next to the route it is about (not after the list of working routes).
                var rejected = model.RejectionFor(route) is { } r
                    ? r.Probe is { } probe ? $" ({probe.Describe()})" : $" ({r.Evidence}: HTTP {r.Status})"
                    : string.Empty;
                var working = model.Routes.Select(x => x.Route).OrderBy(x => x == model.PreferredRoute ? 0 : 1);
                return Diagnostic.Create(FoundryDiagnostics.ModelNotOnRoute, location, Properties(ModelIdFixProperties.Routes, string.Join(ModelIdFixProperties.Separator.ToString(), working)), model.Id, route, rejected, routes, hint);
            }

            if (model.IsRetired)
            {
                var since = model.LifecycleDate is null ? string.Empty : " since " + model.LifecycleDate;
                var successor = Successor(catalog, model, route);
                var instead = successor is null ? string.Empty : $"; its successor is '{successor.Id}'";
                var properties = successor is null ? null : Properties(ModelIdFixProperties.Successor, string.Equals(value.Trim(), model.Rid, StringComparison.OrdinalIgnoreCase) ? successor.Rid : successor.Id);
                return Diagnostic.Create(FoundryDiagnostics.DeprecatedModel, location, properties, model.Id, model.Lifecycle, since + instead);
            }

            return null;
        }

        if (ModelIdRules.LooksLikeRid(value))
        {
            if (!ModelIdRules.IsWellFormedRid(value))
            {
                return Diagnostic.Create(FoundryDiagnostics.MalformedRid, location, value);
            }

            if (allowUncatalogued)
            {
                return Diagnostic.Create(FoundryDiagnostics.UncataloguedRid, location, value);
            }
        }

        var suggestions = catalog.Suggest(value);
        var didYouMean = suggestions.Count == 0 ? string.Empty : "; did you mean " + string.Join(" or ", suggestions.Select(s => "'" + s + "'")) + "?";
        var fixes = suggestions.Count == 0 ? null : Properties(ModelIdFixProperties.Suggestions, string.Join(ModelIdFixProperties.Separator.ToString(), suggestions));
        return Diagnostic.Create(FoundryDiagnostics.UnknownModelId, location, fixes, value, didYouMean);
    }

    // The successor the catalog names, if it works where the retired model was used (a successor on another route
    // would only turn FDRY003 into FDRY002).
    private static CatalogModel? Successor(ModelCatalog catalog, CatalogModel model, string route)
    {
        if (model.Successor is not { } id || catalog.Find(id) is not { } successor || successor.IsRetired)
        {
            return null;
        }

        return route == "*" || successor.SupportsRoute(route) ? successor : null;
    }

    private static ImmutableDictionary<string, string?> Properties(string key, string value)
        => ImmutableDictionary<string, string?>.Empty.Add(key, value);
}
