using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using Foundry.Generated.Catalog.Collections;
using Foundry.Generated.Catalog.Json;
using Foundry.Generated.Catalog.ModelIds;

namespace Foundry.Generated.Catalog;

/// <summary>Reads <c>model-catalog.json</c>. Never throws for bad input: problems carry file positions instead.</summary>
public static class CatalogReader
{
    public static CatalogReadResult Read(string json, CancellationToken cancellationToken = default)
    {
        var syntax = JsonLocator.FindSyntaxError(json ?? string.Empty);
        if (syntax is { } error)
        {
            var problem = new CatalogProblem(CatalogProblemKind.InvalidJson, error.Message, string.Empty, error.Position);
            return new CatalogReadResult(null, new[] { problem }.ToEquatableArray());
        }

        using var document = JsonDocument.Parse(json!);
        var context = new ReadContext(json!);
        var catalog = ReadCatalog(document.RootElement, context, cancellationToken);
        return new CatalogReadResult(context.Problems.Count == 0 ? catalog : null, context.Problems.ToEquatableArray());
    }

    private static ModelCatalog? ReadCatalog(JsonElement root, ReadContext context, CancellationToken cancellationToken)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            context.Report(CatalogProblemKind.InvalidEntry, "the catalog must be a JSON object", string.Empty);
            return null;
        }

        var version = context.RequiredString(root, "catalogVersion", string.Empty) ?? string.Empty;
        var routes = new List<CatalogRoute>();
        if (context.RequiredArray(root, "routes", string.Empty) is { } routeArray)
        {
            var i = 0;
            foreach (var item in routeArray.EnumerateArray())
            {
                var pointer = "/routes/" + i++;
                var id = context.RequiredString(item, "id", pointer);
                if (id != null && !ModelIdRules.IsKnownRoute(id))
                {
                    context.Report(CatalogProblemKind.UnknownRoute, $"route '{id}' is not a Foundry proxy route", pointer + "/id");
                }

                routes.Add(new CatalogRoute(
                    id ?? string.Empty,
                    context.RequiredString(item, "provider", pointer) ?? string.Empty,
                    context.RequiredString(item, "displayName", pointer) ?? string.Empty,
                    context.OptionalBool(item, "acceptsFriendlyIds") ?? false,
                    context.RequiredString(item, "pathTemplate", pointer) ?? string.Empty));
            }
        }

        var models = new List<CatalogModel>();
        if (context.RequiredArray(root, "models", string.Empty) is { } modelArray)
        {
            var i = 0;
            foreach (var item in modelArray.EnumerateArray())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (CatalogModelReader.Read(item, "/models/" + i++, context) is { } model)
                {
                    models.Add(model);
                }
            }
        }

        CatalogConsistency.Check(models, context);
        return new ModelCatalog(version, routes.ToEquatableArray(), models.ToEquatableArray());
    }
}
