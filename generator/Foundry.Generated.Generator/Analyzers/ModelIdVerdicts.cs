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
                return Diagnostic.Create(FoundryDiagnostics.ModelNotOnRoute, location, model.Id, route, rejected, routes, hint);
            }

            if (model.IsRetired)
            {
                var since = model.LifecycleDate is null ? string.Empty : " since " + model.LifecycleDate;
                return Diagnostic.Create(FoundryDiagnostics.DeprecatedModel, location, model.Id, model.Lifecycle, since);
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
        return Diagnostic.Create(FoundryDiagnostics.UnknownModelId, location, value, didYouMean);
    }
}
